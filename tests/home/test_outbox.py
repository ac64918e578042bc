"""The outbox (home/mail.py): while the mail server refuses, a registration or an approval
still succeeds for the person, the message waits in the outbox and goes out exactly once
when the server is back; after the last try the BBE team sees it failed."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.utils import timezone

from community.members import moderation
from community.models import MemberStatus
from events import waiting_list
from home.mail import MAX_ATTEMPTS, deliver_due
from home.models import OutgoingMail
from tests.events.test_registration import details, form_data
from tests.factories import (
    CongressPageFactory,
    EventIndexPageFactory,
    MemberProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down: every delivery fails as smtplib reports it."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def server_down(settings):
    settings.EMAIL_BACKEND = "home.mail.OutboxBackend"
    settings.MAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    return settings


def minutes_later(time_machine, minutes):
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=minutes), tick=False)


def test_a_registration_succeeds_while_the_mail_server_is_down_and_its_mail_follows_once(
    client, home_page, server_down, time_machine, django_capture_on_commit_callbacks
):
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            congress.url + "anmelden/", form_data("Jörg Müßig", "joerg@example.org"), follow=True
        )

    registration = congress.registrations.get()
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == registration.url  # the personal page
    waiting = OutgoingMail.objects.get()
    assert (waiting.status, waiting.attempts, waiting.recipients) == (
        "pending",
        1,
        "joerg@example.org",
    )
    assert "SMTPServerDisconnected" in waiting.last_error
    assert mail.outbox == []

    server_down.MAIL_DELIVERY_BACKEND = LOCMEM  # the server is back
    assert deliver_due() == (0, 0)  # the next try is a minute later
    minutes_later(time_machine, 2)
    assert deliver_due() == (1, 0)
    assert deliver_due() == (0, 0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["joerg@example.org"]
    assert registration.full_url in mail.outbox[0].body
    assert OutgoingMail.objects.get().status == "sent"


def test_an_approval_mail_waits_for_the_server_and_the_member_is_approved_at_once(
    server_down, time_machine, django_capture_on_commit_callbacks
):
    profile = MemberProfileFactory(user__email="paula@example.org", status=MemberStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve([profile])

    profile.refresh_from_db()
    assert profile.status == MemberStatus.APPROVED
    assert OutgoingMail.objects.get().status == "pending"

    server_down.MAIL_DELIVERY_BACKEND = LOCMEM
    minutes_later(time_machine, 2)
    deliver_due()

    assert [message.to for message in mail.outbox] == [["paula@example.org"]]


def test_after_the_last_try_the_mail_is_failed_and_shown_to_the_team(
    server_down, time_machine, admin_user, django_capture_on_commit_callbacks
):
    profile = MemberProfileFactory(user__email="paula@example.org", status=MemberStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve([profile])
    for _attempt in range(MAX_ATTEMPTS):
        minutes_later(time_machine, 20)
        deliver_due()

    failed = OutgoingMail.objects.get()
    assert (failed.status, failed.attempts) == ("failed", MAX_ATTEMPTS)
    assert Client().get("/healthz").json()["mail"] == {"failed": 1, "overdue": 0}
    team = Client()
    team.force_login(admin_user)
    listing = team.get("/admin/outgoing-mails/", {"status": "failed"})
    assert listing.status_code == 200
    assert failed.subject in listing.content.decode()


def failed_approval_mail(time_machine):
    profile = MemberProfileFactory(user__email="paula@example.org", status=MemberStatus.PENDING)
    moderation.approve([profile])
    moderation.send_approval_mail(profile)  # the commit's e-mail
    for _attempt in range(MAX_ATTEMPTS):
        minutes_later(time_machine, 20)
        deliver_due()
    return OutgoingMail.objects.get(status="failed")


def test_moderation_sends_a_failed_mail_again_and_it_goes_out_once(server_down, time_machine):
    failed = failed_approval_mail(time_machine)
    moderator = Client()
    moderator.force_login(
        UserFactory(email="moritz@example.org", groups=["Moderation", "Mitglieder"])
    )
    page = moderator.get(f"/admin/outgoing-mails/inspect/{failed.pk}/")
    assert "Diese E-Mail erneut senden" in page.content.decode()

    server_down.MAIL_DELIVERY_BACKEND = LOCMEM  # the server is back
    response = moderator.post(f"/admin/outgoing-mails/resend/{failed.pk}/", follow=True)
    assert "wird erneut gesendet" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["paula@example.org"]]
    failed.refresh_from_db()
    assert failed.status == "sent"

    again = moderator.post(f"/admin/outgoing-mails/resend/{failed.pk}/", follow=True)
    assert "Nur eine fehlgeschlagene E-Mail" in again.content.decode()
    assert "Diese E-Mail erneut senden" not in again.content.decode()
    assert len(mail.outbox) == 1


def test_only_moderation_and_superusers_send_a_mail_again(server_down, time_machine):
    failed = failed_approval_mail(time_machine)
    editor = Client()
    editor.force_login(UserFactory(email="rita@example.org", groups=["Redaktion"]))

    assert editor.get(f"/admin/outgoing-mails/inspect/{failed.pk}/").status_code in (302, 403)
    editor.post(f"/admin/outgoing-mails/resend/{failed.pk}/")
    failed.refresh_from_db()
    assert failed.status == "failed"


def test_one_event_stores_one_mail_however_often_it_is_sent(server_down, home_page):
    """A retried task or two workers meeting: a second message for an event is dropped."""
    profile = MemberProfileFactory(user__email="paula@example.org", status=MemberStatus.PENDING)
    moderation.approve([profile])
    moderation.send_approval_mail(profile)
    moderation.send_approval_mail(profile)
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=5)
    registration = waiting_list.register(congress, details("Jörg Müßig", "joerg@example.org"))
    waiting_list.notify(registration, "confirmed")
    waiting_list.notify(registration, "confirmed")
    waiting_list.notify(registration, "cancelled")

    stored = OutgoingMail.objects.order_by("pk")
    assert [(row.recipients, row.event) for row in stored] == [
        ("paula@example.org", stored[0].event),
        ("joerg@example.org", f"registration-{registration.pk}-confirmed"),
        ("joerg@example.org", f"registration-{registration.pk}-cancelled"),
    ]
