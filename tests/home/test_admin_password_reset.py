"""The admin's »Forgot password?« (/admin/password_reset/): a link for staff only, and
limited like the site's form. A security run sent 12 mails in a row with it, one of them
to a member's account."""

import pytest
from django.core import mail

from tests.factories import UserFactory

URL = "/admin/password_reset/"


@pytest.fixture
def editor(db):
    return UserFactory(email="erika.redaktion@example.org", groups=["Redaktion"])


@pytest.fixture
def member(db):
    return UserFactory(email="mira.member@example.org", groups=["Mitglieder"])


def test_staff_get_a_reset_link_from_the_admin(client, editor):
    response = client.post(URL, {"email": editor.email})

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_members_get_no_mail_from_the_admins_password_reset(client, member):
    response = client.post(URL, {"email": member.email})

    assert response.status_code == 302  # the same answer, which reveals nothing
    assert mail.outbox == []


def test_the_fourth_reset_for_one_address_within_the_hour_is_refused(client, editor):
    for _ in range(3):
        assert client.post(URL, {"email": editor.email}).status_code == 302

    response = client.post(URL, {"email": editor.email.upper()})

    assert response.status_code == 429
    assert "Bitte warten Sie eine Stunde" in response.content.decode()
    assert response.context["form"]["email"].value() == editor.email.upper()
    assert len(mail.outbox) == 3


def test_one_ip_address_asks_for_at_most_ten_resets_an_hour(client, editor):
    answers = [
        client.post(URL, {"email": f"person{number}@example.org"}).status_code
        for number in range(11)
    ]

    assert answers == [302] * 10 + [429]
    assert client.post(URL, {"email": editor.email}).status_code == 429
    assert mail.outbox == []
