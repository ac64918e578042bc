"""The member directory: who is listed, searching by name and free text, the filters by
federal state, topic, organisation and language as plain GET links, pages of 20, and
cards that never show what members keep to themselves."""

import pytest
from django.urls import reverse

from community.models import MemberStatus, SpokenLanguage
from search.models import SynonymGroup
from tests.factories import MemberProfileFactory, OrganisationFactory, TopicFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

URL = reverse("community:directory")


def listed_names(client, params=None):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [text_of(name) for name in soup(response).select(".member-card__name")]


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return member


@pytest.fixture
def people(member, other_member):
    """Mira (Caritas Berlin, BE) and Otto (HH) from the fixtures, and Lena in Saxony who
    speaks Arabic and knows about guardianship."""
    lena = MemberProfileFactory(
        display_name="Lena Lotsin",
        role="Lotsin",
        organisation=OrganisationFactory(name="Patenschaftsnetz Leipzig e. V."),
        state="SN",
        city="Leipzig",
        bio="Ich berate zu Vormundschaften.",
        offers="Schulungen für Ehrenamtliche",
        seeks="Dolmetscherinnen für Dari",
        contact_email="lena.geheim@example.org",
        contact_visibility="nobody",
    )
    lena.topics.set([TopicFactory(name="Recht und Aufenthalt", slug="recht")])
    lena.languages.set(SpokenLanguage.objects.filter(code="ar"))
    return lena


def test_directory_lists_approved_active_members_by_name(client, logged_in, people):
    MemberProfileFactory(display_name="Wartende Person", status=MemberStatus.PENDING)
    MemberProfileFactory(display_name="Abgelehnte Person", status=MemberStatus.REJECTED)
    MemberProfileFactory(display_name="Gesperrte Person", status=MemberStatus.SUSPENDED)

    assert listed_names(client) == ["Lena Lotsin", "Mira Mitglied", "Otto Anders"]


def test_card_shows_role_organisation_place_and_topics_and_links_the_profile(
    client, logged_in, people
):
    page = soup(client.get(URL, {"q": "Lena"}))

    card = page.select_one(".member-card")
    assert card.select_one("a")["href"] == reverse("community:profile", args=[people.pk])
    assert text_of(card.select_one(".member-card__role")) == "Lotsin"
    assert "Patenschaftsnetz Leipzig e. V." in text_of(card)
    assert "Leipzig, " in text_of(card)
    assert "Recht und Aufenthalt" in text_of(card)
    assert text_of(card.select_one(".avatar--initials")) == "LL"


@pytest.mark.parametrize(
    "words",
    ["Lena", "lotsin", "Vormundschaften", "Schulungen", "Dari", "Leipzig e. V."],
)
def test_search_finds_members_by_name_and_what_they_wrote(client, logged_in, people, words):
    assert listed_names(client, {"q": words}) == ["Lena Lotsin"]


@pytest.fixture
def german_profiles(db):
    """Members who each write a word in one form only, and the editors' synonym group."""
    SynonymGroup.objects.all().delete()
    SynonymGroup.objects.create(terms="Patenschaft, Mentoring, Tandem, Lotsen")
    MemberProfileFactory(display_name="Paul Weber", bio="Meine Patenschaft läuft seit 2019.")
    MemberProfileFactory(display_name="Tina Berger", bio="Ich begleite ein Tandem in Köln.")
    MemberProfileFactory(display_name="Fiona Graf", offers="Beratung zur Förderung")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Patenschaften", ["Paul Weber", "Tina Berger"]),
        ("Mentoring", ["Paul Weber", "Tina Berger"]),
        ("Foerderung", ["Fiona Graf"]),
    ],
    ids=["other-form", "synonym", "umlaut-spelling"],
)
def test_search_understands_german_as_the_site_search_does(
    client, logged_in, german_profiles, words, expected
):
    assert listed_names(client, {"q": words}) == expected


def test_search_finds_what_a_member_just_saved_in_their_profile_form_topics_included(
    client, logged_in
):
    topic = TopicFactory(name="Traumapädagogik")
    profile = {
        "display_name": "Mira Mitglied",
        "bio": "Ich koordiniere Lernpatenschaften.",
        "contact_visibility": "members",
        "topics": [topic.pk],
    }
    response = client.post(reverse("community:profile_edit"), profile)
    assert response.status_code == 302

    assert listed_names(client, {"q": "Lernpatenschaften"}) == ["Mira Mitglied"]
    assert listed_names(client, {"q": "Traumapädagogik"}) == ["Mira Mitglied"]


def test_cards_and_search_never_reveal_hidden_contact_details(client, logged_in, people):
    assert "lena.geheim@example.org" not in client.get(URL).content.decode()
    assert listed_names(client, {"q": "lena.geheim@example.org"}) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "SN"}, ["Lena Lotsin"]),
        ({"state": "BE"}, ["Mira Mitglied"]),
        ({"topic": "recht"}, ["Lena Lotsin"]),
        ({"organisation": "caritas-berlin"}, ["Mira Mitglied"]),
        ({"language": "ar"}, ["Lena Lotsin"]),
        ({"language": "ar", "state": "BE"}, []),
    ],
)
def test_filters_narrow_the_list(client, logged_in, people, params, expected):
    assert listed_names(client, params) == expected


def test_unknown_filter_values_are_ignored(client, logged_in, people):
    names = listed_names(client, {"state": "XX", "topic": "gibt-es-nicht", "language": "zz"})

    assert names == ["Lena Lotsin", "Mira Mitglied", "Otto Anders"]


def test_each_active_filter_has_a_link_that_removes_just_that_one(client, logged_in, people):
    page = soup(client.get(URL, {"q": "Vormundschaften", "state": "SN", "topic": "", "page": "1"}))

    links = {a["href"]: text_of(a) for a in page.select(".active-filters a")}
    assert set(links) == {"?state=SN", "?q=Vormundschaften", URL}
    assert "»Vormundschaften«" in links["?state=SN"]
    assert "Sachsen" in links["?q=Vormundschaften"]
    assert page.select_one('select[name="state"] option[selected]')["value"] == "SN"
    assert page.select_one('main input[name="q"]')["value"] == "Vormundschaften"


def test_empty_result_says_so_and_offers_the_whole_list(client, logged_in, people):
    page = soup(client.get(URL, {"q": "Astronautin"}))

    assert page.select(".member-card") == []
    empty = page.select_one(".empty-state")
    assert empty.select_one(f'a[href="{URL}"]') is not None
    assert text_of(page.select_one("#results-title")).startswith("0 ")


def test_directory_shows_20_members_a_page_and_keeps_the_search_in_the_page_links(
    client, logged_in, organisation
):
    MemberProfileFactory.create_batch(44, display_name="Patin", organisation=organisation)

    first = soup(client.get(URL, {"organisation": organisation.slug}))
    third = soup(client.get(URL, {"organisation": organisation.slug, "page": "3"}))

    assert text_of(first.select_one("#results-title")).startswith("45 ")
    assert len(first.select(".member-card")) == 20
    assert len(third.select(".member-card")) == 5
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert f"organisation={organisation.slug}" in next_link and "page=2" in next_link


@pytest.mark.parametrize("role", ["pending", "editor"])
def test_accounts_without_member_access_get_the_members_only_page(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(URL).status_code == 403


def test_visitor_is_sent_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
