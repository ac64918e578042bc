"""Signing up: the German form in the site's design, the pending profile with the consent
to the privacy notice, the e-mail verification, and an account that waits for approval."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from community.models import MemberProfile, MemberStatus
from tests.factories import OrganisationFactory
from tests.helpers import soup, text_of

SIGNUP = reverse("account_signup")
PASSWORD = "ein-sehr-sicheres-passwort"


def signup_data(**changes):
    data = {
        "email": "neu@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Nora",
        "last_name": "Neu",
        "organisation": "",
        "new_organisation": "Lesepaten Kiel e. V.",
        "privacy_consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_form_is_german_and_grouped(client, home_page):
    page = soup(client.get(SIGNUP))

    assert text_of(page.title) == "Registrieren – Menschen stärken Menschen"
    assert page.select_one("main form.form")
    assert page.select_one('header a[href="/konto/login/"]')
    legends = [text_of(legend) for legend in page.select("main fieldset > legend")]
    assert len(legends) == 3
    assert legends[1] == "Angaben zu Ihnen"
    assert text_of(page.select_one('label[for="id_email"]')) == "E-Mail"
    assert text_of(page.select_one('label[for="id_password2"]')) == "Passwort (Wiederholung)"
    assert "Mit * markierte Felder sind Pflichtfelder." in text_of(page.main)
    assert page.select_one('#id_privacy_consent ~ p a[href="/datenschutz/"]')
    assert text_of(page.select_one("main button[type=submit]")) == "Registrieren"


def test_signup_creates_a_pending_profile_with_consent_and_a_proposed_organisation(
    client, home_page
):
    response = client.post(SIGNUP, signup_data())

    assert response.status_code == 302
    profile = MemberProfile.objects.get(user__email="neu@example.org")
    assert profile.status == MemberStatus.PENDING
    assert profile.display_name == "Nora Neu"
    assert (profile.user.first_name, profile.user.last_name) == ("Nora", "Neu")
    assert profile.organisation is None
    assert profile.proposed_organisation == "Lesepaten Kiel e. V."
    assert profile.privacy_consent_at is not None
    assert profile.privacy_notice_version == settings.PRIVACY_NOTICE_VERSION
    assert not profile.user.groups.filter(name="Mitglieder").exists()


def test_signup_with_a_listed_organisation(client, organisation):
    client.post(SIGNUP, signup_data(organisation=organisation.pk, new_organisation=""))

    profile = MemberProfile.objects.get(user__email="neu@example.org")
    assert profile.organisation == organisation
    assert profile.proposed_organisation == ""


def test_typing_the_name_of_a_listed_organisation_chooses_it(client, organisation):
    client.post(SIGNUP, signup_data(new_organisation="caritas berlin"))

    profile = MemberProfile.objects.get(user__email="neu@example.org")
    assert profile.organisation == organisation
    assert profile.proposed_organisation == ""


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"privacy_consent": None}, "privacy_consent", "Datenschutz"),
        ({"new_organisation": ""}, "organisation", "Organisation"),
        ({"password2": "etwas-anderes-1"}, "password2", "Passwort"),
    ],
    ids=["no-consent", "no-organisation", "passwords-differ"],
)
def test_incomplete_signup_shows_german_errors_and_keeps_the_data(
    client, home_page, changes, field, message
):
    OrganisationFactory(name="Bürgerstiftung Kiel")

    response = client.post(SIGNUP, signup_data(**changes))

    page = soup(response)
    assert response.status_code == 200
    assert not MemberProfile.objects.exists()
    summary = page.select_one('main [role="alert"]')
    assert text_of(summary) == "Bitte prüfen Sie die markierten Felder."
    error = page.select_one(f"#id_{field}_error")
    assert message in text_of(error)
    assert page.select_one(f"#id_{field}")["aria-invalid"] == "true"
    assert page.select_one("#id_email")["value"] == "neu@example.org"
    assert page.select_one("#id_first_name")["value"] == "Nora"


def test_signup_sends_a_verification_mail_with_a_link(client, home_page):
    response = client.post(SIGNUP, signup_data(), follow=True)

    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    assert text_of(soup(response).h1) == "Bestätigen Sie Ihre E-Mail-Adresse"
    [message] = mail.outbox
    assert message.to == ["neu@example.org"]
    # The Sites framework names the platform (a migration sets it from BASE_URL).
    assert message.subject.startswith("[Menschen stärken Menschen] ")
    assert "127.0.0.1:8000" in message.body
    assert "example.com" not in message.body
    assert client.get(confirmation_link(message)).status_code == 200


def test_following_the_link_verifies_and_the_account_waits_for_approval(client, home_page):
    client.post(SIGNUP, signup_data())
    confirm_url = confirmation_link(mail.outbox[0])

    confirm_page = client.get(confirm_url)
    response = client.post(confirm_url, follow=True)

    assert text_of(soup(confirm_page).h1) == "E-Mail-Adresse bestätigen"
    assert response.redirect_chain[-1][0] == reverse("community:dashboard")
    assert response.status_code == 200
    profile = MemberProfile.objects.get(user__email="neu@example.org")
    assert profile.user.emailaddress_set.get().verified
    assert profile.status == MemberStatus.PENDING
    members_only = client.get(reverse("community:directory"))
    assert members_only.status_code == 403
    assert soup(members_only).select_one(f'main a[href="{reverse("community:profile_edit")}"]')
