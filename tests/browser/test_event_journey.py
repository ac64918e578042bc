"""Journeys of the congress of the demo content that is open for registration: a visitor filters
the agenda to the workshops, takes one into the calendar, registers for the last place and
confirms their e-mail address through the link of the first e-mail; a second visitor lands on
the waiting list and confirms too; the first cancels through the link of their confirmation,
and the second accepts the place offered by e-mail. An event manager adds a session in the
Wagtail admin and publishes it."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from events.models import CongressPage
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

EVENT_MANAGERS = "Veranstaltungsmanagement"
PASSWORD = "ein-langes-testpasswort"  # UserFactory's
WORKSHOP = "Tandems gut begleiten"  # one of the workshops of the demo agenda
NEW_SESSION = "Offene Sprechstunde für Programmträger"
REGISTRATION = re.compile(r"/anmeldung/[\w-]+/$")
CONFIRM_LINK = re.compile(r"https?://\S+/anmeldung/[\w-]+/bestaetigen/[\w-]+/")


def upcoming_congress(capacity=None):
    """The demo's congress that is open for registration, with `capacity` places."""
    congress = next(
        page for page in CongressPage.objects.live().specific() if page.registration_is_open()
    )
    if capacity is not None:
        congress.capacity = capacity
        congress.save_revision().publish()
    return congress


def link_in(message, base_url):
    """The registration's address in an e-mail, on the live server: the e-mail names the
    site's configured host, which in tests is not the live server's."""
    found = re.search(r"https?://\S+/anmeldung/[\w-]+/", message.body)
    assert found, f"no link to the registration in the e-mail:\n{message.body}"
    return base_url + urlsplit(found.group()).path


def confirm_link_in(message, base_url):
    """The link to confirm the e-mail address in the first e-mail, on the live server."""
    found = CONFIRM_LINK.search(message.body)
    assert found, f"no link to confirm in the e-mail:\n{message.body}"
    return base_url + urlsplit(found.group()).path


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def confirm_address(page, email, base_url):
    """Open the link of the first e-mail to `email` and press the button on the page; lands
    on the registration's own page."""
    first = mails_to(email)[0]
    assert first.subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")
    page.goto(confirm_link_in(first, base_url))
    page.get_by_role("button", name="E-Mail-Adresse bestätigen").click()
    expect(page).to_have_url(REGISTRATION)


def register(page, name, email):
    """Fill in the registration form and send it; lands on the registration's own page."""
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").check()
    page.get_by_role("button", name="Anmelden", exact=True).click()
    expect(page).to_have_url(REGISTRATION)


def press_tab_until_focused(page, target, most=3):
    """Tab from the form's last field (the privacy consent) to `target`, which must then
    show a visible focus outline."""
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").focus()
    for _step in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            break
    expect(target).to_be_focused()
    style, width = target.evaluate(
        "element => { const style = getComputedStyle(element);"
        " return [style.outlineStyle, parseFloat(style.outlineWidth)]; }"
    )
    assert style != "none" and width >= 2, f"no visible focus: outline {style} {width}px"


def test_visitors_filter_the_agenda_register_wait_cancel_and_take_the_free_place(
    events_site, new_page
):
    congress = upcoming_congress(capacity=1)
    workshops = [session for session in congress.agenda if session.is_workshop]
    assert len(workshops) > 1 and len(workshops) < len(congress.agenda)
    page = new_page()
    page.goto(events_site + congress.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(congress.title)

    # The agenda, filtered to the workshops with the form.
    page.get_by_label("Format").select_option(label="Workshop")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page).to_have_url(re.compile(r"\?format=workshop"))
    sessions = page.locator(".agenda .session")
    expect(sessions).to_have_count(len(workshops))
    expect(sessions.locator(".session__meta .tag")).to_have_text(["Workshop"] * len(workshops))
    expect(page.locator(".agenda .session__title")).to_have_text(
        [session.title for session in workshops]
    )

    # One workshop into the calendar.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"In den Kalender ({WORKSHOP})").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Path(download.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert WORKSHOP in calendar.replace("\r\n ", "")  # long lines are folded

    # The first visitor reaches the form's button with the keyboard and sends it too soon,
    page.get_by_role("link", name="Jetzt anmelden").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Anmeldung zum {congress.title}")
    press_tab_until_focused(page, page.get_by_role("button", name="Anmelden", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_have_text("Bitte prüfen Sie die markierten Felder.")
    expect(page.locator(".form__error")).to_have_text(
        "Bitte stimmen Sie den Datenschutzhinweisen zu, um sich anzumelden."
    )
    # then fills it in: the only place is held until the e-mail address is confirmed.
    register(page, "Erika Mustermann", "erika@example.org")
    expect(page.get_by_role("status")).to_contain_text("Bitte bestätigen Sie noch Ihre E-Mail")
    expect(page.locator(".state")).to_have_text("Noch nicht bestätigt (Platz vorgemerkt)")
    confirm_address(page, "erika@example.org", events_site)
    expect(page.get_by_role("status")).to_contain_text("Ihre E-Mail-Adresse ist bestätigt")
    expect(page.locator(".state")).to_have_text("Angemeldet")
    assert page.problems == []

    # A second visitor lands on the waiting list once their address is confirmed.
    other = new_page()
    other.goto(events_site + congress.url)
    other.get_by_role("link", name="Jetzt anmelden").first.click()
    register(other, "Max Beispiel", "max@example.org")
    expect(other.locator(".state")).to_have_text("Noch nicht bestätigt (Warteliste)")
    confirm_address(other, "max@example.org", events_site)
    expect(other.get_by_role("status")).to_contain_text(
        "Sie stehen auf der Warteliste, auf Platz 1."
    )
    expect(other.locator(".state")).to_have_text("Warteliste")
    assert other.problems == []

    # The first cancels through the link in their confirmation e-mail.
    confirmation = mails_to("erika@example.org")[-1]
    assert confirmation.subject.startswith("Ihre Anmeldung zum")
    page.goto(link_in(confirmation, events_site))
    page.get_by_role("button", name="Meine Anmeldung stornieren").click()
    expect(page.get_by_role("status")).to_contain_text("Ihre Anmeldung ist storniert.")
    expect(page.locator(".state")).to_have_text("Storniert")

    # The place goes to the second, who accepts it through the link of the offer.
    offer = mails_to("max@example.org")[-1]
    assert "Ein Platz für Sie" in offer.subject
    other.goto(link_in(offer, events_site))
    expect(other.locator(".state")).to_have_text("Platz angeboten")
    other.get_by_role("button", name="Platz annehmen").click()
    expect(other.get_by_role("status")).to_contain_text("Sie haben den Platz angenommen.")
    expect(other.locator(".state")).to_have_text("Angemeldet")
    expect(other.get_by_role("button", name="Meine Anmeldung stornieren")).to_be_visible()
    assert page.problems == [] and other.problems == []


def test_event_manager_adds_a_session_in_the_admin_and_publishes_it(events_site, page):
    UserFactory(username="veranstaltungen", groups=[EVENT_MANAGERS])
    congress = upcoming_congress()
    page.goto(events_site + "/admin/login/")
    page.get_by_label("Benutzername").fill("veranstaltungen")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(events_site + "/admin/")

    # The editor with its thirteen sessions takes a few seconds to load on a busy machine.
    page.goto(f"{events_site}/admin/pages/{congress.pk}/edit/", timeout=30_000)
    page.get_by_role("tab", name="Programm").click()
    number = page.locator('input[name="sessions-TOTAL_FORMS"]').input_value()
    page.get_by_role("button", name="Programmpunkt hinzufügen").last.click()
    session = f"sessions-{number}-"
    # Typed as the date picker writes it; it replaces a day in another format with today's.
    date_format = getattr(settings, "WAGTAIL_DATE_FORMAT", "%Y-%m-%d")
    # The day and the times first, the title last: the form is valid once it is typed.
    page.locator(f'[name="{session}day"]').fill(congress.end_date.strftime(date_format))
    page.locator(f'[name="{session}start_time"]').fill("13:30")
    page.locator(f'[name="{session}end_time"]').fill("14:30")
    page.locator(f'[name="{session}room"]').click()  # a click outside closes the picker
    page.locator(f'[name="{session}room"]').fill("Raum 4")
    page.locator(f'[name="{session}format"]').select_option(label="Forum")
    page.locator(f'[name="{session}title"]').fill(NEW_SESSION)
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    # Wagtail may save a draft by itself once the form is valid (Chromium 156.0.8078.108 does
    # not trigger it): publish when no request is under way, not during one.
    page.wait_for_load_state("networkidle")
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )

    footer = page.get_by_role("navigation", name="Aktionen (Fußzeile)")
    footer.get_by_role("button", name="Mehr Aktionen").click()
    footer.get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Seite ‚{congress.title}‘ wurde veröffentlicht."
    )
    page.problems.clear()  # the admin's own (an autosave of a half-filled form answers 400)

    page.goto(events_site + congress.url)
    added = page.locator(".agenda .session", has_text=NEW_SESSION)
    expect(added.locator(".session__meta")).to_have_text("Forum Raum 4")
    slot = page.locator(".agenda-slot").filter(has=page.get_by_role("heading", name=NEW_SESSION))
    expect(slot.locator(".agenda-slot__time")).to_have_text("13:30–14:30")
    assert page.problems == []
