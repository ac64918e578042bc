"""A visitor finds their way through the public site by clicking and by keyboard, on a desktop
screen and on a phone. The content is the demo page tree of `home.demo.generate()`."""

import re

import pytest
from playwright.sync_api import expect

from home import demo

pytestmark = pytest.mark.browser

PROGRAMME = "Programm »Menschen stärken Menschen«"
PROGRAMME_CHILD = "PatInnen, MentorInnen und LotsInnen"
# The demo news items share a date, so the newest is the one published last.
LATEST_NEWS = list(reversed(demo.NEWS))[:3]
CONTACT_EMAIL = demo.LILIAN_SCHWALB["email"]


def main_menu_link(page, name):
    return page.get_by_role("banner").get_by_role("link", name=name, exact=True)


def expect_page_title(page, title):
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_start_page_shows_the_headline_and_the_three_latest_news(demo_site, page):
    page.goto(demo_site + "/")

    expect_page_title(page, "PatInnen, MentorInnen und LotsInnen")
    teasers = page.get_by_role("main").get_by_role("article")
    expect(teasers).to_have_count(3)
    for teaser, news in zip(teasers.all(), LATEST_NEWS, strict=True):
        date = teaser.locator("time")
        expect(date).to_have_text(news["date"].strftime("%d.%m.%Y"))
        expect(date).to_have_attribute("datetime", news["date"].isoformat())
        title_link = teaser.get_by_role("heading").get_by_role("link", name=news["title"])
        expect(title_link).to_be_visible()
        expect(teaser).to_contain_text(news["teaser"])
        url = f"/meldungen/{news['slug']}/"
        expect(title_link).to_have_attribute("href", url)
        more = teaser.get_by_text("mehr…", exact=True)
        expect(more).to_be_visible()
        expect(more).to_have_attribute("href", url)
    assert page.problems == []


def test_visitor_reaches_the_programme_and_its_child_page_through_the_main_menu(demo_site, page):
    page.goto(demo_site + "/")

    main_menu_link(page, PROGRAMME).click()

    expect(page).to_have_url(demo_site + "/programm/")
    expect_page_title(page, PROGRAMME)
    expect(main_menu_link(page, PROGRAMME)).to_have_attribute("aria-current", "page")

    page.get_by_role("main").get_by_role("link", name=PROGRAMME_CHILD, exact=True).click()

    expect(page).to_have_url(demo_site + "/programm/patinnen-mentorinnen-und-lotsinnen/")
    expect_page_title(page, PROGRAMME_CHILD)
    # The menu still shows which section the visitor is in; the breadcrumbs lead back.
    expect(main_menu_link(page, PROGRAMME)).not_to_have_attribute("aria-current", "page")
    expect(main_menu_link(page, PROGRAMME)).to_have_class(re.compile(r"\bis-active\b"))
    breadcrumbs = page.get_by_role("navigation").filter(has=page.locator("ol"))
    expect(breadcrumbs.locator("[aria-current=page]")).to_have_text(PROGRAMME_CHILD)
    breadcrumbs.get_by_role("link", name=PROGRAMME, exact=True).click()
    expect(page).to_have_url(demo_site + "/programm/")
    assert page.problems == []


def test_visitor_opens_a_news_item_from_the_news_list(demo_site, page):
    page.goto(demo_site + "/")
    main_menu_link(page, "Meldungen").click()

    expect(page).to_have_url(demo_site + "/meldungen/")
    expect_page_title(page, "Meldungen")
    news_items = page.get_by_role("main").get_by_role("article")
    expect(news_items).to_have_count(len(demo.NEWS))
    news = LATEST_NEWS[1]
    page.get_by_role("main").get_by_role("link", name=news["title"], exact=True).click()

    expect(page).to_have_url(f"{demo_site}/meldungen/{news['slug']}/")
    expect_page_title(page, news["title"])
    article = page.get_by_role("main").get_by_role("article")
    expect(article.locator("time")).to_have_attribute("datetime", news["date"].isoformat())
    expect(article).to_contain_text(news["teaser"])
    assert page.problems == []


def test_visitor_reaches_the_contact_page_through_the_footer_and_gets_a_mailto_link(
    demo_site, page
):
    page.goto(demo_site + "/programm/")

    page.get_by_role("contentinfo").get_by_role("link", name="Kontakt", exact=True).click()

    expect(page).to_have_url(demo_site + "/kontakt/")
    expect_page_title(page, "Kontakt")
    # The address is rendered as name(at)domain; site.js turns it into a working link.
    email = page.get_by_role("main").get_by_role("article").get_by_role("link", name=CONTACT_EMAIL)
    expect(email).to_have_attribute("href", f"mailto:{CONTACT_EMAIL}")
    expect(page.get_by_text("(at)")).to_have_count(0)
    assert page.problems == []


def test_first_tab_focuses_the_skip_link_and_enter_moves_focus_to_the_main_content(demo_site, page):
    page.goto(demo_site + "/programm/")

    page.keyboard.press("Tab")

    skip_link = page.locator('a[href="#main"]')
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    main = page.get_by_role("main")
    expect(main).to_be_focused()
    # The next Tab continues inside the content, not in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_main_menu_is_shown_without_menu_button_on_a_desktop_screen(demo_site, page):
    page.goto(demo_site + "/")

    expect(page.get_by_role("button", name="Menü")).to_be_hidden()
    expect(main_menu_link(page, "Kontakt")).to_be_visible()


def test_main_menu_is_collapsed_behind_a_menu_button_on_a_phone(demo_site, phone_page):
    page = phone_page
    page.goto(demo_site + "/")
    toggle = page.get_by_role("button", name="Menü", exact=True)
    contact_link = main_menu_link(page, "Kontakt")

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(contact_link).to_be_hidden()

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(contact_link).to_be_visible()

    page.keyboard.press("Escape")

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(contact_link).to_be_hidden()

    toggle.click()
    contact_link.click()

    expect(page).to_have_url(demo_site + "/kontakt/")
    expect_page_title(page, "Kontakt")
    assert page.problems == []


def test_unknown_address_shows_the_german_not_found_page_with_navigation(demo_site, page):
    response = page.goto(demo_site + "/gibt-es-nicht/")

    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(main_menu_link(page, "Kontakt")).to_be_visible()
    expect(page.get_by_role("contentinfo").get_by_role("link", name="Impressum")).to_be_visible()

    page.get_by_role("main").locator('a[href="/"]').click()

    expect(page).to_have_url(demo_site + "/")
    expect_page_title(page, "PatInnen, MentorInnen und LotsInnen")
