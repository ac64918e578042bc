"""A visitor's registration counts once its e-mail address is confirmed: the first e-mail
holds only a link (and nothing the visitor typed), the link leads to the registration's page
with a button (a POST, as mail scanners open links), and a registration not confirmed in
time lapses and frees its place for the next confirmed person waiting. Members logged in
with a verified address are registered at once."""

import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import waiting_list
from events.models import Registration, RegistrationState
from tests.factories import CongressPageFactory, EventIndexPageFactory, UserFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db
State = RegistrationState
CONFIRM_LINK = re.compile(r"https?://\S+/anmeldung/[\w-]+/bestaetigen/[\w-]+/")


@pytest.fixture
def congress(home_page):
    return CongressPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=1)


def form_data(name, email, **extra):
    return {"name": name, "organisation": "", "email": email, "privacy_consent": "on", **extra}


def register_by_form(client, congress, capture, name="Jörg Müßig", email="joerg@example.org"):
    with capture(execute=True):
        response = client.post(congress.url + "anmelden/", form_data(name, email), follow=True)
    return Registration.objects.get(congress=congress, email=email), response


def register_confirmed(congress, name):
    """A registration whose address is proven (as a verified member's)."""
    return waiting_list.register(
        congress, {"name": name, "email": f"{name.lower()}@example.org"}, email_confirmed=True
    )


def confirm_link(message):
    found = CONFIRM_LINK.search(message.body)
    assert found, f"no confirmation link in the e-mail:\n{message.body}"
    return urlsplit(found.group()).path


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_visitors_registration_holds_the_place_until_the_address_is_confirmed(
    client, congress, django_capture_on_commit_callbacks
):
    registration, response = register_by_form(client, congress, django_capture_on_commit_callbacks)

    page = soup(response)
    assert text_of(page.select_one(".state")) == "Noch nicht bestätigt (Platz vorgemerkt)"
    assert "Bitte bestätigen Sie" in text_of(page.select_one("[role=status]"))
    # The page reached after sending the form has no button to confirm: only the e-mail does.
    assert not page.select("button[name=action][value=confirm]")
    assert registration.state == State.CONFIRMED and registration.email_confirmed_at is None
    (message,) = mail.outbox
    assert message.subject == f"Bitte bestätigen Sie Ihre Anmeldung zum {congress.title}"
    assert confirm_link(message)


def test_the_first_email_repeats_nothing_the_visitor_typed(
    client, congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            congress.url + "anmelden/",
            form_data(
                "Bitte bestaetigen Sie sofort",
                "opfer@example.org",
                organisation="https://evil.example/login",
                dietary_needs="Rufen Sie 0900 123 an",
            ),
        )

    (message,) = mail.outbox
    assert message.to == ["opfer@example.org"]
    for typed in ("Bitte bestaetigen", "evil.example", "0900"):
        assert typed not in message.body
        assert typed not in message.subject


def test_the_link_shows_a_button_and_only_pressing_it_confirms(
    client, congress, django_capture_on_commit_callbacks
):
    registration, _response = register_by_form(client, congress, django_capture_on_commit_callbacks)
    link = confirm_link(mail.outbox[0])

    shown = client.get(link)  # what a mail scanner does
    registration.refresh_from_db()
    assert shown.status_code == 200
    assert registration.email_confirmed_at is None
    button = soup(shown).select_one("form[method=post] button")
    assert text_of(button) == "E-Mail-Adresse bestätigen"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, follow=True)

    registration.refresh_from_db()
    assert registration.email_confirmed_at is not None
    assert registration.state == State.CONFIRMED
    assert response.redirect_chain[-1][0] == registration.url
    page = soup(response)
    assert "Ihre E-Mail-Adresse ist bestätigt" in text_of(page.select_one("[role=status]"))
    assert text_of(page.select_one(".state")) == "Angemeldet"
    confirmation = mails_to("joerg@example.org")[-1]
    assert confirmation.subject == f"Ihre Anmeldung zum {congress.title}"
    assert "Jörg Müßig" in confirmation.body and registration.full_url in confirmation.body


def test_without_the_emails_key_nothing_is_confirmed(
    client, congress, django_capture_on_commit_callbacks
):
    registration, _response = register_by_form(client, congress, django_capture_on_commit_callbacks)

    client.post(registration.url, {"action": "confirm"})
    wrong = client.post(f"{registration.url}bestaetigen/falscher-schluessel/")

    registration.refresh_from_db()
    assert wrong.status_code == 404
    assert registration.email_confirmed_at is None


def test_only_an_address_the_account_has_verified_skips_the_confirmation(
    client, congress, django_capture_on_commit_callbacks
):
    congress.capacity = 5
    congress.save()
    member = UserFactory(email="mira@example.org")
    client.force_login(member)

    verified, _response = register_by_form(
        client, congress, django_capture_on_commit_callbacks, "Mira Mitglied", "mira@example.org"
    )
    other, _response = register_by_form(
        client, congress, django_capture_on_commit_callbacks, "Mira Mitglied", "mira@privat.example"
    )

    assert verified.email_confirmed_at is not None
    assert mails_to("mira@example.org")[0].subject == f"Ihre Anmeldung zum {congress.title}"
    assert other.email_confirmed_at is None
    assert mails_to("mira@privat.example")[0].subject.startswith("Bitte bestätigen Sie")


def test_an_unconfirmed_registration_lapses_and_its_place_goes_to_the_next_confirmed_person(
    client, congress, django_capture_on_commit_callbacks
):
    visitor, _response = register_by_form(client, congress, django_capture_on_commit_callbacks)
    waiting = register_confirmed(congress, "Cem")
    assert waiting.state == State.WAITING
    hours = congress.confirmation_hours

    soon = timezone.now() + datetime.timedelta(hours=hours - 1)
    assert waiting_list.process_waiting_list(now=soon) == (0, 0, 0)
    later = timezone.now() + datetime.timedelta(hours=hours, minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert waiting_list.process_waiting_list(now=later) == (0, 1, 1)

    visitor.refresh_from_db(), waiting.refresh_from_db()
    assert visitor.state == State.LAPSED
    assert waiting.state == State.OFFERED
    assert mails_to("cem@example.org")[-1].subject == f"Ein Platz für Sie beim {congress.title}"
    # Nothing more goes to the unproven address.
    assert len(mails_to("joerg@example.org")) == 1
    assert waiting_list.process_waiting_list(now=later) == (0, 0, 0)  # idempotent
    # The link of the e-mail now says so calmly.
    response = client.post(confirm_link(mail.outbox[0]), follow=True)
    assert "Frist zur Bestätigung ist leider abgelaufen" in response.content.decode()
    visitor.refresh_from_db()
    assert visitor.email_confirmed_at is None


def test_a_confirmed_registration_does_not_lapse(
    client, congress, django_capture_on_commit_callbacks
):
    visitor, _response = register_by_form(client, congress, django_capture_on_commit_callbacks)
    client.post(confirm_link(mail.outbox[0]))
    register_confirmed(congress, "Cem")
    later = timezone.now() + datetime.timedelta(hours=congress.confirmation_hours + 1)

    waiting_list.process_waiting_list(now=later)

    visitor.refresh_from_db()
    assert visitor.state == State.CONFIRMED


def test_people_waiting_unconfirmed_are_never_offered_a_place(
    client, congress, django_capture_on_commit_callbacks
):
    first = register_confirmed(congress, "Anna")
    unconfirmed, _response = register_by_form(client, congress, django_capture_on_commit_callbacks)
    confirmed = register_confirmed(congress, "Cem")
    assert unconfirmed.state == confirmed.state == State.WAITING
    assert confirmed.position == 1  # the unconfirmed registration before does not count

    waiting_list.cancel(first)

    unconfirmed.refresh_from_db(), confirmed.refresh_from_db()
    assert unconfirmed.state == State.WAITING
    assert confirmed.state == State.OFFERED


def test_the_command_lets_unconfirmed_registrations_lapse(
    client, congress, django_capture_on_commit_callbacks
):
    visitor, _response = register_by_form(client, congress, django_capture_on_commit_callbacks)
    Registration.objects.filter(pk=visitor.pk).update(
        confirmation_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    output = io.StringIO()

    call_command("process_waiting_list", stdout=output)

    visitor.refresh_from_db()
    assert visitor.state == State.LAPSED
    assert "lapsed: 1" in output.getvalue()


def test_registering_again_replaces_an_unconfirmed_registration_of_the_same_address(
    client, congress, django_capture_on_commit_callbacks
):
    """Someone else may have typed the address: it is not blocked until theirs lapses."""
    squatted, _response = register_by_form(
        client, congress, django_capture_on_commit_callbacks, "Falscher Name", "anna@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            congress.url + "anmelden/", form_data("Anna Schmidt", "anna@example.org")
        )

    assert response.status_code == 302
    squatted.refresh_from_db()
    assert squatted.state == State.LAPSED
    current = Registration.objects.get(congress=congress, state__in=[State.CONFIRMED])
    assert current.name == "Anna Schmidt" and current.email_confirmed_at is None


def test_unconfirmed_registrations_hold_at_most_a_tenth_of_the_places(
    client, congress, django_capture_on_commit_callbacks
):
    congress.capacity = 20
    congress.save()

    registrations = [
        register_by_form(
            client, congress, django_capture_on_commit_callbacks, "Anna Schmidt", email
        )[0]
        for email in ("a@example.org", "b@example.org", "c@example.org")
    ]

    assert [registration.state for registration in registrations] == [
        State.CONFIRMED,
        State.CONFIRMED,
        State.WAITING,
    ]
    # Once confirmed, the third gets one of the free places at once.
    third = registrations[2]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mails_to("c@example.org")[0]))
    third.refresh_from_db()
    assert third.state == State.CONFIRMED
    assert mails_to("c@example.org")[-1].subject == f"Ihre Anmeldung zum {congress.title}"
