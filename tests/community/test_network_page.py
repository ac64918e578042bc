"""»Netzwerk«, the member area's landing page: the editors' text, then what each visitor can
do next: sign up or log in, complete the profile while waiting, or go into the network."""

import pytest
from django.urls import reverse

from community.models import NetworkPage
from home.demo import paragraphs
from home.models import HomePage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def network_page(home_page):
    page = NetworkPage(
        title="Netzwerk",
        slug="netzwerk",
        intro="Das soziale Netzwerk der ProgrammträgerInnen.",
        body=[paragraphs("Ein Raum für den fachlichen Austausch und die Vernetzung.")],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def actions_on(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    return html, {link["href"] for link in html.select(".network-cta a")}


def test_page_shows_the_editors_intro_and_body(client, network_page):
    html, _links = actions_on(client, network_page)

    assert text_of(html.select_one("h1")) == "Netzwerk"
    assert "Das soziale Netzwerk der ProgrammträgerInnen." in text_of(html.select_one(".lead"))
    assert "fachlichen Austausch und die Vernetzung" in text_of(html.select_one("main"))


def test_visitor_is_invited_to_sign_up_or_log_in(client, network_page):
    _html, links = actions_on(client, network_page)

    assert links == {reverse("account_signup"), reverse("account_login")}


def test_pending_account_is_led_to_complete_the_profile(client, network_page, pending):
    client.force_login(pending)

    _html, links = actions_on(client, network_page)

    assert links == {reverse("community:profile_edit"), reverse("community:dashboard")}


def test_member_is_led_into_the_network(client, network_page, member):
    client.force_login(member)

    _html, links = actions_on(client, network_page)

    assert links == {
        reverse("community:dashboard"),
        reverse("community:directory"),
        reverse("community:organisations"),
    }


def test_member_area_lives_below_the_network_page(network_page):
    assert reverse("community:dashboard").startswith(network_page.url)


def test_only_one_network_page_can_be_created_and_only_below_the_start_page(
    network_page, home_page
):
    assert not NetworkPage.can_create_at(home_page)  # there is one already
    network_page.delete()
    assert NetworkPage.can_create_at(home_page)
    assert NetworkPage.allowed_parent_page_models() == [HomePage]
    assert NetworkPage.allowed_subpage_models() == []
