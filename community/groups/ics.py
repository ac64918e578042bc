"""A working group's meeting as an iCalendar file (events/ics.py builds the congresses'):
in Europe/Berlin with its VTIMEZONE, one VEVENT whose UID never changes, so that calendar
apps update the entry when the meeting moves."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

from events.ics import PRODID, one_line, site_timezone


def meeting_calendar(meeting, request):
    zone = ZoneInfo(settings.TIME_ZONE)
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(one_line(meeting.group.name)))
    calendar.add_component(site_timezone(start.year, end.year))
    where = ", ".join(part for part in (meeting.place, meeting.online_url) if part)
    description = "\n\n".join(
        part
        for part in (meeting.description.strip(), meeting.online_url, meeting.group.name)
        if part
    )
    calendar.add_component(
        Event.new(
            uid=f"group-meeting-{meeting.pk}@{request.get_host().split(':')[0]}",
            stamp=timezone.now().astimezone(datetime.UTC),
            start=start,
            end=end,
            summary=one_line(meeting.title),
            location=where or None,
            description=description or None,
            url=request.build_absolute_uri(meeting.get_absolute_url()),
        )
    )
    return calendar.to_ical()
