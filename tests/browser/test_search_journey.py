"""A visitor searches the whole site from the search box in every page's header: a word that
stands only inside a public PDF finds its material; a word that stands only inside a
members-only file finds nothing until a member logs in. The box suggests page titles while
typing, and the suggestions work with the keyboard alone (an ARIA 1.2 combobox)."""

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect
from wagtail.models import Page, Site

from library.demo import make_pdf
from library.models.pages import AccessLevel
from tests.factories import (
    LibraryDocumentFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    TopicFactory,
    UserFactory,
)
from tests.test_html_validity import VNU_JAR

pytestmark = pytest.mark.browser

MEMBER_EMAIL = "traegerin@example.org"
PUBLIC_MATERIAL = "Steuerliche Fragen im Ehrenamt"
MEMBERS_MATERIAL = "Fördermittel richtig abrufen"
# Each word stands only inside the file of one material: not in any page, title or summary.
PUBLIC_WORD = "Übungsleiterfreibetrag"
MEMBERS_WORD = "Mittelabrufformular"


def pdf_material(library, title, word, access_level, topic):
    """A published material whose only file is a real PDF with `word` in its text."""
    text = f"Wer Ehrenamtliche begleitet, sollte den Begriff {word} kennen."
    document = LibraryDocumentFactory(
        title=title,
        file__data=make_pdf(title, ["Eine kurze Handreichung.", text]),
        file__filename="handreichung.pdf",
    )
    assert word in document.text, "the word is read from the file"
    return MaterialPageFactory(
        parent=library,
        title=title,
        intro="Eine kurze Handreichung für Träger und Engagierte.",
        access_level=access_level,
        topics=[topic],
        files=[document],
    )


@pytest.fixture
def search_site(demo_site):
    """The demo site with a knowledge database of two materials: one with a public PDF, one
    whose PDF only members may download; an approved member. Yields the base URL."""
    home = Site.objects.get(is_default_site=True).root_page
    library = LibraryIndexPageFactory(parent=home)
    topic = TopicFactory(name="Finanzierung und Förderung")
    pdf_material(library, PUBLIC_MATERIAL, PUBLIC_WORD, AccessLevel.PUBLIC, topic)
    pdf_material(library, MEMBERS_MATERIAL, MEMBERS_WORD, AccessLevel.MEMBERS, topic)
    UserFactory(email=MEMBER_EMAIL, groups=["Mitglieder"])
    return demo_site


def header_search_box(page):
    """The search box in the page's header, a combobox once the script has run."""
    return page.get_by_role("banner").get_by_role("combobox")


def search_from_the_header(page, word):
    box = header_search_box(page)
    box.fill(word)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/suche/\?q="))


def results(page):
    return page.locator(".search-result-list > .search-result")


def test_visitor_finds_a_word_of_a_public_pdf_and_a_member_finds_one_of_a_members_file(
    search_site, page
):
    page.goto(search_site + "/programm/")
    search_from_the_header(page, PUBLIC_WORD)

    expect(results(page)).to_have_count(1)
    hit = results(page).first
    expect(hit.get_by_role("heading", level=3)).to_have_text(PUBLIC_MATERIAL)
    expect(hit.locator(".search-result__snippet mark")).to_have_text(PUBLIC_WORD)
    # »1 Treffer für »…««: the count and the query, whatever the wording.
    expect(page.locator("#results-title")).to_have_text(re.compile(rf"^1 .*»{PUBLIC_WORD}«$"))
    expect(header_search_box(page)).to_have_value(PUBLIC_WORD)

    hit.get_by_role("link", name=PUBLIC_MATERIAL).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PUBLIC_MATERIAL)

    search_from_the_header(page, MEMBERS_WORD)

    expect(results(page)).to_have_count(0)
    expect(page.get_by_role("link", name=MEMBERS_MATERIAL)).to_have_count(0)
    empty = page.locator(".search-results .empty-state")
    expect(empty).to_be_visible()
    # The empty result offers the topics of the knowledge database.
    expect(empty.get_by_role("link", name="Finanzierung und Förderung")).to_be_visible()

    account = page.get_by_role("navigation", name="Benutzerkonto")
    account.get_by_role("link", name="Anmelden").click()
    form = page.get_by_role("main").locator("form")
    form.get_by_label("E-Mail", exact=True).fill(MEMBER_EMAIL)
    form.get_by_label("Passwort", exact=True).fill("ein-langes-testpasswort")
    form.get_by_role("button", name="Anmelden").click()

    # The login leads back to the same search, which now finds the members' material.
    expect(page).to_have_url(re.compile(rf"/suche/\?q={MEMBERS_WORD}$"))
    expect(results(page)).to_have_count(1)
    hit = results(page).first
    expect(hit.get_by_role("heading", level=3)).to_have_text(MEMBERS_MATERIAL)
    expect(hit.locator(".search-result__snippet mark")).to_have_text(MEMBERS_WORD)
    assert page.problems == []


def test_visitor_chooses_a_suggested_page_with_the_keyboard(search_site, page):
    page.goto(search_site + "/")
    box = header_search_box(page)
    expect(box).to_have_attribute("aria-expanded", "false")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox).to_have_attribute("role", "listbox")
    expect(listbox).to_be_hidden()

    box.press_sequentially("Wissens")  # »Wissensdatenbank« and »Wissenstransfer«

    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    titles = options.all_inner_texts()
    assert sorted(titles) == ["Wissensdatenbank", "Wissenstransfer"]
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(box).to_be_focused()

    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(options.nth(1)).to_have_attribute("aria-selected", "false")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(0).get_attribute("id"))

    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    expect(box).to_be_focused()  # the focus stays in the box while the options change

    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(box).to_have_value("Wissens")
    expect(page).to_have_url(search_site + "/")

    box.press("ArrowDown")  # opens the list again, on its first suggestion
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(0).get_attribute("id"))

    box.press_sequentially("t")  # »Wissenst«: only »Wissenstransfer«
    expect(options).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Enter")

    chosen = Page.objects.get(title="Wissenstransfer")
    expect(page).to_have_url(search_site + chosen.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wissenstransfer")
    assert page.problems == []


def test_results_page_with_suggestions_open_is_valid_html(search_site, page, tmp_path):
    """The markup the script makes (combobox, listbox, options) is valid too, according to
    the Nu Html Checker: tests/test_html_validity.py checks the pages as the server sends them."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("The Nu Html Checker needs Java and vnu.jar: run `make browser-deps`.")
    page.goto(search_site + f"/suche/?q={PUBLIC_WORD}")
    snapshots = []
    for landmark in ("banner", "main"):
        box = page.get_by_role(landmark).get_by_role("combobox")
        box.fill("")
        box.press_sequentially("Wissens")
        expect(page.get_by_role(landmark).get_by_role("option")).to_have_count(2)
        box.press("ArrowDown")
        snapshots.append(tmp_path / f"suggestions-in-the-{landmark}.html")
        snapshots[-1].write_text(page.content())
        box.press("Escape")

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "text", *map(str, snapshots)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, f"{result.stdout}{result.stderr}"
