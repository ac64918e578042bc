"""Registrations for congresses, with a waiting list, and members' personal agendas. The
rules that move people between the states live in events/waiting_list.py.

A registration has a state (a place, the waiting list, an offered place, …) and, apart from
it, whether its e-mail address is confirmed. A visitor's registration is provisional until
they follow the link of the first e-mail: it holds its place or its spot on the waiting list
until `confirmation_expires_at`, is never offered a place while unconfirmed, and lapses
when the time runs out. A member logged in with a verified address is confirmed at once."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .pages import AgendaSession, CongressPage


def new_token():
    return secrets.token_urlsafe(24)


class RegistrationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("Waiting list")
    OFFERED = "offered", _("Place offered")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Offer expired")
    LAPSED = "lapsed", _("Lapsed (not confirmed)")


# Registrations that hold a place, and those still in the game.
HOLDS_PLACE = [RegistrationState.CONFIRMED, RegistrationState.OFFERED]
ACTIVE = [*HOLDS_PLACE, RegistrationState.WAITING]
# What an unconfirmed registration is shown as, by the state it holds provisionally.
PROVISIONAL_LABELS = {
    RegistrationState.CONFIRMED: _("Not yet confirmed (place held)"),
    RegistrationState.WAITING: _("Not yet confirmed (waiting list)"),
}


class RegistrationQuerySet(models.QuerySet):
    def holding_places(self):
        return self.filter(state__in=HOLDS_PLACE)

    def waiting(self):
        return self.filter(state=RegistrationState.WAITING).order_by("created_at", "pk")

    def email_confirmed(self):
        return self.filter(email_confirmed_at__isnull=False)

    def awaiting_confirmation(self):
        """Registrations still in the game whose e-mail address is not confirmed yet."""
        return self.filter(state__in=ACTIVE, email_confirmed_at__isnull=True)

    def of_user(self, user):
        """The registrations of the user's account or of one of its verified e-mail
        addresses (registering needs no account; addresses are stored in lower case)."""
        addresses = (
            EmailAddress.objects.filter(user=user, verified=True)
            .annotate(address=Lower("email"))
            .values("address")
        )
        return self.filter(Q(user=user) | Q(email__in=addresses))


class Registration(models.Model):
    congress = models.ForeignKey(
        CongressPage,
        verbose_name=_("congress"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="congress_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    workshops = models.ManyToManyField(
        AgendaSession, verbose_name=_("workshops"), blank=True, related_name="registrations"
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    privacy_consent_at = models.DateTimeField(_("consent to the privacy notice"))
    state = models.CharField(
        _("state"), max_length=20, choices=RegistrationState.choices, db_index=True
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    offered_at = models.DateTimeField(_("place offered at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    email_confirmed_at = models.DateTimeField(
        _("e-mail address confirmed at"), null=True, blank=True
    )
    confirmation_expires_at = models.DateTimeField(_("to be confirmed by"), null=True, blank=True)
    # The secret of the link in the first e-mail; only its holder can confirm the address.
    confirmation_key = models.CharField(max_length=64, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "email"],
                condition=Q(state__in=ACTIVE),
                name="one_active_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.congress})"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_state_display(self):
        """The state as people read it: an unconfirmed registration says so."""
        if self.awaits_confirmation:
            return PROVISIONAL_LABELS[self.state]
        return RegistrationState(self.state).label

    @property
    def awaits_confirmation(self):
        return self.email_confirmed_at is None and self.state in PROVISIONAL_LABELS

    @property
    def display_state(self):
        """The state's key for styles (`state--…`): "unconfirmed" while it awaits
        confirmation."""
        return "unconfirmed" if self.awaits_confirmation else self.state

    @property
    def position(self):
        """The place on the waiting list, counting from 1 (None when not waiting). Only
        confirmed registrations before count: the unconfirmed are never offered a place."""
        if self.state != RegistrationState.WAITING:
            return None
        earlier = Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        return (
            Registration.objects.waiting()
            .email_confirmed()
            .filter(congress=self.congress_id)
            .filter(earlier)
            .count()
            + 1
        )

    @property
    def url(self):
        """The personal page of the registration (status, cancel, accept an offer)."""
        return self.congress.url + self.congress.reverse_subpage("registration", args=[self.token])

    @property
    def full_url(self):
        return self.congress.full_url + self.congress.reverse_subpage(
            "registration", args=[self.token]
        )

    @property
    def full_confirmation_url(self):
        """The link of the first e-mail: the registration's page with the button to confirm
        the address. Only that e-mail has it."""
        return self.congress.full_url + self.congress.reverse_subpage(
            "confirm_registration", args=[self.token, self.confirmation_key]
        )


class StarredSession(models.Model):
    """A session a user put into »Mein Programm«."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="starred_sessions"
    )
    session = models.ForeignKey(AgendaSession, on_delete=models.CASCADE, related_name="stars")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("starred session")
        verbose_name_plural = _("starred sessions")
        constraints = [
            models.UniqueConstraint(fields=["user", "session"], name="star_a_session_once")
        ]

    def __str__(self):
        return f"{self.user} ★ {self.session}"


class CalendarFeed(models.Model):
    """The secret address of a user's personal calendar feed; a new token revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)

    def renew(self):
        self.token = new_token()
        self.save(update_fields=["token"])
