"""The registration form is limited per internet connection (IP address) and per typed e-mail
address (home.ratelimit, "congress_registration": 10 an hour per IP, 3 an hour per address):
a refused form comes back with everything typed, a German message and status 429, and
nothing is registered or sent."""

import pytest
from django.core import mail

from events.models import Registration
from tests.factories import CongressPageFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

REFUSED = "In der letzten Stunde sind zu viele Anmeldungen"


@pytest.fixture
def congress(events_index):
    return CongressPageFactory(parent=events_index)


def form_data(name, email, **extra):
    return {
        "name": name,
        "organisation": "Arbeiterwohlfahrt",
        "email": email,
        "dietary_needs": "vegetarisch",
        "privacy_consent": "on",
        **extra,
    }


def send(client, congress, data, ip, capture):
    with capture(execute=True):
        return client.post(congress.url + "anmelden/", data, REMOTE_ADDR=ip)


def test_the_fourth_registration_for_one_address_within_the_hour_is_refused_without_mail(
    client, events_index, django_capture_on_commit_callbacks
):
    congresses = [CongressPageFactory(parent=events_index) for _number in range(4)]
    # The address is compared without case, from different connections.
    for number, (congress, email) in enumerate(
        zip(congresses, ["anna@example.org", "Anna@Example.org", "ANNA@example.org"], strict=False)
    ):
        response = send(
            client,
            congress,
            form_data("Anna Schmidt", email),
            f"198.51.100.{number}",
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 302
    sent = len(mail.outbox)

    response = send(
        client,
        congresses[3],
        form_data("Anna Schmidt", "anna@example.org"),
        "198.51.100.9",
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 429
    assert REFUSED in text_of(soup(response).select_one("[role=alert]"))
    assert not Registration.objects.filter(congress=congresses[3]).exists()
    assert len(mail.outbox) == sent


def test_the_eleventh_registration_from_one_connection_is_refused_and_keeps_the_input(
    client, congress, django_capture_on_commit_callbacks
):
    for number in range(10):
        response = send(
            client,
            congress,
            form_data("Anna Schmidt", f"person{number}@example.org"),
            "203.0.113.7",
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 302
    sent = len(mail.outbox)

    response = send(
        client,
        congress,
        form_data("Jörg Müßig", "joerg@example.org", accessibility_needs="Rollstuhlplatz"),
        "203.0.113.7",
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 429
    page = soup(response)
    assert REFUSED in text_of(page.select_one("[role=alert]"))
    assert page.select_one("#id_name")["value"] == "Jörg Müßig"
    assert page.select_one("#id_organisation")["value"] == "Arbeiterwohlfahrt"
    assert page.select_one("#id_email")["value"] == "joerg@example.org"
    assert page.select_one("#id_dietary_needs")["value"] == "vegetarisch"
    assert page.select_one("#id_accessibility_needs")["value"] == "Rollstuhlplatz"
    assert page.select_one("#id_privacy_consent").has_attr("checked")
    assert not Registration.objects.filter(email="joerg@example.org").exists()
    assert len(mail.outbox) == sent
    # Another connection is not affected.
    other = send(
        client,
        congress,
        form_data("Jörg Müßig", "joerg@example.org"),
        "192.0.2.1",
        django_capture_on_commit_callbacks,
    )
    assert other.status_code == 302
