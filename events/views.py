"""The public views of congresses: agenda with filters, registration, a registration's own
page (confirm the e-mail address, cancel, accept an offered place) and the calendar files
(CongressPage's routes call them, events/models/pages.py); »Mein Programm«, the sessions a
logged-in user starred, with the star button and the user's secret calendar feed
(events/urls.py)."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from events import ics, waiting_list
from events.forms import RegistrationForm
from events.ics import calendar_response, personal_calendar, public_congresses, sessions_starred_by
from events.models import (
    AgendaSession,
    CalendarFeed,
    EventIndexPage,
    Registration,
    RegistrationState,
    SessionFormat,
    StarredSession,
)
from home import ratelimit
from home.models.pages import unrestricted

FEED_FILENAME = "mein-programm.ics"


@never_cache
@login_required
def my_programme(request):
    feed = CalendarFeed.objects.get_or_create(user=request.user)[0]
    feed_url = request.build_absolute_uri(reverse("events:calendar_feed", args=[feed.token]))
    events_index = EventIndexPage.objects.live().filter(unrestricted()).first()
    return render(
        request,
        "events/my_programme.html",
        {
            "congresses": programme(sessions_starred_by(request.user), request),
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
            "events_index_url": events_index.get_url(request) if events_index else None,
        },
    )


@require_POST
def star(request, session_id):
    """Put a session into the user's programme or take it out: the button sends star=1 or
    star=0 (so a second click from an old page changes nothing); without it, toggle."""
    next_url = safe_next_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(next_url or reverse("events:my_programme"))
    session = get_object_or_404(
        AgendaSession.objects.filter(congress__in=public_congresses().values("pk")),
        pk=session_id,
    )
    stars = StarredSession.objects.filter(user=request.user, session=session)
    wanted = request.POST.get("star")
    add = wanted == "1" if wanted in ("0", "1") else not stars.exists()
    if add:
        StarredSession.objects.get_or_create(user=request.user, session=session)
        message = _("»%(title)s« is now in your programme.")
    else:
        stars.delete()
        message = _("»%(title)s« has been removed from your programme.")
    messages.success(request, message % {"title": session.title})
    target = next_url or reverse("events:my_programme")
    if "#" not in target:
        target = f"{target}#{session.anchor}"
    return redirect(target)


@require_POST
def renew_feed(request):
    """A new secret address for the calendar feed; the old one stops working at once."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("events:my_programme"))
    feed = CalendarFeed.objects.get_or_create(user=request.user)[0]
    feed.renew()
    messages.success(
        request,
        _(
            "Your calendar has a new address. The old one no longer works: subscribe to the "
            "new address in your calendar app."
        ),
    )
    return redirect("events:my_programme")


@never_cache
@require_safe
def calendar_feed(request, token):
    """The personal feed; whoever has the address may read it, without logging in."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
    )
    response = calendar_response(
        personal_calendar(feed.user, request), FEED_FILENAME, as_attachment=False
    )
    response.headers["X-Robots-Tag"] = "noindex"
    return response


# --- Helpers ----------------------------------------------------------------------------------


def safe_next_url(request):
    """The `next` address of the form when it stays on this site, else None."""
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return None


def programme(sessions, request=None):
    """Sessions grouped for »Mein Programm«: congresses still to come first (soonest first),
    then past ones (latest first); within a congress by day, in time order.

    [{"congress": …, "url": …, "days": [{"day": date, "sessions": [{"session", "url"}]}]}]
    """
    by_congress = {}
    for session in sessions:
        by_congress.setdefault(session.congress_id, []).append(session)
    entries = []
    for congress_sessions in by_congress.values():
        congress = congress_sessions[0].congress
        url = congress.get_url(request)
        entries.append(
            {
                "congress": congress,
                "url": url,
                "days": [
                    {
                        "day": day,
                        "sessions": [
                            {"session": session, "url": f"{url}#{session.anchor}"}
                            for session in day_sessions
                        ],
                    }
                    for day, day_sessions in groupby(congress_sessions, key=lambda s: s.day)
                ],
            }
        )
    upcoming = [entry for entry in entries if not entry["congress"].is_past]
    past = [entry for entry in entries if entry["congress"].is_past]
    upcoming.sort(key=lambda entry: (entry["congress"].start_date, entry["congress"].pk))
    past.sort(key=lambda entry: (entry["congress"].start_date, entry["congress"].pk), reverse=True)
    return upcoming + past


class Agenda:
    """The congress's agenda as its page shows it, filtered by format and topic (plain GET
    parameters): read only when the page renders it, which it does not while the site cache
    keeps the HTML (`{% shared_fragment %}`)."""

    def __init__(self, page, chosen_format, chosen_topic):
        self.page, self.chosen_format, self.chosen_topic = page, chosen_format, chosen_topic

    @cached_property
    def sessions(self):
        return self.page.agenda

    @cached_property
    def shown(self):
        formats = dict(SessionFormat.choices)
        return [
            session
            for session in self.sessions
            if (self.chosen_format not in formats or session.format == self.chosen_format)
            and (
                not self.chosen_topic
                or any(t.slug == self.chosen_topic for t in session.topics.all())
            )
        ]

    def days(self):
        return agenda_days(self.shown)

    def filtered(self):
        return len(self.shown) != len(self.sessions)

    def format_choices(self):
        used = {session.format for session in self.sessions}
        return [(key, label) for key, label in SessionFormat.choices if key in used]

    def topic_choices(self):
        return sorted(
            {topic for session in self.sessions for topic in session.topics.all()},
            key=lambda topic: (topic.sort_order, topic.name),
        )

    def speakers(self):
        return speakers_of(self.sessions)


def congress(request, page):
    """The congress with its agenda, grouped by day and time slot, filtered by format and
    topic, and its speakers with their sessions."""
    agenda = Agenda(page, request.GET.get("format", ""), request.GET.get("topic", ""))
    return page.render(
        request,
        context_overrides={
            "agenda": agenda,
            "chosen_format": agenda.chosen_format,
            "chosen_topic": agenda.chosen_topic,
            "gallery": page.gallery_images.select_related("image").prefetch_related(
                "image__renditions"
            ),
            "registration_open": page.registration_is_open(),
            "starred": starred_ids(request.user, page),
        },
    )


def agenda_days(sessions):
    """[(day, [(start, end, [sessions]), …]), …]: sessions that start at the same time
    form one slot and are shown side by side as parallel sessions."""
    days = []
    for day, of_day in groupby(sessions, key=lambda session: session.day):
        slots = []
        for start, in_slot in groupby(of_day, key=lambda session: session.start_time):
            in_slot = list(in_slot)
            slots.append((start, max(session.end_time for session in in_slot), in_slot))
        days.append((day, slots))
    return days


def speakers_of(sessions):
    """The speakers of the sessions, by name, each with their sessions in time order."""
    found = {}
    for session in sessions:
        for speaker in session.speakers.all():
            found.setdefault(speaker.pk, (speaker, []))[1].append(session)
    return sorted(found.values(), key=lambda item: item[0].name)


def starred_ids(user, congress):
    if not user.is_authenticated:
        return set()
    return set(
        user.starred_sessions.filter(session__congress=congress).values_list(
            "session_id", flat=True
        )
    )


def register(request, page):
    """The registration form. Sending it is limited per IP address and per typed e-mail
    address (home.ratelimit, "congress_registration"): past the limit the form comes back
    with what was typed and a message, with status 429, and nothing is registered or sent."""
    if not page.registration_is_open():
        return page.render(
            request,
            template="events/registration_closed.html",
            context_overrides={"closed": True},
        )
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.get_full_name(), "email": request.user.email}
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, congress=page, initial=initial
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not ratelimit.allowed(request, "congress_registration", key=email):
            form.add_error(
                None,
                _(
                    "Too many registrations have come in from your internet connection or for "
                    "this e-mail address within the last hour. Please try again later – your "
                    "details stay in the form."
                ),
            )
            status = 429
        else:
            try:
                registration = waiting_list.register(
                    page,
                    form.details(),
                    form.workshops(),
                    user=request.user,
                    email_confirmed=waiting_list.address_is_verified(request.user, email),
                )
            except waiting_list.RegistrationError as error:
                form.add_error(error.field, error.message)
            else:
                registered_message(request, registration)
                return redirect(registration.url)
    response = page.render(
        request, template="events/registration_form.html", context_overrides={"form": form}
    )
    response.status_code = status
    return response


def registered_message(request, registration):
    if registration.awaits_confirmation:
        messages.info(
            request,
            _(
                "Almost done: please confirm your e-mail address. We have sent a link to "
                "%(email)s. Until then your registration is provisional; without confirmation "
                "it lapses on %(until)s o'clock."
            )
            % {
                "email": registration.email,
                "until": date_format(
                    timezone.localtime(registration.confirmation_expires_at), "j. F Y, H:i"
                ),
            },
        )
    elif registration.state == RegistrationState.CONFIRMED:
        messages.success(
            request,
            _("Thank you, you are registered. We have sent you a confirmation by e-mail."),
        )
    else:
        messages.info(
            request,
            _(
                "All places are taken: you are on the waiting list, at position "
                "%(position)s. We have sent you an e-mail."
            )
            % {"position": registration.position},
        )


def registration_by_token(page, token):
    found = Registration.objects.filter(congress=page, token=token).first()
    if found is None:
        raise Http404
    return found


def registration(request, page, token):
    """A registration's own page, reached through the link in its e-mails: its state, and
    buttons to cancel or to accept an offered place."""
    found = registration_by_token(page, token)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel":
            was_confirmed = found.email_confirmed_at is not None
            waiting_list.cancel(found)
            if was_confirmed:
                messages.success(
                    request,
                    _("Your registration is cancelled. We have sent you a confirmation by e-mail."),
                )
            else:
                messages.success(request, _("Your registration is cancelled."))
        elif action == "accept":
            if waiting_list.accept_offer(found):
                messages.success(
                    request, _("You have accepted the place. We look forward to seeing you!")
                )
            else:
                messages.error(
                    request,
                    _(
                        "Sorry, this offer has expired and the place has gone to the next "
                        "person on the waiting list."
                    ),
                )
        return redirect(found.url)
    return render_registration(request, page, found)


def confirm_registration(request, page, token, key):
    """The link of the first e-mail: the registration's page with a button that confirms the
    e-mail address. Opening the link changes nothing (mail scanners open links); only the
    button's POST confirms."""
    found = registration_by_token(page, token)
    if not found.confirmation_key or not constant_time_compare(key, found.confirmation_key):
        raise Http404
    if request.method == "POST":
        found = waiting_list.confirm_email(found, key)
        confirmed_message(request, found)
        return redirect(found.url)
    if not found.awaits_confirmation:
        return redirect(found.url)
    return render_registration(request, page, found, confirming=True)


def confirmed_message(request, registration):
    if registration.email_confirmed_at is None:
        if registration.state == RegistrationState.LAPSED:
            messages.error(
                request,
                _(
                    "Sorry, the time to confirm this registration has run out and it has "
                    "lapsed. You are welcome to register again."
                ),
            )
        return
    if registration.state == RegistrationState.CONFIRMED:
        messages.success(
            request,
            _(
                "Thank you, your e-mail address is confirmed and you are registered. We have "
                "sent you a confirmation by e-mail."
            ),
        )
    elif registration.state == RegistrationState.WAITING:
        messages.info(
            request,
            _(
                "Thank you, your e-mail address is confirmed. All places are taken: you are "
                "on the waiting list, at position %(position)s. We have sent you an e-mail."
            )
            % {"position": registration.position},
        )
    elif registration.state == RegistrationState.OFFERED:
        messages.success(
            request,
            _(
                "Thank you, your e-mail address is confirmed. A place has become free for "
                "you: please accept it below."
            ),
        )


def render_registration(request, page, found, confirming=False):
    return page.render(
        request,
        template="events/registration_status.html",
        context_overrides={
            "registration": found,
            "states": RegistrationState,
            "confirming": confirming,
            "registration_open": page.registration_is_open(),
        },
    )


def congress_calendar(request, page):
    return calendar_response(ics.congress_calendar(page, request), f"{page.slug}.ics")


def session_calendar(request, page, session_id):
    session = page.sessions.filter(pk=session_id).first()
    if session is None:
        raise Http404
    return calendar_response(
        ics.session_calendar(session, request), f"{page.slug}-{session.anchor}.ics"
    )
