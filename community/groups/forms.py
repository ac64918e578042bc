"""The forms of working groups on the site."""

from urllib.parse import urlsplit

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.groups import access
from community.groups.models import GroupMeeting, GroupThread, WorkingGroup
from home.models.pages import viewable_by
from library.models import MaterialPage

MESSAGE_LENGTH = 1000


def message_field(label, help_text):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RequestForm(forms.Form):
    message = message_field(
        _("Message to the group's moderators (optional)"),
        _("E.g. who you are and what you would like to contribute."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", prefix="request", **kwargs)


class DecisionForm(forms.Form):
    """The answer to the request `membership`."""

    message = message_field(
        _("Message to the person (optional)"), _("It goes with our e-mail about your decision.")
    )

    def __init__(self, membership, *args, **kwargs):
        super().__init__(*args, label_suffix="", prefix=f"decision-{membership.pk}", **kwargs)


class InviteForm(forms.Form):
    """Invites `person` into one of the groups `user` moderates that are open and that
    `person` has no part in yet."""

    group = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=WorkingGroup.objects.none(),
        error_messages={"invalid_choice": _("Please choose one of your working groups.")},
    )
    message = message_field(_("Message (optional)"), _("It goes with the invitation."))

    def __init__(self, user, person, *args, **kwargs):
        super().__init__(*args, label_suffix="", prefix="invite", **kwargs)
        groups = access.moderated_by(user).filter(archived_at__isnull=True)
        self.fields["group"].queryset = groups.exclude(memberships__user=person).order_by("name")


class GroupForm(forms.ModelForm):
    """A working group a member founds on the site."""

    class Meta:
        model = WorkingGroup
        fields = ["name", "purpose", "topics", "visibility", "joining", "ends_on"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "topics": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "joining": forms.RadioSelect,
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["name"].help_text = _("E.g. »AG Wohnraum«.")

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on and ends_on < timezone.localdate():
            raise forms.ValidationError(_("The planned end lies in the past."))
        return ends_on


class ThreadForm(forms.ModelForm):
    """A new discussion in a working group."""

    class Meta:
        model = GroupThread
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
        labels = {"title": _("Topic"), "text": _("Your contribution")}
        help_texts = {"title": _("E.g. »Mietverträge für WGs: Erfahrungen?«.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", prefix="thread", **kwargs)


def moment_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(forms.ModelForm):
    """A meeting a group's moderators plan."""

    class Meta:
        model = GroupMeeting
        fields = ["title", "starts_at", "ends_at", "place", "online_url", "description"]
        widgets = {
            "starts_at": moment_widget(),
            "ends_at": moment_widget(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "place": _("Address and room, or leave empty for an online meeting."),
            "online_url": _("Shown only to those who read the group's content."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", prefix="meeting", **kwargs)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and starts_at < timezone.now():
            self.add_error("starts_at", _("The beginning lies in the past."))
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must come after the beginning."))
        if (
            not cleaned.get("place")
            and not cleaned.get("online_url")
            and "online_url" not in self.errors
        ):
            self.add_error("place", _("Please give a place or an online link."))
        return cleaned


class MaterialLinkForm(forms.Form):
    """Links a material of the knowledge database, given by its web address, to a group."""

    address = forms.CharField(
        label=_("Address of the material"),
        max_length=500,
        help_text=_("Copy it from the material's page in the knowledge database."),
    )
    note = forms.CharField(label=_("Why it helps (optional)"), max_length=300, required=False)

    def __init__(self, user, group, *args, **kwargs):
        super().__init__(*args, label_suffix="", prefix="material", **kwargs)
        self.user, self.group = user, group

    def clean_address(self):
        path = urlsplit(self.cleaned_data["address"].strip()).path
        slug = next((part for part in reversed(path.split("/")) if part), "")
        found = MaterialPage.objects.live().filter(viewable_by(self.user), slug=slug).first()
        if found is None:
            raise forms.ValidationError(
                _("There is no material of the knowledge database at this address.")
            )
        if self.group.materials.filter(material=found).exists():
            raise forms.ValidationError(_("The group has this material already."))
        return found
