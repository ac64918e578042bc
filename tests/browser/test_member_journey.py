"""The journey of a new member through the member area of the demo content: a visitor signs
up from the page »Netzwerk«, confirms the e-mail address through the link of the e-mail and
waits for approval, which a moderator gives in the Wagtail admin. The member then completes
the profile with a photo, finds a colleague in the directory by federal state and topic,
and downloads their own data."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from community.demo.data import MODERATOR_EMAIL

pytestmark = pytest.mark.browser

EMAIL = "lena.neumeister@example.org"
PASSWORD = "Patenschaft-2026-Leipzig"
ORGANISATION = "Patenschaftsnetz Leipzig e. V."
ROLE = "Koordinatorin Lernpatenschaften"
# A colleague of the demo, the only member in Schleswig-Holstein working on language.
COLLEAGUE = "Amina Yusuf"
COLLEAGUE_STATE = "Schleswig-Holstein"
COLLEAGUE_TOPIC = "Sprache und Bildung"

CONFIRMATION_LINK = re.compile(r"https?://\S+/konto/confirm-email/[^/\s]+/")


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def on_live_server(url, base_url):
    """The address of a link in an e-mail, on the live server: the e-mail names the host
    of the request or of the configured site, which in tests is not the live server's."""
    parts = urlsplit(url)
    return base_url + parts.path


def photo_file(path):
    """A JPEG larger than the profile keeps."""
    Image.new("RGB", (900, 700), (46, 125, 110)).save(path, "JPEG")
    return path


def sign_up(page, base_url):
    page.goto(base_url + "/netzwerk/")
    page.get_by_role("link", name="Registrieren", exact=True).click()
    expect(page).to_have_url(re.compile(r"/konto/signup/$"))
    page.get_by_label("E-Mail", exact=True).fill(EMAIL)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_label("Vorname").fill("Lena")
    page.get_by_label("Nachname").fill("Neumeister")
    page.get_by_label("Organisation", exact=True).select_option(label=ORGANISATION)
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").check()
    page.get_by_role("button", name="Registrieren").click()
    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("E-Mail-Adresse")


def confirm_address(page, base_url):
    (verification,) = mails_to(EMAIL)
    found = CONFIRMATION_LINK.search(verification.body)
    assert found, f"no confirmation link in the e-mail:\n{verification.body}"
    page.goto(on_live_server(found.group(), base_url))
    page.get_by_role("button", name="Bestätigen").click()


def approve_in_admin(page, base_url, username, password):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_placeholder("Bitte geben Sie Ihr Passwort ein").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(base_url + "/admin/")

    page.get_by_role("link", name="Mitglieder", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mitglieder")
    page.get_by_role("button", name="Filter anzeigen").click()
    page.get_by_role("button", name="Status").click()
    page.get_by_label("wartet auf Freischaltung").check()
    page.keyboard.press("Escape")  # closes the filter menu, as a moderator would
    expect(page).to_have_url(re.compile(r"status=pending"))
    row = page.get_by_role("row").filter(has_text=EMAIL)
    row.get_by_role("button", name="Freischalten").click()
    expect(page.locator(".messages")).to_contain_text("1 Konto freigeschaltet.")
    # The list, still filtered to the accounts waiting, no longer shows it.
    expect(page).to_have_url(re.compile(r"status=pending"))
    expect(page.get_by_role("row").filter(has_text=EMAIL)).to_have_count(0)


def test_a_new_member_signs_up_is_approved_completes_the_profile_and_finds_a_colleague(
    community_site, new_page, known_password, log_in, tmp_path
):
    page = new_page()

    # 1. A visitor signs up from the page »Netzwerk«
    sign_up(page, community_site)

    # 2. and confirms the address through the link of the e-mail: logged in, and waiting.
    confirm_address(page, community_site)
    expect(page).to_have_url(community_site + "/netzwerk/mein-bereich/")
    status = page.locator(".account-status")
    expect(status).to_have_class(re.compile(r"account-status--pending"))
    expect(status.locator(".account-status__state")).to_have_text(
        "Ihr Konto wartet auf Freischaltung durch das Projektteam."
    )
    response = page.goto(community_site + "/netzwerk/mitglieder/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Konto wartet auf Freischaltung")
    expect(page.locator(".member-card")).to_have_count(0)
    page.problems.clear()  # the browser reports the answer 403 as a console error

    # 3. A moderator approves the account in the admin, in another browser.
    moderator = new_page()
    approve_in_admin(moderator, community_site, MODERATOR_EMAIL, known_password(MODERATOR_EMAIL))
    (approval,) = mails_to(EMAIL)[1:]
    assert "/netzwerk/mein-bereich/" in approval.body

    # 4. The member, back another day, logs in, sees the approval and completes the profile.
    page.get_by_role("navigation", name="Benutzerkonto").get_by_role(
        "button", name="Abmelden"
    ).click()
    expect(page).to_have_url(community_site + "/")
    log_in(page, EMAIL, PASSWORD)
    expect(page).to_have_url(community_site + "/netzwerk/mein-bereich/")
    expect(status).to_have_class(re.compile(r"account-status--approved"))
    expect(status.locator(".account-status__state")).to_have_text(
        "Ihr Konto ist freigeschaltet: Sie sind Mitglied des Netzwerks."
    )
    status.get_by_role("link", name="Mein Profil bearbeiten").click()
    expect(page).to_have_url(community_site + "/netzwerk/profil/")
    page.get_by_label("Funktion").fill(ROLE)
    page.get_by_label("Bundesland").select_option(label="Sachsen")
    page.get_by_label("Ort", exact=True).fill("Leipzig")
    page.get_by_label("Kinder und Familien", exact=True).check()
    page.get_by_label("Englisch", exact=True).check()
    page.get_by_label("Über mich").fill(
        "Ich bringe Lernpatinnen und -paten mit Kindern aus geflüchteten Familien zusammen."
    )
    page.get_by_label("Foto hochladen").set_input_files(photo_file(tmp_path / "lena.jpg"))
    page.get_by_role("button", name="Profil speichern").click()
    expect(page).to_have_url(re.compile(r"/netzwerk/mitglieder/\d+/$"))
    expect(page.get_by_role("status")).to_have_text("Ihr Profil wurde gespeichert.")
    expect(page.get_by_role("note")).to_contain_text("So sehen andere Mitglieder Ihr Profil.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lena Neumeister")
    expect(page.locator(".profile__role")).to_have_text(ROLE)
    photo = page.locator(".profile__header img.avatar")
    expect(photo).to_be_visible()
    # Loaded through the member area's check, and reduced to at most 600 × 600 pixels.
    page.wait_for_function("image => image.complete", arg=photo.element_handle())
    assert photo.evaluate("image => image.naturalWidth") == 600
    assert page.problems == []

    # 5. In the directory the member filters by federal state and topic, and finds a colleague.
    page.goto(community_site + "/netzwerk/mitglieder/")
    filters = page.locator("form.directory__form")
    filters.get_by_label("Bundesland").select_option(label=COLLEAGUE_STATE)
    filters.get_by_label("Thema").select_option(label=COLLEAGUE_TOPIC)
    filters.get_by_role("button", name="Filter anwenden").click()
    # The address holds the chosen filters only (empty fields are left out).
    expect(page).to_have_url(re.compile(r"/netzwerk/mitglieder/\?state=SH&topic=[a-z-]+$"))
    cards = page.locator(".member-card")
    expect(cards).to_have_count(1)
    cards.get_by_role("link", name=COLLEAGUE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COLLEAGUE)
    expect(page.locator(".profile__facts")).to_contain_text(COLLEAGUE_TOPIC)

    # 6. »Meine Daten«: the member downloads everything the platform holds about them.
    page.goto(community_site + "/netzwerk/mein-bereich/")
    page.get_by_role("navigation", name="Schnellzugriff").get_by_role(
        "link", name=re.compile(r"^Meine Daten")
    ).click()
    expect(page).to_have_url(community_site + "/netzwerk/meine-daten/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Meine Daten herunterladen (JSON)").click()
    download = download_info.value
    assert download.suggested_filename == "meine-daten.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == EMAIL
    assert data["profile"]["role"] == ROLE
    assert data["profile"]["status"] == "approved"
    assert data["profile"]["photo"]
    assert page.problems == [] and moderator.problems == []
