"""Where events live: the index »Veranstaltungen«, simple events, and congresses with their
agenda. Dates and times are wall-clock times in Europe/Berlin (TIME_ZONE)."""

import datetime
from itertools import groupby

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.caching import SITE, cached
from home.models.pages import SitePage, unrestricted
from library.models import Topic

from .speakers import Speaker

EVENT_MANAGERS = "Veranstaltungsmanagement"
# What event managers may do below »Veranstaltungen« (and nowhere else).
EVENT_MANAGER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
# The order of an agenda: by day and time; sessions at the same time as editors sorted them.
AGENDA_ORDER = ("day", "start_time", "sort_order", "pk")
# The material types of a session's slides and minutes.
SESSION_MATERIAL_TYPES = ["Präsentation", "Dokumentation"]


def berlin(day, time):
    """An aware datetime for a wall-clock time in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


class EventIndexPage(SitePage):
    """»Veranstaltungen«: upcoming events first, soonest first; then past ones."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.CongressPage", "events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event list")
        verbose_name_plural = _("event lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        events = cached(SITE, f"events:{self.pk}", self.events)
        upcoming = [event for event in events if event.last_day >= today]
        past = [event for event in events if event.last_day < today]
        context["upcoming"] = sorted(upcoming, key=lambda event: (event.starts_at, event.title))
        context["past"] = sorted(past, key=lambda event: event.starts_at, reverse=True)
        return context

    def events(self):
        """The published events below the list that everybody may see, kept in the cache
        SITE; which of them are upcoming is decided anew on each request."""
        return [
            *CongressPage.objects.child_of(self).live().filter(unrestricted()),
            *EventPage.objects.child_of(self).live().filter(unrestricted()),
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        grant_event_managers(self)


def grant_event_managers(page):
    """Give the group Veranstaltungsmanagement the page rights on `page` and below."""
    group = Group.objects.filter(name=EVENT_MANAGERS).first()
    if group is None:
        return
    for permission in group.permissions.model.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EVENT_MANAGER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


class EventPage(SitePage):
    """A single date: a meeting, an online seminar, a network day."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    place = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("Venue and address; leave empty for events that take place online only."),
    )
    online = models.BooleanField(
        _("online"), default=False, help_text=_("Tick when people take part online.")
    )

    content_panels = SitePage.content_panels[:1] + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("online"),
            ],
            heading=_("Date and place"),
        ),
        *SitePage.content_panels[1:],
    ]
    search_fields = SitePage.search_fields + [index.SearchField("place")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    @property
    def starts_at(self):
        return self.start

    @property
    def ends_at(self):
        return self.end or self.start

    @property
    def first_day(self):
        return timezone.localtime(self.start).date()

    @property
    def last_day(self):
        return timezone.localtime(self.ends_at).date()

    @property
    def location(self):
        if self.online and self.place:
            return _("%(place)s and online") % {"place": self.place}
        return self.place or _("Online")


class CongressPageForm(WagtailAdminPageForm):
    """Checks that need the congress and its sessions together."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day must not be before the first day."))
        return cleaned

    def is_valid(self):
        # The sessions' forms are cleaned after the page's own clean(): check their days here.
        valid = super().is_valid()
        start, end = self.cleaned_data.get("start_date"), self.cleaned_data.get("end_date")
        if not (start and end):
            return valid
        for form in self.formsets["sessions"].forms:
            data = getattr(form, "cleaned_data", {})
            if data.get("day") and not data.get("DELETE") and not start <= data["day"] <= end:
                form.add_error("day", _("The day must be one of the congress's days."))
                valid = False
        return valid


class CongressPage(RoutablePageMixin, SitePage):
    """A congress of several days: its agenda of sessions, registration with a waiting list,
    and its documentation afterwards. The lead and body introduce it."""

    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("Street, postcode and city.")
    )
    audience = models.CharField(
        _("audience"),
        max_length=300,
        blank=True,
        help_text=_("Who the congress is for, e.g. »ProgrammträgerInnen und ExpertInnen«."),
    )
    registration_enabled = models.BooleanField(
        _("registration open"),
        default=False,
        help_text=_("Tick to show the registration form (until the deadline)."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("After this time nobody can register; empty: until the first day."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        default=200,
        help_text=_(
            "How many people can take part. Once all places are taken, registrations go onto "
            "the waiting list; raising the number offers places to the people waiting."
        ),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept an offered place"),
        default=72,
        help_text=_("A place offered from the waiting list passes on to the next person after."),
    )
    confirmation_hours = models.PositiveSmallIntegerField(
        _("hours to confirm the e-mail address"),
        default=24,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Visitors who register without logging in confirm their e-mail address with a "
            "link we send them; until then their place or their spot on the waiting list is "
            "held provisionally. Registrations not confirmed within this time lapse and "
            "free their place. Members logged in with a verified address need no link."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page people consent to when they register."),
    )
    review = StreamField(
        BodyBlock(),
        verbose_name=_("review"),
        blank=True,
        help_text=_("After the congress: what happened, results, thanks."),
    )

    content_panels = SitePage.content_panels[:1] + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("venue_name"), FieldPanel("venue_address")]),
                FieldPanel("audience"),
            ],
            heading=_("Date and place"),
        ),
        *SitePage.content_panels[1:],
    ]
    agenda_panels = [
        InlinePanel(
            "sessions",
            heading=_("Sessions"),
            label=_("Session"),
            help_text=_(
                "Sessions on the same day at the same time are shown side by side as parallel "
                "sessions; visitors choose one workshop per time slot when they register."
            ),
        )
    ]
    registration_panels = [
        FieldPanel("registration_enabled"),
        FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("offer_hours"), FieldPanel("confirmation_hours")]),
        FieldPanel("privacy_page"),
    ]
    documentation_panels = [
        FieldPanel("review"),
        InlinePanel("gallery_images", heading=_("Photo gallery"), label=_("Photo")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(agenda_panels, heading=_("Agenda")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(documentation_panels, heading=_("Documentation")),
            ObjectList(SitePage.promote_panels, heading=_("Promote")),
            ObjectList(SitePage.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = CongressPageForm
    search_fields = SitePage.search_fields + [
        index.SearchField("venue_name"),
        index.SearchField("audience"),
        index.SearchField("review"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")

    @property
    def starts_at(self):
        return berlin(self.start_date, datetime.time(0))

    @property
    def first_day(self):
        return self.start_date

    @property
    def last_day(self):
        return self.end_date

    @property
    def location(self):
        return ", ".join(part for part in (self.venue_name, self.venue_address) if part)

    @property
    def is_past(self):
        return self.end_date < timezone.localdate()

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        if not self.registration_enabled or self.is_past:
            return False
        deadline = self.registration_deadline or berlin(self.start_date, datetime.time(0))
        return now < deadline

    # --- Routes: the views live in events/views.py ------------------------------------

    @path("", name="agenda")
    def agenda_view(self, request):
        from events import views

        return views.congress(request, self)

    @path("anmelden/", name="register")
    def register_view(self, request):
        from events import views

        return views.register(request, self)

    @path("anmeldung/<str:token>/", name="registration")
    def registration_view(self, request, token):
        from events import views

        return views.registration(request, self, token)

    @path("anmeldung/<str:token>/bestaetigen/<str:key>/", name="confirm_registration")
    def confirm_registration_view(self, request, token, key):
        from events import views

        return views.confirm_registration(request, self, token, key)

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        from events import views

        return views.congress_calendar(request, self)

    @path("sitzung-<int:session_id>/kalender/", name="session_calendar")
    def session_calendar_view(self, request, session_id):
        from events import views

        return views.session_calendar(request, self, session_id)

    @cached_property
    def agenda(self):
        """The sessions with speakers, topics and materials, in time order."""
        return list(
            self.sessions.order_by(*AGENDA_ORDER).prefetch_related(
                models.Prefetch(
                    "speakers", Speaker.objects.select_related("organisation", "photo")
                ),
                "speakers__photo__renditions",
                "topics",
                "materials",
            )
        )

    def workshop_slots(self):
        """The time slots with workshops to choose from when registering: per (day, start)
        the workshops that run then."""
        workshops = [s for s in self.agenda if s.format == SessionFormat.WORKSHOP]
        return [
            (slot, list(sessions))
            for slot, sessions in groupby(workshops, key=lambda s: (s.day, s.start_time))
        ]


class SessionFormat(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    FORUM = "forum", _("Forum")
    WORKSHOP = "workshop", _("Workshop")
    BREAK = "break", _("Break")
    EVENING = "evening", _("Evening programme")


class AgendaSession(index.Indexed, Orderable, ClusterableModel):
    """One point of a congress's agenda, edited inline on the congress."""

    congress = ParentalKey(CongressPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=255)
    format = models.CharField(
        _("format"), max_length=20, choices=SessionFormat.choices, default=SessionFormat.PLENARY
    )
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    room = models.CharField(_("room"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="agenda_sessions"
    )
    speakers = ParentalManyToManyField(
        Speaker, verbose_name=_("speakers"), blank=True, related_name="sessions"
    )
    materials = ParentalManyToManyField(
        "library.MaterialPage",
        verbose_name=_("materials"),
        blank=True,
        related_name="agenda_sessions",
        limit_choices_to=Q(material_type__name__in=SESSION_MATERIAL_TYPES),
        help_text=_(
            "Slides and minutes after the congress: materials of the knowledge database of "
            "the type Präsentation or Dokumentation."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("For workshops: how many people can take part; empty for no limit."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("room"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("description"),
        FieldPanel("speakers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("materials"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("room"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("congress"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end must be after the start.")})

    @property
    def starts_at(self):
        return berlin(self.day, self.start_time)

    @property
    def ends_at(self):
        return berlin(self.day, self.end_time)

    @property
    def anchor(self):
        return f"sitzung-{self.pk}"

    @property
    def is_workshop(self):
        return self.format == SessionFormat.WORKSHOP

    def get_format_label(self):
        return SessionFormat(self.format).label


class GalleryImage(Orderable):
    """A photo of the congress's documentation; the image's credit is shown with it."""

    congress = ParentalKey(CongressPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
