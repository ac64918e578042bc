"""How registrations move between states: register, confirm the e-mail address, cancel,
accept an offered place, and the waiting list that offers free places in order, passes on
expired offers and lets unconfirmed registrations lapse.

A visitor's registration is provisional until its e-mail address is confirmed through the
link of the first e-mail (events/models/registrations.py): it holds its place or its spot on
the waiting list for the congress's `confirmation_hours`, is never offered a place while
unconfirmed, and lapses after. Provisional registrations hold at most a tenth of the places
(PROVISIONAL_SHARE), so that made-up registrations cannot block a congress; past that share
they wait, and get a free place once confirmed. Nothing a visitor typed goes to an address
that is not confirmed: the first e-mail holds only the congress's details and the link.

Every change that counts places runs in a transaction that first locks the congress's row
(SELECT … FOR UPDATE on PostgreSQL; SQLite writes one at a time anyway), so two people
racing for the last place cannot both get it. E-mails go out after the commit.
"""

from datetime import timedelta
from typing import NamedTuple

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from events.models import CongressPage, Registration, RegistrationState
from events.models.registrations import ACTIVE, HOLDS_PLACE, new_token
from home import mail

State = RegistrationState
# Of a congress's places, at most this share is held by registrations not yet confirmed.
PROVISIONAL_SHARE = 0.1
# The one e-mail that goes to an address not yet confirmed: it repeats nothing typed.
TO_UNCONFIRMED = {"confirm"}
SUBJECTS = {
    "confirm": _("Please confirm your registration for %(congress)s"),
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


class Processed(NamedTuple):
    """What one run of process_waiting_list() changed."""

    expired: int  # offers not accepted in time
    lapsed: int  # registrations whose e-mail address was not confirmed in time
    offered: int  # places offered to the people waiting


def address_is_verified(user, email):
    """Whether `email` is an address the logged-in `user` has verified (allauth)."""
    if user is None or not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(
        user=user, email__iexact=email.strip(), verified=True
    ).exists()


def register(congress, details, workshops=(), user=None, now=None, email_confirmed=True):
    """Register someone: a place while places are free and nobody confirmed waits, else the
    waiting list. `details` are the Registration's fields (name, organisation, e-mail,
    needs).

    `email_confirmed` says whether the address is proven. The public form passes False
    unless the person is logged in with that address verified (address_is_verified());
    code that registers someone itself (staff, imports, tests) vouches for the address.
    An unconfirmed registration gets the e-mail with the link to confirm it; a confirmed one
    the e-mail about its place or its spot on the waiting list."""
    now = now or timezone.now()
    email = details["email"].strip().lower()
    with transaction.atomic():
        locked(congress)
        if not congress.registration_is_open(now):
            raise RegistrationError(_("Registration for this congress is closed."))
        registrations = Registration.objects.filter(congress=congress)
        existing = registrations.filter(email=email, state__in=ACTIVE).first()
        if existing and existing.email_confirmed_at is None:
            # Nobody has proven the address yet, perhaps someone else typed it: the new
            # registration takes the place of the old, which lapses without an e-mail.
            lapse(existing)
        elif existing:
            raise RegistrationError(
                _(
                    "This e-mail address is already registered for this congress. The e-mail "
                    "we sent you holds the link to your registration."
                ),
                field="email",
            )
        holding = registrations.holding_places()
        has_place = (
            holding.count() < congress.capacity
            and not registrations.waiting().email_confirmed().exists()
        )
        if has_place and not email_confirmed:
            has_place = holding.filter(email_confirmed_at__isnull=True).count() < (
                provisional_places(congress)
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
            email_confirmed_at=now if email_confirmed else None,
            confirmation_expires_at=(
                None if email_confirmed else now + timedelta(hours=congress.confirmation_hours)
            ),
            confirmation_key="" if email_confirmed else new_token(),
            **{**details, "email": email},
        )
        registration.workshops.set(workshops)
        notify_on_commit(registration, registration.state if email_confirmed else "confirm")
    return registration


def provisional_places(congress):
    """How many places registrations not yet confirmed may hold at once (at least one)."""
    return max(1, int(congress.capacity * PROVISIONAL_SHARE))


def lapse(registration):
    """An unconfirmed registration lapses (no e-mail: the address is not proven)."""
    registration.state = State.LAPSED
    registration.save(update_fields=["state"])


def confirm_email(registration, key, now=None):
    """Confirm the registration's e-mail address with the key of the first e-mail's link.
    A provisional place becomes a place; a spot on the waiting list now takes part in the
    offers, and gets a free place at once when nobody confirmed waits before. Too late, the
    registration lapses. Returns the registration as it is now (refreshed); the person gets
    the e-mail about their place, their spot on the waiting list or the place offered."""
    now = now or timezone.now()
    if not registration.confirmation_key or not constant_time_compare(
        key, registration.confirmation_key
    ):
        return registration
    with transaction.atomic():
        locked(registration.congress)
        registration.refresh_from_db()
        if not registration.awaits_confirmation:
            return registration
        expires_at = registration.confirmation_expires_at
        if expires_at is not None and expires_at <= now:
            lapse(registration)
            late = True
        else:
            late = False
            registration.email_confirmed_at = now
            if registration.state == State.WAITING and may_skip_the_queue(registration):
                registration.state = State.CONFIRMED
            registration.save(update_fields=["email_confirmed_at", "state"])
    # A free place may now go to the person waiting first (perhaps this one).
    process_waiting_list(registration.congress, now=now)
    registration.refresh_from_db()
    if not late and registration.state != State.OFFERED:
        notify_on_commit(registration, registration.state)
    return registration


def may_skip_the_queue(registration):
    """A place is free, nobody confirmed waits before the registration and its workshops
    have room (else the waiting list offers the place, dropping full workshops)."""
    congress = registration.congress
    registrations = Registration.objects.filter(congress=congress)
    if registrations.holding_places().count() >= congress.capacity:
        return False
    ahead = registrations.waiting().email_confirmed().exclude(pk=registration.pk)
    if ahead.filter(created_at__lte=registration.created_at).exists():
        return False
    return not full_workshops(registration.workshops.all(), exclude=registration)


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
    """Let expired offers go, let registrations not confirmed in time lapse, and offer free
    places to the confirmed people waiting, in order. For one congress, or for all that are
    not over. Idempotent: a second run changes nothing. Returns what changed (Processed)."""
    now = now or timezone.now()
    congresses = (
        [congress]
        if congress
        else CongressPage.objects.filter(end_date__gte=timezone.localdate(now))
    )
    expired = lapsed = offered = 0
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
            for registration in registrations.awaiting_confirmation().filter(
                confirmation_expires_at__lte=now
            ):
                lapse(registration)
                lapsed += 1
            free = item.capacity - registrations.holding_places().count()
            if free <= 0 or item.is_past:
                continue
            for registration in registrations.waiting().email_confirmed()[:free]:
                # Workshops that filled up while they waited are dropped from the choice.
                full = full_workshops(registration.workshops.all(), exclude=registration)
                registration.workshops.remove(*full)
                registration.state = State.OFFERED
                registration.offered_at = now
                registration.offer_expires_at = now + timedelta(hours=item.offer_hours)
                registration.save(update_fields=["state", "offered_at", "offer_expires_at"])
                notify_on_commit(registration, "offered", dropped=full)
                offered += 1
    return Processed(expired, lapsed, offered)


def notify_on_commit(registration, kind, **extra):
    transaction.on_commit(lambda: notify(registration, kind, **extra))


def notify(registration, kind, **extra):
    """Send the person the e-mail about their registration's new state. An address not
    confirmed gets only the e-mail with the link to confirm it, which repeats nothing the
    visitor typed (a name, an organisation): the form is not a way to send text to anyone."""
    if registration.email_confirmed_at is None and kind not in TO_UNCONFIRMED:
        return
    congress = registration.congress
    context = {
        "registration": registration,
        "congress": congress,
        "link": registration.full_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
        **extra,
    }
    if kind == "confirm":
        context["confirm_link"] = registration.full_confirmation_url
    message = EmailMessage(
        str(SUBJECTS[kind] % {"congress": congress.title}),
        render_to_string(f"events/emails/{kind}.txt", context),
        to=[registration.email],
    )
    # Each state is reached once at most (nothing leads back to it), so kind and
    # registration name the event.
    mail.once(message, f"registration-{registration.pk}-{kind}").send()


def offer_places_when_published(sender, instance, **kwargs):
    """A congress published with more places offers them to the people waiting at once."""
    process_waiting_list(instance)


def connect():
    from wagtail.signals import page_published

    page_published.connect(
        offer_places_when_published, sender=CongressPage, dispatch_uid="events_offer_places"
    )
