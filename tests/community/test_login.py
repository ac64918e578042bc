"""Logging in and out with allauth in the site's design, the header's account links, and
what members do with their account: reset and change the password, change the e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.community.conftest import PASSWORD
from tests.factories import ContentPageFactory, UserFactory
from tests.helpers import soup, text_of

LOGIN = reverse("account_login")
LOGOUT = reverse("account_logout")
MY_PROGRAMME = reverse("events:my_programme")
NEW_PASSWORD = "ein-neues-langes-passwort"


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"login": email, "password": password, **extra})


def link_in(message):
    """The path of the (first) link to this site in an e-mail."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_login_page_is_german_with_links_to_signup_and_password_reset(client, home_page):
    page = soup(client.get(LOGIN))

    assert text_of(page.title) == "Anmelden – Menschen stärken Menschen"
    assert text_of(page.h1) == "Anmelden"
    assert text_of(page.select_one('label[for="id_login"]')) == "E-Mail"
    assert text_of(page.select_one('label[for="id_password"]')) == "Passwort"
    reset = page.select_one(f'main a[href="{reverse("account_reset_password")}"]')
    assert text_of(reset) == "Passwort vergessen?"
    assert text_of(page.select_one(f'main a[href="{reverse("account_signup")}"]')) == "Registrieren"
    assert text_of(page.select_one("main button[type=submit]")) == "Anmelden"


def test_member_logs_in_by_email_and_returns_to_the_page_they_came_from(client, member):
    response = log_in(client, member.email, next=MY_PROGRAMME)

    assert response.status_code == 302
    assert response["Location"] == MY_PROGRAMME
    assert client.get(MY_PROGRAMME).status_code == 200


def test_login_without_next_leads_to_my_area(client, member):
    response = log_in(client, member.email)

    assert response["Location"] == reverse("community:dashboard")


def test_wrong_password_gets_a_german_error_and_keeps_the_address(client, member):
    response = log_in(client, member.email, password="falsch")

    page = soup(response)
    assert response.status_code == 200
    assert text_of(page.select_one('main [role="alert"]')) == (
        "Die E-Mail-Adresse und/oder das Passwort sind leider falsch."
    )
    assert page.select_one("#id_login")["value"] == member.email


def test_unverified_address_cannot_log_in_and_gets_a_new_verification_mail(client, home_page):
    user = UserFactory(email="unbestaetigt@example.org", verified_email=False)

    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    assert not response.wsgi_request.user.is_authenticated
    [message] = mail.outbox
    assert message.to == [user.email]
    assert "/konto/confirm-email/" in link_in(message)


def test_logout_needs_a_post_and_then_ends_the_session(client, member):
    log_in(client, member.email)

    confirm = client.get(LOGOUT)
    assert confirm.status_code == 200
    assert client.get(MY_PROGRAMME).status_code == 200  # GET did not log out

    response = client.post(LOGOUT)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(MY_PROGRAMME).status_code == 302


# --- The header ------------------------------------------------------------------------------


@pytest.fixture
def content_page(home_page):
    return ContentPageFactory(parent=home_page, title="Kontakt", slug="kontakt")


def account_menu(response):
    return soup(response).select_one("header nav.account-menu")


def test_visitors_see_log_in_that_returns_to_the_page(client, content_page):
    menu = account_menu(client.get(content_page.url))

    [link] = menu.select("a")
    assert text_of(link) == "Anmelden"
    assert link["href"] == f"{LOGIN}?next=/kontakt/"
    assert not menu.select("form")


def test_log_in_from_the_start_page_goes_to_the_plain_login(client, home_page):
    link = account_menu(client.get("/")).select_one("a")

    assert link["href"] == LOGIN


def test_logged_in_users_see_my_area_and_log_out(client, member, content_page):
    log_in(client, member.email)

    menu = account_menu(client.get(content_page.url))

    link = menu.select_one("a")
    assert link["href"] == reverse("community:dashboard")
    assert text_of(link) == "Mein Bereich"
    form = menu.select_one("form")
    assert (form["method"], form["action"]) == ("post", LOGOUT)
    assert form.select_one('input[name="csrfmiddlewaretoken"]')
    assert text_of(form.select_one("button")) == "Abmelden"
    assert "Anmelden" not in text_of(menu)


# --- Password and e-mail ---------------------------------------------------------------------


def test_password_reset_by_email(client, member):
    page = soup(client.get(reverse("account_reset_password")))
    assert text_of(page.h1) == "Passwort zurücksetzen"

    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response["Location"] == reverse("account_reset_password_done")
    [message] = mail.outbox
    assert message.to == [member.email]
    form_url = client.get(link_in(message))["Location"]  # the key moves into the session
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response["Location"] == reverse("account_reset_password_from_key_done")
    assert log_in(client, member.email, NEW_PASSWORD)["Location"] == reverse("community:dashboard")


def test_password_change(client, member):
    log_in(client, member.email)
    url = reverse("account_change_password")
    assert text_of(soup(client.get(url)).h1) == "Passwort ändern"

    response = client.post(
        url, {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert client.get(MY_PROGRAMME).status_code == 200  # still logged in here


def test_password_change_needs_the_current_password(client, member):
    log_in(client, member.email)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "falsch", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert soup(response).select_one("#id_oldpassword")["aria-invalid"] == "true"
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_email_change_after_verifying_the_new_address(client, member):
    log_in(client, member.email)
    url = reverse("account_email")
    assert text_of(soup(client.get(url)).h1) == "E-Mail-Adressen"

    client.post(url, {"action_add": "", "email": "mira.neu@example.org"})
    [message] = mail.outbox
    assert message.to == ["mira.neu@example.org"]
    client.post(link_in(message))
    client.post(url, {"action_primary": "", "email": "mira.neu@example.org"})

    member.refresh_from_db()
    assert member.email == "mira.neu@example.org"
    client.post(LOGOUT)
    assert log_in(client, "mira.neu@example.org")["Location"] == reverse("community:dashboard")
