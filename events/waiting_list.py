"""How registrations move between states: register, cancel, accept an offered place, and
the waiting list that offers free places in order and passes on expired offers.

Every change that counts places runs in a transaction that first locks the congress's row
(SELECT … FOR UPDATE on PostgreSQL; SQLite writes one at a time anyway), so two people
racing for the last place cannot both get it. E-mails go out after the commit.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import CongressPage, Registration, RegistrationState
from events.models.registrations import ACTIVE, HOLDS_PLACE

State = RegistrationState
SUBJECTS = {
    "confirmed": _("Your registration for %(congress)s"),
    "waiting": _("You are on the waiting list for %(congress)s"),
    "offered": _("A place for you at %(congress)s"),
    "expired": _("Your offered place at %(congress)s has expired"),
    "cancelled": _("Your registration for %(congress)s is cancelled"),
}


class RegistrationError(Exception):
    """A registration that the rules refuse; the message is for the person registering."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def locked(congress):
    """The congress, its row locked until the transaction ends."""
    return CongressPage.objects.select_for_update().only("pk").get(pk=congress.pk)


def register(congress, details, workshops=(), user=None, now=None):
    """Register someone: a place while places are free and nobody waits, else the waiting
    list. `details` are the Registration's fields (name, organisation, e-mail, needs)."""
    now = now or timezone.now()
    email = details["email"].strip().lower()
    with transaction.atomic():
        locked(congress)
        if not congress.registration_is_open(now):
            raise RegistrationError(_("Registration for this congress is closed."))
        registrations = Registration.objects.filter(congress=congress)
        if registrations.filter(email=email, state__in=ACTIVE).exists():
            raise RegistrationError(
                _(
                    "This e-mail address is already registered for this congress. The e-mail "
                    "we sent you holds the link to your registration."
                ),
                field="email",
            )
        has_place = (
            registrations.holding_places().count() < congress.capacity
            and not registrations.waiting().exists()
        )
        if has_place:
            full = full_workshops(workshops)
            if full:
                names = ", ".join(f"»{session.title}«" for session in full)
                raise RegistrationError(
                    _("Fully booked: %(workshops)s. Please choose another workshop.")
                    % {"workshops": names}
                )
        registration = Registration.objects.create(
            congress=congress,
            user=user if user and user.is_authenticated else None,
            privacy_consent_at=now,
            state=State.CONFIRMED if has_place else State.WAITING,
            **{**details, "email": email},
        )
        registration.workshops.set(workshops)
        notify_on_commit(registration, registration.state)
    return registration


def full_workshops(workshops, exclude=None):
    """The workshops among `workshops` whose places are all taken."""
    full = []
    for session in workshops:
        if session.capacity is None:
            continue
        taken = session.registrations.filter(state__in=HOLDS_PLACE)
        if exclude is not None:
            taken = taken.exclude(pk=exclude.pk)
        if taken.count() >= session.capacity:
            full.append(session)
    return full


def cancel(registration, now=None):
    """Cancel a registration (its place or its spot on the waiting list); the place goes
    to the first person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        locked(registration.congress)
        registration.refresh_from_db()
        if registration.state not in (State.CONFIRMED, State.WAITING, State.OFFERED):
            return registration
        registration.state, registration.cancelled_at = State.CANCELLED, now
        registration.save(update_fields=["state", "cancelled_at"])
        notify_on_commit(registration, "cancelled")
    process_waiting_list(registration.congress, now=now)
    return registration


def accept_offer(registration, now=None):
    """Take an offered place while the offer is valid. Returns whether it worked."""
    now = now or timezone.now()
    with transaction.atomic():
        locked(registration.congress)
        registration.refresh_from_db()
        if registration.state != State.OFFERED or registration.offer_expires_at <= now:
            accepted = False
        else:
            registration.state = State.CONFIRMED
            registration.save(update_fields=["state"])
            notify_on_commit(registration, "confirmed")
            accepted = True
    if not accepted:
        process_waiting_list(registration.congress, now=now)
        registration.refresh_from_db()
    return accepted


def process_waiting_list(congress=None, now=None):
    """Let expired offers go and offer free places to the people waiting, in order. For one
    congress, or for all that are not over. Idempotent: a second run changes nothing.
    Returns how many offers expired and how many were made."""
    now = now or timezone.now()
    congresses = (
        [congress]
        if congress
        else CongressPage.objects.filter(end_date__gte=timezone.localdate(now))
    )
    expired = offered = 0
    for item in congresses:
        with transaction.atomic():
            locked(item)
            item = CongressPage.objects.get(pk=item.pk)
            registrations = Registration.objects.filter(congress=item)
            for registration in registrations.filter(
                state=State.OFFERED, offer_expires_at__lte=now
            ):
                registration.state = State.EXPIRED
                registration.save(update_fields=["state"])
                notify_on_commit(registration, "expired")
                expired += 1
            free = item.capacity - registrations.holding_places().count()
            if free <= 0 or item.is_past:
                continue
            for registration in registrations.waiting()[:free]:
                # Workshops that filled up while they waited are dropped from the choice.
                full = full_workshops(registration.workshops.all(), exclude=registration)
                registration.workshops.remove(*full)
                registration.state = State.OFFERED
                registration.offered_at = now
                registration.offer_expires_at = now + timedelta(hours=item.offer_hours)
                registration.save(update_fields=["state", "offered_at", "offer_expires_at"])
                notify_on_commit(registration, "offered", dropped=full)
                offered += 1
    return expired, offered


def notify_on_commit(registration, kind, **extra):
    transaction.on_commit(lambda: notify(registration, kind, **extra))


def notify(registration, kind, **extra):
    """Send the person the e-mail about their registration's new state."""
    congress = registration.congress
    context = {
        "registration": registration,
        "congress": congress,
        "link": registration.full_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
        **extra,
    }
    send_mail(
        str(SUBJECTS[kind] % {"congress": congress.title}),
        render_to_string(f"events/emails/{kind}.txt", context),
        None,
        [registration.email],
    )


def offer_places_when_published(sender, instance, **kwargs):
    """A congress published with more places offers them to the people waiting at once."""
    process_waiting_list(instance)


def connect():
    from wagtail.signals import page_published

    page_published.connect(
        offer_places_when_published, sender=CongressPage, dispatch_uid="events_offer_places"
    )
