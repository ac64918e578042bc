import unicodedata

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from events.models import Registration

DETAILS = ["name", "organisation", "email", "dietary_needs", "accessibility_needs"]
# Besides letters of any script (and their accents): what names are written with. No comma
# (the e-mails' greeting puts one after the name), no colon, slash, @ or digits, so a name
# cannot carry a web address, a phone number or a message of its own.
NAME_PUNCTUATION = {" ", "-", "'", "’", "."}


def clean_name(value):
    """The name with its whitespace tidied (one space between parts), or ValidationError
    when it holds anything but letters and name punctuation."""
    name = unicodedata.normalize("NFC", " ".join(value.split()))
    has_letter = any(unicodedata.category(char).startswith("L") for char in name)
    others = {char for char in name if unicodedata.category(char)[0] not in "LM"}
    if not has_letter or not others <= NAME_PUNCTUATION:
        raise ValidationError(
            _(
                "Please write your name with letters only; spaces, hyphens, apostrophes and "
                "full stops are allowed too."
            ),
            code="invalid_name",
        )
    return name


class RegistrationForm(forms.ModelForm):
    """The congress's registration form: the person, one workshop per parallel slot, needs
    and the consent to the privacy notice. Places and the waiting list are the business of
    events/waiting_list.py."""

    privacy_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my details are stored to "
            "organise the congress."
        ),
        error_messages={"required": _("Please agree to the privacy notice to register.")},
    )

    class Meta:
        model = Registration
        fields = DETAILS
        help_texts = {
            "organisation": _("The carrier or institution you work for."),
            "dietary_needs": _("e.g. vegetarian, vegan, allergies"),
            "accessibility_needs": _("e.g. step-free access, sign language interpreting"),
        }

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.slots = []
        for number, ((day, start), sessions) in enumerate(congress.workshop_slots(), start=1):
            name = f"workshop_{number}"
            self.fields[name] = forms.ChoiceField(
                label=_("Workshop on %(day)s at %(time)s")
                % {"day": day.strftime("%d.%m.%Y"), "time": time_format(start, "H:i")},
                choices=[("", _("No workshop"))]
                + [(str(session.pk), workshop_label(session)) for session in sessions],
                required=False,
                widget=forms.RadioSelect,
            )
            self.slots.append((name, {str(session.pk): session for session in sessions}))

    def clean_name(self):
        return clean_name(self.cleaned_data["name"])

    def has_field_errors(self):
        """Errors of single fields (not only one about the whole form, e.g. too many)."""
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def workshop_fields(self):
        return [self[name] for name, _sessions in self.slots]

    def detail_fields(self):
        return [self[name] for name in DETAILS]

    def details(self):
        return {name: self.cleaned_data[name] for name in DETAILS}

    def workshops(self):
        """The chosen workshops, one per slot at most."""
        return [
            sessions[self.cleaned_data[name]]
            for name, sessions in self.slots
            if self.cleaned_data.get(name)
        ]


def workshop_label(session):
    parts = [session.title]
    if session.room:
        parts.append(session.room)
    return " – ".join(parts)
