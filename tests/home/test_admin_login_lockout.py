"""One lock-out for every login form. A security run found that after 4 wrong passwords
/konto/login/ answered 429, but the same account logged in with its password at
/admin/login/ (and at /_util/login/), and 30 wrong passwords in a row at /admin/login/
were all answered 200."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

SITE_LOGIN = reverse("account_login")
ADMIN_LOGIN = "/admin/login/"
PASSWORD = "ein-langes-testpasswort"
LOCKED_OUT = "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut."


@pytest.fixture
def editor(db):
    return UserFactory(
        username="erika", email="Erika.Redaktion@example.org", groups=["Redaktion", "Mitglieder"]
    )


def admin_login(client, username, password=PASSWORD):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password})


def test_the_admin_login_works_with_the_right_password_again_and_again(client, editor):
    for _ in range(5):
        response = admin_login(client, "erika")
        assert response.status_code == 302
        client.logout()


def test_an_account_locked_out_on_the_site_is_locked_out_in_the_admin(client, editor):
    for _ in range(3):
        client.post(SITE_LOGIN, {"login": "erika.redaktion@example.org", "password": "falsch"})
    assert client.post(SITE_LOGIN, {"login": editor.email, "password": PASSWORD}).status_code == 429

    response = admin_login(client, "erika")

    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_wrong_passwords_in_the_admin_lock_the_account_out_on_the_site(client, editor):
    for _ in range(3):
        assert admin_login(client, "erika", "falsch").status_code == 200

    assert admin_login(client, "erika").status_code == 429
    assert admin_login(client, "ERIKA.redaktion@example.org").status_code == 429
    site = client.post(SITE_LOGIN, {"login": editor.email, "password": PASSWORD})
    assert site.status_code == 429


def test_one_address_tries_at_most_thirty_wrong_passwords_a_minute_in_the_admin(client, db):
    answers = [admin_login(client, f"person{number}", "falsch").status_code for number in range(31)]

    assert answers == [200] * 30 + [429]


def test_wagtails_own_login_form_for_private_pages_leads_to_the_sites_login(client, db):
    response = client.get("/_util/login/?next=/intern/")

    assert response.status_code == 302
    assert response["Location"] == f"{SITE_LOGIN}?next=/intern/"
