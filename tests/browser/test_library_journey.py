"""A visitor browses the knowledge database of the demo content: filters, opens a material,
downloads a public file; follows a members-only file to the login and, logged in as a
member, gets it. On a phone the filters start folded."""

import re

import pytest
from playwright.sync_api import expect

from home.models import german_slug
from library.demo.data import MATERIALS
from tests.browser.viewports import PHONE
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

LIBRARY = "/wissensdatenbank/"
PUBLIC_GUIDE = "Asylverfahren und Aufenthaltsstatus kurz erklärt"
MEMBERS_GUIDE = "Vormundschaft für unbegleitete Minderjährige: Fragen und Antworten"


# The browser shows a PDF itself (Wagtail serves PDFs inline), so the test reads the answer.
DOCUMENT = re.compile(r"/documents/\d+/")


def assert_is_the_pdf(page, response):
    assert response.status == 200
    assert response.header_value("content-type") == "application/pdf"
    assert page.context.request.get(response.url).body().startswith(b"%PDF-")


def url_of(title):
    return f"{LIBRARY}{german_slug(title)}/"


def demo_count(topic, material_type=None):
    """How many demo materials have this topic (and type)."""
    return sum(
        1
        for material in MATERIALS
        if topic in material["themen"].split("|")
        and material_type in (None, material["materialart"])
    )


def checkbox(page, label):
    """A facet value's checkbox; its accessible name ends with the value's count."""
    return page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \d+$"))


def test_visitor_filters_removes_a_filter_opens_a_material_and_downloads_its_file(
    library_site, page
):
    page.goto(library_site + LIBRARY)
    results = page.get_by_role("heading", level=2, name=re.compile("Materialien?$"))
    expect(results).to_have_text(f"{len(MATERIALS)} Materialien")

    checkbox(page, "Recht und Aufenthalt").check()
    checkbox(page, "Leitfaden").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page).to_have_url(re.compile(r"topic=recht-und-aufenthalt.*type=leitfaden"))
    expect(results).to_have_text(f"{demo_count('Recht und Aufenthalt', 'Leitfaden')} Materialien")

    active_filters = page.get_by_role("list", name="Aktive Filter")
    active_filters.get_by_role("link", name=re.compile("^Materialart: Leitfaden")).click()

    expect(page).to_have_url(f"{library_site}{LIBRARY}?topic=recht-und-aufenthalt")
    expect(checkbox(page, "Recht und Aufenthalt")).to_be_checked()
    expect(checkbox(page, "Leitfaden")).not_to_be_checked()
    expect(results).to_have_text(f"{demo_count('Recht und Aufenthalt')} Materialien")

    page.get_by_role("link", name=PUBLIC_GUIDE, exact=True).click()

    expect(page).to_have_url(library_site + url_of(PUBLIC_GUIDE))
    expect(page.get_by_role("heading", level=1)).to_have_text(PUBLIC_GUIDE)
    with page.expect_response(DOCUMENT) as served:
        page.locator(".files__item a").first.click()
    assert_is_the_pdf(page, served.value)
    assert page.problems == []


def test_visitor_finds_a_word_of_a_file_and_a_members_only_file_needs_a_member_login(
    library_site, page
):
    UserFactory(email="traegerin@example.org", groups=["Mitglieder"])
    page.goto(library_site + LIBRARY)
    search = page.get_by_role("searchbox", name="Wissensdatenbank durchsuchen")
    search.fill("Mietschuldenfreiheitsbescheinigung")  # only inside the file of one material
    search.press("Enter")

    expect(page.get_by_role("heading", level=2, name="1 Material")).to_be_visible()
    expect(page.get_by_role("link", name="Wohnungssuche gemeinsam meistern")).to_be_visible()

    page.goto(library_site + url_of(MEMBERS_GUIDE))
    expect(page.get_by_role("note")).to_contain_text("nur Mitgliedern des Netzwerks")
    page.locator(".files__item a").first.click()

    expect(page).to_have_url(re.compile(r"/konto/login/\?next=/documents/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden")
    page.get_by_label("E-Mail").fill("traegerin@example.org")
    page.get_by_label("Passwort").fill("ein-langes-testpasswort")
    with page.expect_response(DOCUMENT) as served:
        page.get_by_role("button", name="Anmelden").click()
    assert_is_the_pdf(page, served.value)
    assert page.problems == []


def test_filters_start_folded_on_a_phone_and_open_with_the_keyboard(library_site, phone_page):
    page = phone_page
    page.goto(library_site + LIBRARY)
    summary = page.locator(".library__facets > summary")
    topic = checkbox(page, "Wohnen")

    expect(topic).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")

    expect(topic).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide"
    assert page.problems == []


def test_an_editor_uploads_a_file_and_sees_when_the_worker_has_read_its_text(
    demo_site, page, settings, tmp_path
):
    """The upload is stored at once; the document's page says the text is being read and,
    without a reload, shows the worker's result (library/tasks.py)."""
    from django.core.management import call_command

    from library.demo import make_pdf

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    UserFactory(username="redaktion", groups=["Redaktion"])
    pdf = tmp_path / "handreichung-lotsen.pdf"
    pdf.write_bytes(make_pdf("Handreichung", ["Die Lotsenarbeit mit Geflüchteten."]))
    page.goto(demo_site + "/admin/login/")
    page.get_by_label("Benutzername").fill("redaktion")
    page.get_by_label("Passwort").fill("ein-langes-testpasswort")
    page.get_by_role("button", name="Anmelden").click()
    page.goto(demo_site + "/admin/documents/add/")
    page.get_by_label("Titel").fill("Handreichung für Lotsinnen")
    page.locator('input[name="file"]').set_input_files(pdf)
    page.get_by_role("button", name="Hochladen").click()
    page.locator(".messages").get_by_role("link", name="Bearbeiten").click()

    note = page.locator("[role=status][data-text-status-url]")
    expect(note).to_have_text("Text der Datei wird gelesen …")
    call_command("db_worker", "--batch", "--no-startup-delay")

    expect(note).to_have_text("Text gelesen", timeout=10_000)
    expect(page.locator("[data-text-status-label]")).to_have_text("Text gelesen")
    assert page.problems == []
