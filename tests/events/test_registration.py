"""Registration for a congress: places, the waiting list, offers and their expiry, the
duplicate e-mail, the deadline and the personal link of each registration."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import waiting_list
from events.forms import RegistrationForm
from events.models import Registration, RegistrationState, SessionFormat
from tests.factories import (
    AgendaSessionFactory,
    CongressPageFactory,
    EventIndexPageFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db
State = RegistrationState


@pytest.fixture
def congress(home_page):
    return CongressPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=2)


def details(name, email=None):
    return {
        "name": name,
        "organisation": "Arbeiterwohlfahrt",
        "email": email or f"{name.lower()}@example.org",
    }


def register(congress, name, **kwargs):
    return waiting_list.register(congress, details(name), **kwargs)


def form_data(name, email, **extra):
    return {"name": name, "organisation": "", "email": email, "privacy_consent": "on", **extra}


def test_registrations_get_places_until_the_congress_is_full(
    congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (register(congress, name) for name in ("Anna", "Ben", "Cem"))

    assert [first.state, second.state, third.state] == [
        State.CONFIRMED,
        State.CONFIRMED,
        State.WAITING,
    ]
    assert third.position == 1
    assert "Warteliste" in mail.outbox[2].subject


def test_waiting_list_position_counts_the_people_before(congress):
    register(congress, "Anna"), register(congress, "Ben")
    waiting = [register(congress, name) for name in ("Cem", "Dora", "Emil")]

    assert [registration.position for registration in waiting] == [1, 2, 3]


def test_cancelling_offers_the_place_to_the_first_person_waiting(
    congress, django_capture_on_commit_callbacks
):
    anna = register(congress, "Anna")
    register(congress, "Ben")
    cem, dora = register(congress, "Cem"), register(congress, "Dora")

    with django_capture_on_commit_callbacks(execute=True):
        waiting_list.cancel(anna)

    cem.refresh_from_db(), dora.refresh_from_db()
    assert cem.state == State.OFFERED
    assert dora.state == State.WAITING and dora.position == 1
    offer = next(message for message in mail.outbox if message.to == ["cem@example.org"])
    assert cem.token in offer.body


def test_an_accepted_offer_becomes_a_place(congress):
    anna = register(congress, "Anna")
    register(congress, "Ben")
    cem = register(congress, "Cem")
    waiting_list.cancel(anna)

    assert waiting_list.accept_offer(cem)
    cem.refresh_from_db()
    assert cem.state == State.CONFIRMED


def test_an_offer_not_accepted_in_time_passes_to_the_next_person(congress):
    anna = register(congress, "Anna")
    register(congress, "Ben")
    cem, dora = register(congress, "Cem"), register(congress, "Dora")
    waiting_list.cancel(anna)
    later = timezone.now() + datetime.timedelta(hours=congress.offer_hours + 1)

    call_command("process_waiting_list", stdout=io.StringIO())  # nothing expired yet
    assert Registration.objects.get(pk=cem.pk).state == State.OFFERED
    assert waiting_list.process_waiting_list(now=later) == (1, 0, 1)

    cem.refresh_from_db(), dora.refresh_from_db()
    assert cem.state == State.EXPIRED
    assert dora.state == State.OFFERED
    assert not waiting_list.accept_offer(cem, now=later)
    assert waiting_list.process_waiting_list(now=later) == (0, 0, 0)  # idempotent


def test_raising_the_capacity_offers_places_on_publish(congress):
    register(congress, "Anna"), register(congress, "Ben")
    cem = register(congress, "Cem")

    congress.capacity = 3
    congress.save_revision().publish()

    cem.refresh_from_db()
    assert cem.state == State.OFFERED


def test_second_registration_with_the_same_email_is_refused(congress):
    register(congress, "Anna")

    with pytest.raises(waiting_list.RegistrationError) as refused:
        waiting_list.register(congress, details("Anna B.", "ANNA@example.org"))

    assert refused.value.field == "email"


def test_after_cancelling_the_same_email_may_register_again(congress):
    waiting_list.cancel(register(congress, "Anna"))

    assert register(congress, "Anna").state == State.CONFIRMED


def test_registration_closes_at_the_deadline(congress):
    congress.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    congress.save()

    with pytest.raises(waiting_list.RegistrationError):
        register(congress, "Anna")


def test_a_full_workshop_cannot_be_chosen(congress):
    workshop = AgendaSessionFactory(congress=congress, format=SessionFormat.WORKSHOP, capacity=1)
    register(congress, "Anna", workshops=[workshop])

    with pytest.raises(waiting_list.RegistrationError):
        register(congress, "Ben", workshops=[workshop])


def test_visitor_registers_through_the_form_and_sees_the_confirmation(
    client, congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            congress.url + "anmelden/", form_data("Jörg Müßig", "joerg@example.org"), follow=True
        )

    registration = Registration.objects.get()
    assert registration.state == State.CONFIRMED
    assert response.redirect_chain[-1][0] == registration.url
    assert "Jörg Müßig" in response.content.decode()
    assert mail.outbox[0].to == ["joerg@example.org"]
    assert registration.full_url in mail.outbox[0].body


def test_form_shows_german_errors_and_keeps_the_input(client, congress):
    response = client.post(congress.url + "anmelden/", {"name": "Jörg", "email": "kein-mail"})

    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="Jörg"' in content
    assert "gültige E-Mail-Adresse" in content
    assert not Registration.objects.exists()


def test_duplicate_email_in_the_form_gets_a_clear_message(client, congress):
    register(congress, "Anna")  # confirmed (an unconfirmed one would give way to the new)

    response = client.post(congress.url + "anmelden/", form_data("Anna", "anna@example.org"))

    assert response.status_code == 200
    assert Registration.objects.count() == 1
    assert "bereits angemeldet" in response.content.decode()


def test_a_logged_in_users_form_is_prefilled(client, congress):
    user = UserFactory(first_name="Aylin", last_name="Demir", email="aylin@example.org")
    client.force_login(user)

    content = client.get(congress.url + "anmelden/").content.decode()

    assert 'value="Aylin Demir"' in content and 'value="aylin@example.org"' in content


def test_the_cancel_link_works_only_with_the_registrations_own_token(client, congress, home_page):
    anna = register(congress, "Anna")
    other = CongressPageFactory(parent=congress.get_parent())

    assert (
        client.post(f"{other.url}anmeldung/{anna.token}/", {"action": "cancel"}).status_code == 404
    )
    assert (
        client.post(f"{congress.url}anmeldung/wrong-token/", {"action": "cancel"}).status_code
        == 404
    )
    client.post(anna.url, {"action": "cancel"})

    anna.refresh_from_db()
    assert anna.state == State.CANCELLED


def test_closed_registration_shows_a_notice_instead_of_the_form(client, congress):
    congress.registration_enabled = False
    congress.save()

    response = client.get(congress.url + "anmelden/")

    assert "<form" not in response.content.decode().split("<main", 1)[1]


def test_a_name_with_a_web_address_is_refused_next_to_the_field_and_nothing_is_sent(
    client, congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            congress.url + "anmelden/",
            form_data("Bitte bestätigen Sie unter https://evil.example/login", "opfer@example.org"),
        )

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("#id_name")["aria-invalid"] == "true"
    error = text_of(page.select_one("#id_name_error"))
    assert "nur mit Buchstaben" in error
    assert not Registration.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name",
    [
        "Jörg Müßig",
        "Dr. Anna-Lena d’Arc",
        "Zoë O'Neill",
        "Özlem Yılmaz",
        "Łukasz Żółć",
        "Αλέξανδρος Παπαδόπουλος",
        "李小龍",
        "José  García\n",  # spaces and a line break are tidied up, not refused
    ],
)
def test_names_in_any_script_are_taken_and_anything_else_is_refused(congress, name):
    def form(value):
        return RegistrationForm(form_data(value, "anna@example.org"), congress=congress)

    taken = form(name)
    assert taken.is_valid(), taken.errors
    assert taken.cleaned_data["name"] == " ".join(name.split())
    for refused in (
        "https://evil.example",
        "Anna: bitte anrufen",
        "Anna (0900 123)",
        "Anna <b>",
        "Anna, Ben",
        "Anna@example",
        "Anna/Ben",
        "...",
        f"{name} 2",
    ):
        form_with = form(refused)
        assert not form_with.is_valid(), refused
        assert "nur mit Buchstaben" in form_with.errors["name"][0]
