"""The forms of accounts and profiles: what the sign-up asks besides allauth's fields, a
member's own profile, and the member directory's filters."""

import logging

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.members.photos import processed_photo
from community.models import ContactVisibility, MemberProfile, SpokenLanguage
from home.models import FederalState, Organisation
from library.browse import SEARCH_UNAVAILABLE
from library.models import Topic

logger = logging.getLogger(__name__)


class SignupForm(forms.Form):
    """What allauth's sign-up asks besides e-mail and password: name, organisation (an
    existing one, or a new one a moderator confirms) and consent to the privacy notice."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("– my organisation is not listed –"),
        help_text=_("The carrier you work for in the programme."),
    )
    new_organisation = forms.CharField(
        label=_("Name of your organisation, if it is not listed"),
        max_length=160,
        required=False,
        help_text=_("A moderator confirms new organisations."),
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my details are processed."),
        error_messages={"required": _("Please agree to the privacy notice to sign up.")},
    )

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        new_name = cleaned.get("new_organisation", "").strip()
        if organisation and new_name:
            self.add_error(
                "new_organisation",
                _("Either choose your organisation from the list or name a new one."),
            )
        elif not organisation and not new_name:
            self.add_error("organisation", _("Please choose your organisation or name it."))
        elif new_name:
            # A name already listed is the listed organisation.
            cleaned["organisation"] = Organisation.objects.filter(name__iexact=new_name).first()
            if cleaned["organisation"]:
                cleaned["new_organisation"] = ""
        return cleaned

    def signup(self, request, user):
        """Called by allauth once the user exists: the profile starts pending."""
        data = self.cleaned_data
        user.first_name, user.last_name = data["first_name"], data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        MemberProfile.objects.create(
            user=user,
            display_name=f"{data['first_name']} {data['last_name']}".strip(),
            organisation=data["organisation"],
            proposed_organisation=data["new_organisation"].strip(),
            privacy_consent_at=timezone.now(),
            privacy_notice_version=settings.PRIVACY_NOTICE_VERSION,
        )


class ProfileForm(forms.ModelForm):
    """A member's own profile. The organisation is not among the fields: moderators confirm
    it on approval, so members cannot list themselves under another organisation. The
    photo is checked and cleaned by community/members/photos.py before it is stored."""

    photo_upload = forms.FileField(
        label=_("Upload a photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG or WebP, at most 5 MB. It is shown to approved members only, "
            "reduced to 600 × 600 pixels and stored without its metadata (e.g. location)."
        ),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = MemberProfile
        fields = [
            "display_name",
            "role",
            "state",
            "city",
            "topics",
            "languages",
            "bio",
            "offers",
            "seeks",
            "contact_email",
            "contact_phone",
            "contact_visibility",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "contact_visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 6}),
            "offers": forms.Textarea(attrs={"rows": 4}),
            "seeks": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "display_name": _("Name"),
            "role": _("Role"),
            "state": _("Federal state"),
            "city": _("City"),
            "topics": _("Topics of expertise"),
            "languages": _("Languages I speak"),
            "bio": _("About me"),
            "offers": _("I offer"),
            "seeks": _("I am looking for"),
            "contact_email": _("E-mail address for contact"),
            "contact_phone": _("Phone number for contact"),
            "contact_visibility": _("Who may see my contact details?"),
        }
        help_texts = {
            "display_name": _("Your name as other members see it."),
            "role": _("Your role in the programme, e.g. »Koordinatorin Patenschaften«."),
            "topics": _("What you know well and can advise others on."),
            "bio": _("A few sentences about you and your work. Plain text, no formatting."),
            "offers": _("What other members can ask you for, e.g. experience or materials."),
            "seeks": _("What you are looking for, e.g. partners, ideas or advice."),
            "contact_email": _("May differ from the address you log in with."),
            "contact_visibility": _(
                "Visitors of the public website never see your profile or contact details."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["state"].choices = [("", _("– please choose –")), *FederalState.choices]
        self.fields["contact_visibility"].choices = [
            (ContactVisibility.MEMBERS, _("approved members of the network")),
            (ContactVisibility.NOBODY, _("nobody – I do not show contact details")),
        ]

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return processed_photo(upload) if upload else None

    def save(self, commit=True):
        """Stores the profile; a new photo replaces the old one, whose file MemberProfile.save
        deletes after the commit."""
        profile = super().save(commit=False)
        if self.cleaned_data.get("photo_upload"):
            profile.photo = self.cleaned_data["photo_upload"]
        elif self.cleaned_data.get("remove_photo"):
            profile.photo = ""
        if commit:
            profile.save()
            self.save_m2m()
        return profile


class DirectoryFilterForm(forms.Form):
    """The member directory's filters, read from the GET parameters q, state, topic (slug),
    organisation (slug) and language (code). The choices come from one query per
    taxonomy, which also gives the names of the chosen values; an unknown value is
    ignored."""

    q = forms.CharField(label=_("Name or keyword"), max_length=200, required=False)
    state = forms.ChoiceField(label=_("Federal state"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    FILTERS = {  # GET parameter: the profile field it filters
        "state": "state",
        "topic": "topics__slug",
        "organisation": "organisation__slug",
        "language": "languages__code",
    }

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["data-omit-if"] = ""  # left out of the address when empty
        everyone = [("", _("all"))]
        self.fields["state"].choices = everyone + list(FederalState.choices)
        self.fields["topic"].choices = everyone + list(Topic.objects.values_list("slug", "name"))
        self.fields["organisation"].choices = everyone + list(
            Organisation.objects.order_by("name").values_list("slug", "name")
        )
        self.fields["language"].choices = everyone + list(
            SpokenLanguage.objects.values_list("code", "name")
        )

    def chosen(self):
        """{parameter: value} of the valid filters the visitor chose (free text included)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, profiles):
        chosen = self.chosen()
        self.search_unavailable = False
        if chosen.get("q"):
            try:
                profiles = profiles.matching(chosen["q"])
            except SEARCH_UNAVAILABLE:
                logger.exception("The search backend is unavailable")
                self.search_unavailable = True
                return profiles.none()
        filters = {field: chosen[name] for name, field in self.FILTERS.items() if name in chosen}
        return profiles.filter(**filters)

    def active_filters(self, url_without):
        """(label, url without it) for each chosen filter; `url_without(name)` makes the url."""
        active = []
        for name, value in self.chosen().items():
            if name == "q":
                label = f"»{value}«"
            else:
                field = self.fields[name]
                label = f"{field.label}: {dict(field.choices)[value]}"
            active.append((label, url_without(name)))
        return active
