"""Asking a question, and the filters of the question list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.comments.limits import POST_LIMIT_REACHED, may_post
from community.models import Question
from library.models import MaterialPage, Topic


class QuestionForm(forms.ModelForm):
    """A member's question to the network: the question, its details, at least one topic and
    the materials it is about (optional, of those everybody may see). Whitespace around the
    texts is dropped, so a text of spaces counts as empty. A member who posted the hour's
    allowance (community/comments/limits.py) is asked to wait."""

    class Meta:
        model = Question
        fields = ["title", "text", "topics", "materials"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 10}),
            "topics": forms.CheckboxSelectMultiple,
            "materials": forms.SelectMultiple(attrs={"size": 8}),
        }
        labels = {
            "title": _("Your question"),
            "text": _("Details"),
            "topics": _("Topics"),
            "materials": _("Materials it is about"),
        }
        help_texts = {
            "title": _(
                "One sentence, at most 200 characters, e.g. »Wie gehen Sie mit Absagen von "
                "Patinnen kurz vor dem ersten Treffen um?«"
            ),
            "text": _(
                "Describe your situation and what you have tried. Plain text, at most 5,000 "
                "characters; web addresses become links."
            ),
            "topics": _(
                "At least one. Members with these topics see your question on their page »My area«."
            ),
            "materials": _(
                "Optional: materials of the knowledge database your question is about. Hold "
                "Ctrl (on a Mac: Cmd) to choose more than one."
            ),
        }
        error_messages = {"topics": {"required": _("Please choose at least one topic.")}}

    def __init__(self, *args, author, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.author = author
        self.fields["materials"].queryset = MaterialPage.objects.visible().order_by("title")

    def clean(self):
        cleaned = super().clean()
        if not may_post(self.author):
            raise forms.ValidationError(POST_LIMIT_REACHED, code="limit")
        return cleaned

    def save(self, commit=True):
        question = super().save(commit=False)
        question.author = self.author
        if commit:
            question.save()
            self.save_m2m()
        return question


class QuestionFilterForm(forms.Form):
    """The filters of the question list, read from the GET parameters topic (slug), state
    (open or solved) and mine (1: the member's own questions); an unknown value is
    ignored."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("all")), ("open", _("open")), ("solved", _("solved"))],
    )
    mine = forms.BooleanField(
        label=_("Only my questions"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["topic"].choices = [("", _("all")), *Topic.objects.values_list("slug", "name")]
        for name in ("topic", "state"):
            self.fields[name].widget.attrs["data-omit-if"] = ""  # left out of the address

    def chosen(self):
        """{parameter: value} of the valid filters chosen."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, questions, user):
        chosen = self.chosen()
        if "topic" in chosen:
            questions = questions.filter(topics__slug=chosen["topic"])
        if chosen.get("state") == "open":
            questions = questions.open()
        elif chosen.get("state") == "solved":
            questions = questions.solved()
        if chosen.get("mine"):
            questions = questions.filter(author=user)
        return questions

    def active_filters(self, url_without):
        """(label, url without it) for each chosen filter; `url_without(name)` makes the url."""
        active = []
        for name, value in self.chosen().items():
            field = self.fields[name]
            if name == "mine":
                label = field.label
            else:
                label = f"{field.label}: {dict(field.choices)[value]}"
            active.append((label, url_without(name)))
        return active
