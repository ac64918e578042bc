from django import forms
from django.utils.text import capfirst

from community.models import DEFAULT_FREQUENCY, Frequency, NotificationKind, NotificationSetting


class NotificationSettingsForm(forms.Form):
    """How a member hears of each kind of notification by e-mail: one choice per kind, the
    weekly digest unless chosen otherwise."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.user = user
        chosen = dict(
            NotificationSetting.objects.filter(user=user).values_list("kind", "frequency")
        )
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=capfirst(kind.label),
                choices=[(value, capfirst(label)) for value, label in Frequency.choices],
                initial=chosen.get(kind.value, DEFAULT_FREQUENCY),
            )

    def save(self):
        for kind in NotificationKind:
            NotificationSetting.objects.update_or_create(
                user=self.user, kind=kind, defaults={"frequency": self.cleaned_data[kind.value]}
            )
