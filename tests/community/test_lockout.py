"""Lock-out and rate limits: after 3 wrong passwords for an account its 4th login attempt is
refused with HTTP 429 (for that account only) until the window has passed; sign-ups and
password resets are limited too."""

import datetime

from django.core import mail
from django.urls import reverse

from tests.community.conftest import PASSWORD
from tests.helpers import soup, text_of

LOGIN = reverse("account_login")
LOCKED_OUT = "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut."
WRONG = "Die E-Mail-Adresse und/oder das Passwort sind leider falsch."


def log_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def alert(response):
    return text_of(soup(response).select_one('main [role="alert"]'))


def fail_three_times(client, email):
    for _attempt in range(3):
        response = log_in(client, email, "falsches-passwort")
        assert response.status_code == 200
        assert alert(response) == WRONG


def test_fourth_attempt_is_refused_even_with_the_right_password(client, member):
    fail_three_times(client, member.email)

    response = log_in(client, member.email)

    assert response.status_code == 429
    assert alert(response) == LOCKED_OUT
    assert soup(response).select_one("#id_login")["value"] == member.email
    assert not response.wsgi_request.user.is_authenticated


def test_lock_out_is_for_that_account_only(client, member, other_member):
    fail_three_times(client, member.email)

    response = log_in(client, other_member.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("community:dashboard")


def test_right_password_works_again_after_the_cool_off(client, member, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC), tick=False)
    fail_three_times(client, member.email)
    time_machine.shift(datetime.timedelta(minutes=14, seconds=59))
    assert log_in(client, member.email).status_code == 429

    time_machine.shift(datetime.timedelta(seconds=2))  # 15 minutes after the third attempt
    response = log_in(client, member.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("community:dashboard")


def test_signups_from_one_address_are_limited(client, home_page):
    for _attempt in range(10):
        assert client.post(reverse("account_signup"), {"email": "x@example.org"}).status_code == 200

    response = client.post(reverse("account_signup"), {"email": "x@example.org"})

    assert response.status_code == 429
    assert "Zur Startseite" in text_of(soup(response).main)


def test_password_resets_for_one_account_are_limited(client, member):
    url = reverse("account_reset_password")
    for _attempt in range(3):
        assert client.post(url, {"email": member.email}).status_code == 302

    response = client.post(url, {"email": member.email})

    assert response.status_code == 429
    assert len(mail.outbox) == 3
