import logging

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from community.limits import may_post
from community.models import (
    DEFAULT_COLLECTION_NAME,
    DEFAULT_FREQUENCY,
    CollectionItem,
    ContactVisibility,
    Frequency,
    MaterialCollection,
    MemberProfile,
    NotificationKind,
    NotificationSetting,
    Question,
    SpokenLanguage,
)
from community.photos import processed_photo
from home.models import FederalState, Organisation
from library.browse import SEARCH_UNAVAILABLE
from library.models import MaterialPage, Topic

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
    photo is checked and cleaned by community/photos.py before it is stored."""

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


class DeleteAccountForm(forms.Form):
    """The current password, asked for before an account is deleted."""

    password = forms.CharField(
        label=_("Your current password"),
        help_text=_("To confirm that it is you, enter the password you log in with."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The password is not correct. Your account has not been deleted."),
                code="wrong_password",
            )
        return password


POST_LIMIT_REACHED = _(
    "You have posted a lot within the last hour. Please wait a while before you post again; "
    "what you wrote is kept."
)


class QuestionForm(forms.ModelForm):
    """A member's question to the network: the question, its details, at least one topic and
    the materials it is about (optional, of those everybody may see). Whitespace around the
    texts is dropped, so a text of spaces counts as empty. A member who posted the hour's
    allowance (community/limits.py) is asked to wait."""

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


# --- Document collections (»Merkliste«) ------------------------------------------------------


class CollectionForm(forms.ModelForm):
    """A member's collection: name (unique among the owner's collections), description and
    whether other members see it."""

    class Meta:
        model = MaterialCollection
        fields = ["name", "description", "is_shared"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "name": _("Name"),
            "description": _("Description"),
            "is_shared": _("Share with all members of the network"),
        }
        help_texts = {
            "name": _("E.g. »Starterpaket für neue Patenschaftsprojekte«."),
            "description": _("What the collection is for. Plain text, no formatting."),
            "is_shared": _(
                "Other approved members can then see the collection with your notes and "
                "download its files. Unshared collections are visible to you only."
            ),
        }

    def __init__(self, owner, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.owner = owner

    def clean_name(self):
        name = self.cleaned_data["name"]
        others = MaterialCollection.objects.filter(owner=self.owner, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("You already have a collection with this name. Please choose another one."),
                code="duplicate_name",
            )
        return name

    def save(self, commit=True):
        self.instance.owner = self.owner
        return super().save(commit)


class CollectionItemNoteForm(forms.ModelForm):
    """The note on a material in a collection; prefixed with the item, so that every item
    of a collection's page has its own field."""

    class Meta:
        model = CollectionItem
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        labels = {"note": _("Note")}
        help_texts = {"note": _("Plain text, at most 1000 characters.")}

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, prefix=f"item{instance.pk}", **kwargs)


class SaveMaterialForm(forms.Form):
    """Which of the member's collections a material goes into. The »Merkliste« is always
    offered first; it is created when chosen for the first time."""

    collection = forms.TypedChoiceField(
        label=_("Save in"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, owner, *args, collections=None, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.owner = owner
        if collections is None:
            collections = MaterialCollection.objects.filter(owner=owner)
        default = [c for c in collections if c.name == DEFAULT_COLLECTION_NAME]
        others = [(c.pk, c.name) for c in collections if c.name != DEFAULT_COLLECTION_NAME]
        first = (default[0].pk if default else "", DEFAULT_COLLECTION_NAME)
        self.fields["collection"].choices = [first, *others]

    def target(self):
        """The chosen collection (the »Merkliste«, created if need be, when none is)."""
        pk = self.cleaned_data["collection"]
        if pk is not None:
            return MaterialCollection.objects.get(owner=self.owner, pk=pk)
        collection, _created = MaterialCollection.objects.get_or_create(
            owner=self.owner, name=DEFAULT_COLLECTION_NAME
        )
        return collection


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
