"""Full-page screenshots of the start page on a desktop screen and on a phone, for people to look
at (test-artifacts/screenshots/, kept out of git), and a check that the phone layout fits."""

import struct
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.viewports import DESKTOP, NARROW_PHONE, PHONE

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
# A rendered start page with its photo is far larger; a blank or broken page is a few KB.
MIN_BYTES = 50_000


def png_size(path):
    """Width and height from a PNG's header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_full_page_screenshot_of_the_start_page(demo_site, new_page, viewport):
    page = new_page(viewport)
    page.goto(demo_site + "/")
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"start-page-{viewport['width']}.png"
    path.unlink(missing_ok=True)

    page.screenshot(path=path, full_page=True)

    assert path.stat().st_size > MIN_BYTES, f"{path} is only {path.stat().st_size} bytes"
    width, height = png_size(path)
    assert width == viewport["width"]
    assert height > viewport["height"], "the start page should be longer than one screen"
    assert page.problems == []


def test_start_page_has_no_horizontal_scrollbar_on_a_phone(demo_site, new_page):
    page = new_page(PHONE)
    page.goto(demo_site + "/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")

    assert scroll_width <= PHONE["width"], f"the page is {scroll_width} px wide"


# Pages of the demo content with long compounds in headings, a long e-mail address in the
# contact box and long options in the agenda's filter.
NARROW_PAGES = ["/", "/meldungen/", "/veranstaltungen/fachkongress-2017/?format=workshop"]


def test_news_and_the_congress_agenda_reflow_on_the_narrowest_phone(demo_site, new_page):
    page = new_page(NARROW_PHONE)
    for path in NARROW_PAGES:
        page.goto(demo_site + path)

        scroll_width = page.evaluate("document.documentElement.scrollWidth")

        assert scroll_width <= NARROW_PHONE["width"], f"{path} is {scroll_width} px wide"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_long_german_words_in_headings_stay_inside_their_boxes(demo_site, new_page, viewport):
    page = new_page(viewport)
    page.goto(demo_site + "/")

    # Visually hidden headings (1 px wide, for screen readers) overflow on purpose.
    overflowing = page.evaluate(
        """Array.from(document.querySelectorAll("h1, h2, h3"))
            .filter((heading) => heading.clientWidth > 1)
            .filter((heading) => heading.scrollWidth > heading.clientWidth)
            .map((heading) => heading.textContent.trim())"""
    )

    assert overflowing == []


LIBRARY_PAGES = {
    "library": "/wissensdatenbank/?topic=patenschaften-aufbauen-und-begleiten",
    "material": "/wissensdatenbank/vormundschaft-fuer-unbegleitete-minderjaehrige-fragen-und-"
    "antworten/",
}


def test_library_pages_fit_desktop_and_phone_screens_and_are_photographed(library_site, new_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in (DESKTOP, PHONE):
        page = new_page(viewport)
        for name, path in LIBRARY_PAGES.items():
            page.goto(library_site + path)
            page.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}.png", full_page=True)

            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= viewport["width"], f"{path} is {scroll_width} px wide"
            overflowing = page.evaluate(
                """Array.from(document.querySelectorAll("h1, h2, h3, label, dd"))
                    .filter((element) => element.clientWidth > 1)
                    .filter((element) => element.scrollWidth > element.clientWidth)
                    .map((element) => element.textContent.trim())"""
            )
            assert overflowing == [], f"{path} at {viewport['width']} px"
        assert page.problems == []


# The site search: a content page's header with the search box in the dark top bar (for a
# visitor and for a member), the results page with hits and without, the suggestions open.
SEARCH_PAGES = {
    "content-page-header": "/programm/",
    "search-results": "/suche/?q=Patenschaft",
    "search-no-results": "/suche/?q=Gibtesnicht",
}


def photograph_suggestions(page, box, path):
    """Type the start of two page titles into `box`, choose the first suggestion with the
    keyboard and photograph the screen; the list must lie below the box, inside the screen."""
    box.press_sequentially("Wissens")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.get_by_role("option").first.wait_for()
    box.press("ArrowDown")
    page.screenshot(path=path)

    suggestions, field = listbox.bounding_box(), box.bounding_box()
    width = page.viewport_size["width"]
    assert suggestions["x"] >= 0 and suggestions["x"] + suggestions["width"] <= width
    assert suggestions["y"] >= field["y"] + field["height"], "the list lies below the box"


def test_search_pages_fit_desktop_and_phone_screens_and_are_photographed(
    library_site, new_page, log_in
):
    from tests.factories import UserFactory

    member = UserFactory(email="traegerin@example.org", groups=["Mitglieder"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in (DESKTOP, PHONE):
        width = viewport["width"]
        page = new_page(viewport)
        for name, path in SEARCH_PAGES.items():
            page.goto(library_site + path)
            page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)

            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{path} is {scroll_width} px wide"

        page.goto(library_site + "/programm/")
        header = page.get_by_role("banner")
        photograph_suggestions(
            page, header.get_by_role("combobox"), SCREENSHOTS / f"search-suggestions-{width}.png"
        )
        page.goto(library_site + SEARCH_PAGES["search-results"])
        main_box = page.get_by_role("main").get_by_role("combobox")
        main_box.fill("")
        photograph_suggestions(
            page, main_box, SCREENSHOTS / f"search-results-suggestions-{width}.png"
        )
        page.keyboard.press("Escape")
        header.get_by_role("combobox").focus()
        page.keyboard.press("Tab")  # the header's search button, with its focus ring
        header.screenshot(path=SCREENSHOTS / f"header-search-button-focused-{width}.png")

        log_in(page, member.email, "ein-langes-testpasswort")
        page.goto(library_site + "/programm/")
        header.screenshot(path=SCREENSHOTS / f"header-member-{width}.png")
        assert page.problems == []
