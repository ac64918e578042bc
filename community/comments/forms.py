from django import forms
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 3000


class CommentForm(forms.Form):
    """The text of a comment or answer: plain text, trimmed, not empty, not too long."""

    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _("Please write something before you send it."),
            "max_length": _(
                "Please shorten your text to at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )
