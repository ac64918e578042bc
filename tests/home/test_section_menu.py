"""Content pages show their section's pages beside the content, so every page is reachable
by clicking; the contacts box steps aside when the body already shows a contact card."""

from tests.factories import ContentPageFactory
from tests.helpers import soup, text_of


def section_links(response):
    menu = soup(response).select_one("nav.section-menu")
    return [(text_of(link), link.get("aria-current")) for link in menu.select("a")] if menu else []


def test_section_menu_lists_the_sections_menu_pages_and_marks_the_current_one(client, home_page):
    programme = ContentPageFactory(parent=home_page, title="Programm", slug="programm")
    child = ContentPageFactory(
        parent=programme, title="PatInnen", slug="patinnen", show_in_menus=True
    )
    ContentPageFactory(parent=programme, title="Versteckt", slug="versteckt", show_in_menus=False)

    assert section_links(client.get(programme.url)) == [("Programm", "page"), ("PatInnen", None)]
    assert section_links(client.get(child.url)) == [("Programm", None), ("PatInnen", "page")]


def test_page_without_menu_children_shows_no_section_menu(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")

    assert section_links(client.get(page.url)) == []


def test_contact_page_shows_its_contact_card_once(client, home_page):
    contact = {"name": "Dr. Lilian Schwalb", "role": "Projektleiterin", "phone": "", "email": ""}
    page = ContentPageFactory(
        parent=home_page, slug="kontakt", body=[{"type": "contact", "value": contact}]
    )
    other = ContentPageFactory(parent=home_page, slug="impressum")

    assert client.get(page.url).content.decode().count("Dr. Lilian Schwalb") == 1
    assert "Dr. Ansgar Klein" not in client.get(page.url).content.decode()  # site contact
    assert "Dr. Ansgar Klein" in client.get(other.url).content.decode()
