"""SiteSettings appear on every page type: contacts, funding notice, footer links."""

import pytest

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteImageFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

PAGE_TYPES = ["home", "content", "news_index", "news"]


@pytest.fixture
def imprint(home_page):
    return ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")


@pytest.fixture
def pages(home_page, imprint):
    """One page of each type, by name."""
    news_index = NewsIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "content": imprint,
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index),
    }


@pytest.fixture
def footer_links(site_settings, imprint):
    site_settings.footer_links = [
        {"type": "link", "value": {"label": "Impressum", "page": imprint.pk, "url": ""}},
        {
            "type": "link",
            "value": {"label": "Datenschutz beim BBE", "page": None, "url": "https://bbe.de/ds/"},
        },
    ]
    site_settings.save()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_shows_the_contacts_of_the_site_settings(client, pages, page_type):
    html = soup(client.get(pages[page_type].url))

    cards = html.select("main .contact-card")
    assert len(cards) == 1
    assert text_of(cards[0].select_one(".contact-card__name")) == "Dr. Ansgar Klein"
    assert text_of(cards[0].select_one(".contact-card__role")) == "Geschäftsführer des BBE"
    assert "(0 30) 6 29 80-1 10" in text_of(cards[0])
    assert "ansgar.klein@b-b-e.de" not in str(html)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_shows_funding_notice_and_funder_in_the_footer(client, pages, page_type):
    footer = soup(client.get(pages[page_type].url)).select_one("footer.site-footer")

    assert text_of(footer.select_one(".funding__notice")) == (
        "Das Programm wird gefördert vom Bundesfamilienministerium."
    )
    assert text_of(footer.select_one(".funding__name")) == (
        "Bundesministerium für Familie, Senioren, Frauen und Jugend"
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_shows_the_footer_links_to_pages_and_websites(
    client, pages, footer_links, page_type
):
    footer = soup(client.get(pages[page_type].url)).select_one("footer.site-footer")

    links = [(text_of(a), a["href"]) for a in footer.select(".footer-nav a")]
    assert links == [
        ("Impressum", "/impressum/"),
        ("Datenschutz beim BBE", "https://bbe.de/ds/"),
    ]


def test_footer_links_the_funder_when_its_website_is_set(client, site_settings):
    site_settings.funder_url = "https://www.bmfsfj.de/"
    site_settings.save()

    funder = soup(client.get("/")).select_one("footer a.funding__funder")

    assert funder["href"] == "https://www.bmfsfj.de/"
    assert "Bundesministerium für Familie" in text_of(funder)


def test_footer_shows_the_funding_logo_with_the_funder_as_alt_text(client, site_settings):
    site_settings.funding_logo = SiteImageFactory(description="Logo", credit="BMFSFJ")
    site_settings.save()

    logo = soup(client.get("/")).select_one("footer .funding img")

    assert logo["alt"] == "Bundesministerium für Familie, Senioren, Frauen und Jugend"


def test_header_shows_the_tagline(client, site_settings):
    tagline = soup(client.get("/")).select_one("header .brand__tagline")

    assert text_of(tagline) == "Patenschaften, Mentoring und Lotsenprojekte"


def test_pages_render_without_any_site_settings_saved(client, site_settings):
    site_settings.delete()

    response = client.get("/")

    assert response.status_code == 200
    assert "Bundesministerium für Familie" in text_of(soup(response).footer)
