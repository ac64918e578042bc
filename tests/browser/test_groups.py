"""The working groups of the demo content in Chromium: every group page passes axe-core and
reflows at 1280, 390 and 320 px for visitors, the demo member and the network's moderator;
and the journey of a request to join: the demo member asks to join the closed »AG Wirkung und
Berichtswesen« with a message, the moderator accepts it with an answer, the member hears of
it by e-mail, then sees the group's members and replies in its discussion, whose author hears
of it; the member also accepts the invitation to the secret steering group."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.demo.data import MEMBER_EMAIL, MODERATOR_EMAIL
from tests.browser.test_accessibility import assert_no_blocking_violations, blocking_violations
from tests.browser.viewports import DESKTOP, NARROW_PHONE, PHONE

pytestmark = pytest.mark.browser

LIST = "/netzwerk/arbeitsgruppen/"
PUBLIC = "/netzwerk/arbeitsgruppen/ag-wohnraum/"
CLOSED = "/netzwerk/arbeitsgruppen/ag-wirkung-und-berichtswesen/"
SECRET = "/netzwerk/arbeitsgruppen/steuerungsrunde-der-programmtraeger/"
VIEWPORTS = {"1280": DESKTOP, "390": PHONE, "320": NARROW_PHONE}
PAGES = {
    "visitor": [LIST, PUBLIC],
    MEMBER_EMAIL: [LIST, PUBLIC, CLOSED, SECRET, f"{PUBLIC}austreten/", "/netzwerk/mein-bereich/"],
    MODERATOR_EMAIL: [CLOSED],
}


def scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_group_pages_pass_axe_and_reflow(community_site, new_page, axe, log_in):
    from community.models import GroupThread

    thread = GroupThread.objects.get(title__startswith="Mietverträge für Wohngemeinschaften")
    pages = {**PAGES, MEMBER_EMAIL: [*PAGES[MEMBER_EMAIL], thread.get_absolute_url()]}
    found, too_wide = {}, []
    for width, viewport in VIEWPORTS.items():
        for person, paths in pages.items():
            page = new_page(viewport)
            if person != "visitor":
                log_in(page, person)
            for path in paths:
                assert page.goto(community_site + path).ok, path
                found[f"{path} as {person} at {width} px"] = blocking_violations(axe, page)
                if scrolls_sideways(page):
                    too_wide.append(f"{path} as {person} at {width} px")

    assert_no_blocking_violations(found)
    assert not too_wide


def test_a_member_asks_to_join_and_the_moderator_accepts(community_site, new_page, log_in):
    member = new_page(PHONE)
    log_in(member, MEMBER_EMAIL)
    member.goto(community_site + LIST)
    member.get_by_role("link", name="AG Wirkung und Berichtswesen").click()
    expect(member.get_by_role("heading", name="Mitglieder")).to_have_count(0)
    member.get_by_label("Nachricht an die Moderation der Gruppe (freiwillig)").fill(
        "Wir berichten seit 2017 und teilen gern unsere Vorlagen."
    )
    member.get_by_role("button", name="Um Aufnahme bitten").click()
    expect(member.get_by_text("Ihre Anfrage ist bei der Moderation der Gruppe.")).to_be_visible()
    assert any("Wir berichten seit 2017" in message.body for message in mail.outbox)

    moderator = new_page(DESKTOP)
    log_in(moderator, MODERATOR_EMAIL)
    moderator.goto(community_site + "/netzwerk/mein-bereich/")
    moderator.get_by_role("link", name="Steuerungsrunde der Programmträger").wait_for()
    moderator.goto(community_site + CLOSED)
    request = moderator.locator(".group-request", has_text="Anna Lehmann")
    expect(request).to_contain_text("Wir berichten seit 2017")
    request.get_by_label("Nachricht an die Person (freiwillig)").fill("Herzlich willkommen!")
    request.get_by_role("button", name="Annehmen").click()
    expect(moderator.get_by_text("Anna Lehmann ist jetzt Mitglied der Gruppe.")).to_be_visible()

    welcome = [m for m in mail.outbox if MEMBER_EMAIL in m.to and "Willkommen" in m.subject]
    assert welcome and "Herzlich willkommen!" in welcome[-1].body
    member.reload()
    expect(member.get_by_role("heading", name="Mitglieder")).to_be_visible()
    expect(member.get_by_role("link", name="Tobias Lang")).to_be_visible()

    member.get_by_role("link", name="Kennzahlen für den Sachbericht 2027").click()
    member.get_by_label("Ihr Kommentar").fill("Wir zählen zusätzlich die Tandems mit Kindern.")
    member.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(member.get_by_text("Wir zählen zusätzlich die Tandems mit Kindern.")).to_be_visible()
    author = new_page(DESKTOP)
    log_in(author, "tobias.lang@example.org")
    author.goto(community_site + "/netzwerk/benachrichtigungen/")
    expect(author.get_by_role("link", name="Neue Antwort in Ihrer Diskussion")).to_be_visible()

    member.goto(community_site + SECRET)
    member.get_by_role("button", name="Einladung annehmen").click()
    expect(member.get_by_text("Sie sind Mitglied dieser Arbeitsgruppe.")).to_be_visible()
