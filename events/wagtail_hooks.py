"""The admin for event managers: speakers as snippets; the registrations of all congresses
with filters (among them whether the e-mail address is confirmed), a spreadsheet export and
a printable attendance list per congress (confirmed participants only). Pages below
»Veranstaltungen« are edited in the page tree (rights: migration events.0002)."""

import csv
import unicodedata

import django_filters
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import Echo
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models import CongressPage, Registration, RegistrationState, Speaker
from events.models.registrations import ACTIVE

# A spreadsheet reads a cell that starts with one of these as a formula; registrations come
# from the public form, so such values are written as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def german_sort_key(name):
    """Sorts names as a German list does: »Ärger« with »Arger«, case ignored."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- Speakers ----------------------------------------------------------------------------


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", Column("affiliation", label=_("Organisation"))]
    search_fields = ["name"]
    search_backend_name = None  # a plain name search in the database
    ordering = ["name"]

    def get_queryset(self, request):
        return Speaker.objects.select_related("organisation")


# --- Registrations -----------------------------------------------------------------------


class RegistrationFilterSet(WagtailFilterSet):
    congress = django_filters.ModelChoiceFilter(
        queryset=CongressPage.objects.order_by("-start_date", "title")
    )
    email_confirmed = django_filters.BooleanFilter(
        label=_("E-mail address confirmed"), method="filter_email_confirmed"
    )

    class Meta:
        model = Registration
        fields = ["congress", "state", "email_confirmed"]

    def filter_email_confirmed(self, queryset, name, value):
        return queryset.filter(email_confirmed_at__isnull=not value)


def state_of(registration):
    """The state as the list shows it; a registration whose e-mail address is not confirmed
    says so, with the time it lapses."""
    label = registration.get_state_display()
    if registration.awaits_confirmation and registration.confirmation_expires_at:
        return _("%(state)s – to be confirmed by %(time)s") % {
            "state": label,
            "time": timezone.localtime(registration.confirmation_expires_at).strftime(
                "%d.%m.%Y %H:%M"
            ),
        }
    return label


class RegistrationForm(WagtailAdminModelForm):
    """Corrections to a person's details; the state follows the rules of the waiting list
    (events/waiting_list.py) and is not edited by hand."""

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        registration = self.instance
        taken = (
            Registration.objects.filter(
                congress=registration.congress_id, email=email, state__in=ACTIVE
            )
            .exclude(pk=registration.pk)
            .exists()
        )
        if taken and registration.state in ACTIVE:
            raise ValidationError(
                _("Another registration for this congress already uses this e-mail address.")
            )
        return email


class RegistrationIndexView(IndexView):
    """The registrations, newest first. The CSV export starts with a byte order mark, so a
    spreadsheet reads it as UTF-8 and shows umlauts; the state is exported with its label."""

    any_permission_required = ["view"]

    def get_base_queryset(self):
        queryset = Registration.objects.select_related("congress")
        if self.is_export:
            queryset = queryset.prefetch_related("workshops")
        return queryset

    @cached_property
    def chosen_congress(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("congress")
        return None

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.chosen_congress:
            buttons.append(
                HeaderButton(
                    _("Attendance list"),
                    url=attendance_url(self.chosen_congress),
                    icon_name="clipboard-list",
                )
            )
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        congresses = (
            CongressPage.objects.filter(registrations__state=RegistrationState.CONFIRMED)
            .distinct()
            .order_by("-start_date")
        )
        for congress in congresses:
            buttons.append(
                Button(
                    _("Attendance list: %(congress)s") % {"congress": congress.title},
                    url=attendance_url(congress),
                    icon_name="clipboard-list",
                    priority=100,
                )
            )
        return buttons

    def get_filename(self):
        name = slugify(str(Registration._meta.verbose_name_plural))
        if self.chosen_congress:
            name = f"{name}-{self.chosen_congress.slug}"
        return name

    def to_row_dict(self, item):
        return {
            "name": item.name,
            "organisation": item.organisation,
            "email": item.email,
            "congress": item.congress.title,
            "state": item.get_state_display(),
            "workshops": ", ".join(workshop.title for workshop in item.workshops.all()),
            "dietary_needs": item.dietary_needs,
            "accessibility_needs": item.accessibility_needs,
            "created_at": timezone.localtime(item.created_at),
        }

    def preprocess_field_value(self, field, value, export_format):
        if field == "created_at":
            value = value.replace(tzinfo=None)
            if export_format == self.FORMAT_CSV:
                return value.strftime("%d.%m.%Y %H:%M")
            return value
        value = super().preprocess_field_value(field, value, export_format)
        is_text = export_format == self.FORMAT_CSV and isinstance(value, str)
        if is_text and value.startswith(FORMULA_START):
            return "'" + value
        return value

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def stream_csv(self, queryset):
        # The rows are written while the response streams, after the view has returned:
        # keep the admin's language for the state labels and headings.
        return self._stream_csv_with_bom(queryset, translation.get_language())

    def _stream_csv_with_bom(self, queryset, language):
        with translation.override(language):
            yield BOM
            # Spreadsheets in German separate columns with semicolons (a comma is the
            # decimal separator there), so Excel opens the file in columns.
            writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
            yield writer.writerow(
                {field: self.get_heading(queryset, field) for field in self.list_export}
            )
            for item in queryset:
                yield self.write_csv_row(writer, self.to_row_dict(item))


class RegistrationInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value in (None, "") else value

    def get_workshops_display_value(self):
        return ", ".join(workshop.title for workshop in self.object.workshops.all()) or "–"


class AttendanceListView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The confirmed participants of one congress in alphabetical order, with an empty
    column to sign; printed from the browser (static/css/admin-attendance.css)."""

    model = Registration
    permission_required = "view"
    template_name = "events/admin/attendance_list.html"
    page_title = _("Attendance list")
    header_icon = "clipboard-list"
    index_url_name = None

    @cached_property
    def congress(self):
        return get_object_or_404(CongressPage, pk=self.kwargs["congress_id"])

    def get_page_subtitle(self):
        return self.congress.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": RegistrationViewSet.menu_label},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = self.congress.registrations.filter(
            state=RegistrationState.CONFIRMED
        ).email_confirmed()
        context["congress"] = self.congress
        context["registrations"] = sorted(
            registrations, key=lambda registration: german_sort_key(registration.name)
        )
        return context


class RegistrationViewSet(ModelViewSet):
    """Registrations come from the public form; here they are read, exported and their
    details corrected. Nobody adds, copies or deletes one: that would bypass the places
    and the waiting list."""

    model = Registration
    name = "events_registrations"
    url_prefix = "events/registrations"
    icon = "group"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "congress",
        "name",
        "organisation",
        "email",
        "workshops",
        "dietary_needs",
        "accessibility_needs",
        "state",
        "created_at",
        "privacy_consent_at",
        "offered_at",
        "offer_expires_at",
        "email_confirmed_at",
        "confirmation_expires_at",
        "cancelled_at",
    ]
    list_display = [
        "name",
        "organisation",
        "email",
        "congress",
        Column("state", label=_("State"), accessor=state_of, sort_key="state"),
        "created_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 50
    list_export = [
        "name",
        "organisation",
        "email",
        "congress",
        "state",
        "workshops",
        "dietary_needs",
        "accessibility_needs",
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            HelpPanel(
                _(
                    "Correct a participant's details here. The state changes only through "
                    "the registration rules: people confirm their e-mail address, cancel or "
                    "accept an offered place with the links in their e-mails."
                )
            ),
            FieldPanel("name"),
            FieldPanel("organisation"),
            FieldPanel(
                "email",
                help_text=_("Confirmations and offers from the waiting list go to this address."),
            ),
            FieldPanel("dietary_needs"),
            FieldPanel("accessibility_needs"),
        ],
        base_form_class=RegistrationForm,
    )

    def get_permissions_to_register(self):
        # The group editor offers only what the admin can do with registrations.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["change_registration", "view_registration"])
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, delete_url_name=None, **kwargs)

    def get_urlpatterns(self):
        hidden = {"add", "delete"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden] + [
            path("attendance/<int:congress_id>/", self.attendance_view, name="attendance"),
        ]

    @property
    def attendance_view(self):
        return self.construct_view(AttendanceListView, header_icon=AttendanceListView.header_icon)


def attendance_url(congress):
    return reverse("events_registrations:attendance", args=[congress.pk])


class EventsViewSetGroup(SnippetViewSetGroup):
    items = (RegistrationViewSet, SpeakerViewSet)
    menu_icon = "date"
    menu_label = _("Events")
    menu_name = "events"
    menu_order = 220


register_snippet(EventsViewSetGroup)
