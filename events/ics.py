"""iCalendar files (RFC 5545) of a congress's agenda, of a single session and of a user's
»Mein Programm«, built with the icalendar package. Views send them with calendar_response():

    return calendar_response(congress_calendar(congress, request), calendar_filename(congress))

Sessions keep their wall-clock times in Europe/Berlin (TIME_ZONE); every file carries that
zone as a VTIMEZONE and every DTSTART/DTEND refers to it by TZID, so calendar apps show the
right time in summer and in winter. A session's UID ("session-<pk>@<site hostname>") never
changes, so apps update an entry they already have instead of adding a second one. Titles
and calendar names are written on one line and escaped as TEXT (`;`, `,`, `\\`)."""

import datetime
import functools
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event, Timezone, vText
from wagtail.models import Site

from home.models.pages import german_slug, unrestricted

from .models import AgendaSession, CongressPage, Speaker
from .models.pages import AGENDA_ORDER

PRODID = "-//Bundesnetzwerk Buergerschaftliches Engagement//Menschen staerken Menschen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar apps should fetch a personal feed again (a hint only).
FEED_REFRESH_INTERVAL = datetime.timedelta(hours=6)


# --- Public API -------------------------------------------------------------------------------


def congress_calendar(congress, request=None):
    """The agenda of `congress`: one VEVENT per session, in time order."""
    sessions = list(with_speakers(AgendaSession.objects.filter(congress=congress)))
    for session in sessions:
        session.congress = congress
    return build_calendar(sessions, request, name=congress.title)


def session_calendar(session, request=None):
    """One session as a file to add to a calendar."""
    return build_calendar([session], request, name=session.title)


def personal_calendar(user, request=None):
    """The sessions `user` starred, across congresses: the secret feed of »Mein Programm«."""
    return build_calendar(
        sessions_starred_by(user),
        request,
        name=str(_("My programme")),
        refresh_interval=FEED_REFRESH_INTERVAL,
    )


def calendar_filename(title, default="kalender"):
    """An ASCII file name: »Fachkongress 2017« → »fachkongress-2017.ics«."""
    return f"{german_slug(str(title)) or default}.ics"


def calendar_response(calendar_bytes, filename, as_attachment=True):
    """The HTTP response that sends an iCalendar file."""
    response = HttpResponse(calendar_bytes, content_type=CONTENT_TYPE)
    response.headers["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


# --- Queries --------------------------------------------------------------------------------


def with_speakers(sessions):
    """Sessions in time order with what their calendar entry shows."""
    return sessions.order_by(*AGENDA_ORDER).prefetch_related(
        Prefetch("speakers", Speaker.objects.select_related("organisation"))
    )


def public_congresses():
    return CongressPage.objects.live().filter(unrestricted())


def sessions_starred_by(user):
    """The sessions `user` starred, of congresses that are live and public, in time order
    and with their congress."""
    return with_speakers(
        AgendaSession.objects.filter(
            stars__user=user, congress__in=public_congresses().values("pk")
        ).select_related("congress")
    )


# --- Building ---------------------------------------------------------------------------------


def build_calendar(sessions, request=None, name=None, refresh_interval=None):
    """The bytes of a VCALENDAR with the Europe/Berlin VTIMEZONE and one VEVENT per session.
    The VTIMEZONE is there even without sessions, so the file always has a component."""
    sessions = list(sessions)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        # NAME (RFC 7986) and X-WR-CALNAME are TEXT: escaped like SUMMARY (icalendar
        # treats both as unknown and would write `;`, `,` and line breaks as they are).
        name = one_line(name)
        calendar.add("name", vText(name))
        calendar.add("x-wr-calname", vText(name))
    if refresh_interval:
        calendar.refresh_interval = refresh_interval
        calendar.add("x-published-ttl", refresh_interval)
    years = [session.day.year for session in sessions] or [timezone.localdate().year]
    calendar.add_component(site_timezone(min(years), max(years)))
    addresses = CongressAddresses(request)
    for session in sessions:
        calendar.add_component(session_event(session, addresses))
    return calendar.to_ical()


def session_event(session, addresses):
    congress = session.congress
    page_url, host = addresses.of(congress)
    revised = (congress.last_published_at or timezone.now()).astimezone(datetime.UTC)
    zone = ZoneInfo(settings.TIME_ZONE)
    return Event.new(
        uid=f"session-{session.pk}@{host}",
        # Without METHOD, DTSTAMP is when the entry was last revised: the congress's last
        # publication (its sessions are edited with it).
        stamp=revised,
        last_modified=revised,
        start=datetime.datetime.combine(session.day, session.start_time, tzinfo=zone),
        end=datetime.datetime.combine(session.day, session.end_time, tzinfo=zone),
        summary=one_line(session.title),
        location=location_of(session) or None,
        description=description_of(session) or None,
        url=f"{page_url}#{session.anchor}" if page_url else None,
    )


def one_line(text):
    """A title or name as one line: line breaks and runs of spaces become one space."""
    return " ".join(str(text).split())


def location_of(session):
    congress = session.congress
    parts = (session.room, congress.venue_name, congress.venue_address)
    return ", ".join(part.strip() for part in parts if part and part.strip())


def description_of(session):
    parts = [session.description.strip()]
    names = [
        f"{speaker.name} ({speaker.affiliation})" if speaker.affiliation else speaker.name
        for speaker in session.speakers.all()
    ]
    if names:
        parts.append(_("Speakers: %(names)s") % {"names": ", ".join(names)})
    parts.append(session.congress.title)
    return "\n\n".join(part for part in parts if part)


@functools.lru_cache(maxsize=16)
def site_timezone(first_year, last_year):
    """The VTIMEZONE of TIME_ZONE with the transitions of the years the sessions fall in
    (building it takes a moment, so it is made once per range; nothing changes it later)."""
    return Timezone.from_tzid(
        settings.TIME_ZONE,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year + 1, 1, 1),
    )


class CongressAddresses:
    """Per congress, once: its absolute address and the hostname of its site (for UIDs)."""

    def __init__(self, request=None):
        self.request = request
        self.known = {}

    def of(self, congress):
        if congress.pk not in self.known:
            parts = congress.get_url_parts(self.request)
            if parts is None:  # not routable (e.g. no site above it)
                self.known[congress.pk] = (None, default_hostname())
            else:
                _site_id, root_url, page_path = parts
                self.known[congress.pk] = (root_url + page_path, urlsplit(root_url).hostname)
        return self.known[congress.pk]


def default_hostname():
    site = Site.objects.filter(is_default_site=True).only("hostname").first()
    return site.hostname if site else "localhost"
