"""Every request that changes an account needs the CSRF token of the form it comes from."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.community.conftest import PASSWORD

NEW_PASSWORD = "ein-neues-langes-passwort"


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def post(client, url, data, with_token):
    """POST as the form on `url` does; with_token=False is a forged request from elsewhere."""
    client.get(url)
    if with_token:
        data = {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    return client.post(url, data)


def logged_in(browser, user):
    response = post(
        browser, reverse("account_login"), {"login": user.email, "password": PASSWORD}, True
    )
    assert response.status_code == 302
    return browser


@pytest.mark.parametrize("with_token", [False, True], ids=["forged", "from-the-form"])
def test_login(browser, member, with_token):
    response = post(
        browser, reverse("account_login"), {"login": member.email, "password": PASSWORD}, with_token
    )

    assert response.status_code == (302 if with_token else 403)
    assert browser.get(reverse("events:my_programme")).status_code == (200 if with_token else 302)


@pytest.mark.parametrize("with_token", [False, True], ids=["forged", "from-the-form"])
def test_signup(browser, organisation, with_token):
    data = {
        "email": "neu@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "first_name": "Nora",
        "last_name": "Neu",
        "organisation": organisation.pk,
        "privacy_consent": "on",
    }

    response = post(browser, reverse("account_signup"), data, with_token)

    assert response.status_code == (302 if with_token else 403)
    assert organisation.member_profiles.exists() == with_token


@pytest.mark.parametrize("with_token", [False, True], ids=["forged", "from-the-form"])
def test_logout(browser, member, with_token):
    logged_in(browser, member)

    response = post(browser, reverse("account_logout"), {}, with_token)

    assert response.status_code == (302 if with_token else 403)
    assert browser.get(reverse("events:my_programme")).status_code == (302 if with_token else 200)


@pytest.mark.parametrize("with_token", [False, True], ids=["forged", "from-the-form"])
def test_password_change(browser, member, with_token):
    logged_in(browser, member)
    data = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}

    response = post(browser, reverse("account_change_password"), data, with_token)

    assert response.status_code == (302 if with_token else 403)
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD) == with_token


@pytest.mark.parametrize("with_token", [False, True], ids=["forged", "from-the-form"])
def test_password_reset_request(browser, member, mailoutbox, with_token):
    response = post(browser, reverse("account_reset_password"), {"email": member.email}, with_token)

    assert response.status_code == (302 if with_token else 403)
    assert len(mailoutbox) == (1 if with_token else 0)
