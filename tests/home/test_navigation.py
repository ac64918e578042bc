"""The main menu and the breadcrumbs."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory, NewsIndexPageFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def menu_items(response):
    return [
        (text_of(a), a["href"]) for a in soup(response).select("nav.main-nav .main-nav__list a")
    ]


def test_main_menu_lists_live_public_menu_pages_below_the_site_root(client, home_page, mentors):
    news_index = NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")
    ContentPageFactory(
        parent=home_page, title="Entwurf", slug="entwurf", show_in_menus=True, live=False
    )
    members_only = ContentPageFactory(
        parent=home_page, title="Netzwerk", slug="netzwerk", show_in_menus=True
    )
    restriction = PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))

    items = menu_items(client.get("/"))

    assert items == [("Programm", "/programm/"), ("Meldungen", news_index.url)]


def test_main_menu_marks_the_current_page(client, programme):
    link = soup(client.get(programme.url)).select_one("nav.main-nav a[href='/programm/']")

    assert link["aria-current"] == "page"


def test_main_menu_marks_the_section_of_a_subpage_without_aria_current(client, mentors):
    link = soup(client.get(mentors.url)).select_one("nav.main-nav a[href='/programm/']")

    assert "is-active" in link["class"]
    assert not link.has_attr("aria-current")


def test_main_menu_marks_nothing_on_the_home_page(client, programme):
    html = soup(client.get("/"))

    assert html.select("nav.main-nav [aria-current]") == []
    assert html.select("nav.main-nav .is-active") == []


def test_main_menu_has_a_german_label(client, programme):
    nav = soup(client.get("/")).select_one("nav.main-nav")

    assert nav["aria-label"] == "Hauptnavigation"


def test_breadcrumbs_lead_from_home_to_a_nested_page(client, mentors):
    breadcrumbs = soup(client.get(mentors.url)).select_one("nav.breadcrumbs")

    links = [a["href"] for a in breadcrumbs.select("a")]
    assert links == ["/", "/programm/"]
    assert text_of(breadcrumbs.select("a")[1]) == "Programm"
    current = breadcrumbs.select_one("[aria-current=page]")
    assert text_of(current) == "PatInnen und MentorInnen"


def test_breadcrumbs_call_the_start_page_startseite(client, mentors):
    breadcrumbs = soup(client.get(mentors.url)).select_one("nav.breadcrumbs")

    assert text_of(breadcrumbs.select_one("a")) == "Startseite"


def test_home_page_has_no_breadcrumbs(client, programme):
    assert soup(client.get("/")).select_one("nav.breadcrumbs") is None
