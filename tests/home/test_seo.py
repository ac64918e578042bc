"""What search engines and social networks read: titles, meta tags, sitemap, robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteImageFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def about(home_page):
    return ContentPageFactory(
        parent=home_page,
        title="Über uns",
        slug="ueber-uns",
        search_description="Wer hinter dem Programm steht.",
    )


def meta(html, **attrs):
    element = html.find("meta", attrs=attrs)
    return element["content"] if element else None


def test_page_title_names_the_page_and_the_site(client, about):
    html = soup(client.get(about.url))

    assert text_of(html.title) == "Über uns – Menschen stärken Menschen"


def test_page_title_prefers_the_seo_title(client, about):
    about.seo_title = "Das Bundesprogramm im Überblick"
    about.save()

    html = soup(client.get(about.url))

    assert text_of(html.title) == "Das Bundesprogramm im Überblick – Menschen stärken Menschen"
    assert meta(html, property="og:title") == "Das Bundesprogramm im Überblick"


def test_home_page_title_is_the_site_name(client, home_page):
    assert text_of(soup(client.get("/")).title) == "Menschen stärken Menschen"


def test_meta_description_comes_from_the_search_description(client, about):
    html = soup(client.get(about.url))

    assert meta(html, name="description") == "Wer hinter dem Programm steht."
    assert meta(html, property="og:description") == "Wer hinter dem Programm steht."


def test_meta_description_falls_back_to_the_tagline(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Kontakt", slug="kontakt")

    html = soup(client.get(page.url))

    assert meta(html, name="description") == "Patenschaften, Mentoring und Lotsenprojekte"


def test_canonical_url_and_og_url_are_the_pages_full_url(client, about):
    html = soup(client.get(about.url))

    assert html.find("link", rel="canonical")["href"] == "http://localhost/ueber-uns/"
    assert meta(html, property="og:url") == "http://localhost/ueber-uns/"


def test_og_title_is_the_page_title(client, about):
    html = soup(client.get(about.url))

    assert meta(html, property="og:title") == "Über uns"
    assert meta(html, property="og:site_name") == "Menschen stärken Menschen"
    assert meta(html, property="og:locale") == "de_DE"


def test_news_page_is_shared_as_an_article_with_its_image(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(
        parent=news_index,
        image=SiteImageFactory(description="Das Podium des Kongresses", credit="Foto: BBE"),
    )

    html = soup(client.get(news.url))

    assert meta(html, property="og:type") == "article"
    assert meta(html, property="og:image").startswith("http://testserver/media/images/")
    assert meta(html, property="og:image:alt") == "Das Podium des Kongresses"


def test_sharing_image_of_the_page_is_preferred(client, about):
    about.social_image = SiteImageFactory(description="Zum Teilen", credit="Foto: BBE")
    about.save()

    html = soup(client.get(about.url))

    assert meta(html, property="og:image:alt") == "Zum Teilen"


# --- sitemap.xml -----------------------------------------------------------------------------


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}


def test_sitemap_lists_live_public_pages(client, home_page, about):
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index, slug="kongress-2017")

    locations = sitemap_locations(client)

    assert locations == {
        "http://localhost/",
        "http://localhost/ueber-uns/",
        "http://localhost/meldungen/",
        "http://localhost/meldungen/kongress-2017/",
    }
    assert news.full_url in locations


def test_sitemap_leaves_out_drafts(client, home_page):
    ContentPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)

    assert "http://localhost/entwurf/" not in sitemap_locations(client)


def test_sitemap_leaves_out_member_pages_and_their_subpages(client, home_page):
    network = ContentPageFactory(parent=home_page, title="Netzwerk", slug="netzwerk")
    ContentPageFactory(parent=network, title="Intern", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=network, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))

    locations = sitemap_locations(client)

    assert "http://localhost/netzwerk/" not in locations
    assert "http://localhost/netzwerk/intern/" not in locations
    assert "http://localhost/" in locations


# --- robots.txt ------------------------------------------------------------------------------


def test_robots_txt_lists_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_ico_leads_to_the_site_icon(client, db):
    # Browsers ask for it where a page names no icon, e.g. for a PDF they show.
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
