"""The demo's events: the congresses below »Veranstaltungen«, the old addresses below
»Wissenstransfer« redirecting there, and the start page pointing to them."""

import pytest
from wagtail.models import PageViewRestriction

from events.models import CongressPage, EventIndexPage
from home.models import HomePage
from library.models import MaterialPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_content, db):
    """The demo content, loaded once for the module (tests/conftest.py)."""
    return demo_content


def test_demo_has_the_congresses_below_the_event_list(demo):
    index = EventIndexPage.objects.get()
    titles = [page.title for page in CongressPage.objects.child_of(index).live()]

    assert {"Fachkongress 2016", "Fachkongress 2017"} <= set(titles)
    congress_2017 = CongressPage.objects.get(title="Fachkongress 2017")
    assert congress_2017.sessions.filter(format="workshop").count() >= 4


def test_old_congress_addresses_redirect_permanently(client, demo):
    for old, new in (
        ("/wissenstransfer/fachkongress-2017/", "/veranstaltungen/fachkongress-2017/"),
        ("/wissenstransfer/fachkongress-2016/", "/veranstaltungen/fachkongress-2016/"),
    ):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new


def test_start_page_features_the_congress_page(client, demo):
    home = HomePage.objects.get()

    assert home.featured_page.specific_class is CongressPage
    assert 'href="/veranstaltungen/fachkongress-2016/"' in client.get("/").content.decode()


def test_upcoming_congress_is_open_for_registration(client, demo):
    upcoming = [page for page in CongressPage.objects.live() if page.registration_is_open()]

    assert len(upcoming) == 1
    assert client.get(upcoming[0].url + "anmelden/").status_code == 200


def test_past_congress_shows_its_documentation_with_credit(client, demo):
    content = client.get("/veranstaltungen/fachkongress-2016/").content.decode()

    assert "Dokumentation" in content
    assert "Foto: Jörg Farys/www.dieprojektoren.de" in content


def test_a_session_material_links_back_to_its_session(client, demo):
    material = MaterialPage.objects.get(title="Patenschaften im ländlichen Raum")

    page = soup(client.get(material.url))

    links = page.select("#sessions-title + ul a")
    assert [text_of(link) for link in links] == ["Patenschaften im ländlichen Raum"]
    assert links[0]["href"].startswith("/veranstaltungen/fachkongress-2016/#sitzung-")


def test_sessions_of_a_private_congress_are_not_shown_on_the_material(client, demo):
    congress = CongressPage.objects.get(title="Fachkongress 2016")
    PageViewRestriction.objects.create(page=congress, restriction_type="login")
    material = MaterialPage.objects.get(title="Patenschaften im ländlichen Raum")

    page = soup(client.get(material.url))

    assert page.select_one("#sessions-title") is None
