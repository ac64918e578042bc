"""Weak passwords are refused at sign-up, with a German reason next to the field: the
platform's own words (»menschen«) and a word typed twice (»lockme3lockme3«), which a
security run got accepted."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from community.models import MemberProfile
from tests.community.test_signup import SIGNUP, signup_data
from tests.helpers import soup, text_of


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("menschen", "zu nah am Namen dieser Plattform"),
        ("Menschen2026!", "zu nah am Namen dieser Plattform"),
        ("menschenstärkenmenschen", "zu nah am Namen dieser Plattform"),
        ("lockme3lockme3", "wiederholt sich"),
        ("Sonne7Sonne7Sonne7", "wiederholt sich"),
    ],
)
def test_signup_refuses_a_guessable_password_and_keeps_what_was_typed(
    client, home_page, password, reason
):
    response = client.post(SIGNUP, signup_data(password1=password, password2=password))

    assert response.status_code == 200
    assert not MemberProfile.objects.filter(user__email="neu@example.org").exists()
    page = soup(response)
    assert reason in text_of(page.select_one("main form"))
    assert page.select_one("#id_email")["value"] == "neu@example.org"


@pytest.mark.parametrize(
    "password", ["ein-sehr-sicheres-passwort", "Lotsin für Kiel 2026", "Tandem-im-Norden-7"]
)
def test_passwords_of_ones_own_pass_even_with_a_word_of_the_site(db, password):
    validate_password(password)


def test_an_editor_cannot_choose_the_platforms_name_either(db):
    with pytest.raises(ValidationError):
        validate_password("MenschenStärkenMenschen")
