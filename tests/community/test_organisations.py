"""The programme's organisations: the public list with its federal-state filter, and an
organisation's page with its public materials, and for members its people."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import (
    LibraryIndexPageFactory,
    MaterialPageFactory,
    MemberProfileFactory,
    OrganisationFactory,
    SiteImageFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

LIST = reverse("community:organisations")


def detail_url(organisation):
    return reverse("community:organisation", args=[organisation.slug])


@pytest.fixture
def organisations(organisation):
    """Caritas Berlin (BE) from the fixtures and two more."""
    return [
        organisation,
        OrganisationFactory(
            name="Patenschaftsnetz Leipzig e. V.",
            short_name="PNL",
            state="SN",
            city="Leipzig",
            programme_since=2016,
        ),
        OrganisationFactory(name="Stiftung Ankommen Hamburg", state="HH", city="Hamburg"),
    ]


def names(response):
    assert response.status_code == 200
    return [text_of(a) for a in soup(response).select(".organisation-teaser__name a")]


def test_visitors_see_all_organisations_with_place_and_year(client, home_page, organisations):
    response = client.get(LIST)

    assert names(response) == [
        "Caritas Berlin",
        "Patenschaftsnetz Leipzig e. V.",
        "Stiftung Ankommen Hamburg",
    ]
    leipzig = soup(response).select(".organisation-teaser")[1]
    assert "(PNL)" in text_of(leipzig)
    assert "Leipzig, Sachsen" in text_of(leipzig)
    assert "2016" in text_of(leipzig)
    assert leipzig.select_one("a")["href"] == detail_url(organisations[1])


def test_list_filters_by_federal_state_with_a_link_back_to_all(client, home_page, organisations):
    response = client.get(LIST, {"state": "SN"})

    assert names(response) == ["Patenschaftsnetz Leipzig e. V."]
    page = soup(response)
    assert page.select_one('select[name="state"] option[selected]')["value"] == "SN"
    assert page.select_one(".active-filters a")["href"] == LIST


def test_unknown_federal_state_shows_all_organisations(client, home_page, organisations):
    assert len(names(client.get(LIST, {"state": "XX"}))) == 3


def test_federal_state_without_organisations_says_so(client, home_page, organisations):
    page = soup(client.get(LIST, {"state": "SL"}))

    assert page.select(".organisation-teaser") == []
    assert page.select_one(f'.empty-state a[href="{LIST}"]') is not None


def test_organisation_page_shows_the_public_part_to_visitors(client, home_page, organisations):
    leipzig = organisations[1]
    leipzig.description = "Wir vermitteln Patenschaften in Leipzig."
    leipzig.website = "https://pnl.example/"
    leipzig.logo = SiteImageFactory(description="Logo des Patenschaftsnetzes Leipzig")
    leipzig.save()

    page = soup(client.get(detail_url(leipzig)))

    assert text_of(page.h1) == "Patenschaftsnetz Leipzig e. V. (PNL)"
    main = text_of(page.main)
    for shown in ["Wir vermitteln Patenschaften in Leipzig.", "Leipzig, Sachsen", "2016"]:
        assert shown in main
    assert page.select_one('a[href="https://pnl.example/"]') is not None
    logo = page.select_one("img.organisation__logo")
    assert logo["alt"] == "Logo des Patenschaftsnetzes Leipzig"
    assert logo["src"].startswith("/media/images/")


def test_organisation_page_lists_only_its_published_public_materials(
    client, home_page, organisations
):
    caritas, leipzig, _hamburg = organisations
    library = LibraryIndexPageFactory(parent=home_page)
    MaterialPageFactory(parent=library, title="Leitfaden Patenschaft", organisation=leipzig)
    MaterialPageFactory(
        parent=library, title="Vereinbarung", organisation=leipzig, access_level="members"
    )
    MaterialPageFactory(parent=library, title="Entwurf", organisation=leipzig, live=False)
    hidden = MaterialPageFactory(parent=library, title="Intern", organisation=leipzig)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    MaterialPageFactory(parent=library, title="Von der Caritas", organisation=caritas)

    page = soup(client.get(detail_url(leipzig)))

    titles = [text_of(title) for title in page.select(".material-teaser__title")]
    assert sorted(titles) == ["Leitfaden Patenschaft", "Vereinbarung"]


def test_organisation_with_many_materials_links_to_all_of_them_in_the_library(
    client, home_page, organisations
):
    leipzig = organisations[1]
    library = LibraryIndexPageFactory(parent=home_page)
    MaterialPageFactory.create_batch(12, parent=library, organisation=leipzig)

    page = soup(client.get(detail_url(leipzig)))

    assert len(page.select(".material-teaser")) == 10
    link = page.select_one(".organisation__all a")
    assert link["href"] == f"{library.url}?organisation={leipzig.slug}"
    assert "12" in text_of(link)


def test_members_see_the_organisations_approved_members(client, member, organisation):
    MemberProfileFactory(
        display_name="Wartende Person", organisation=organisation, status="pending"
    )
    MemberProfileFactory(display_name="Andere Person")  # another organisation
    client.force_login(member)

    page = soup(client.get(detail_url(organisation)))

    people = page.select(".organisation__members .organisation__person")
    assert [text_of(person.select_one("a")) for person in people] == ["Mira Mitglied"]
    assert people[0].select_one("a")["href"] == reverse(
        "community:profile", args=[member.member_profile.pk]
    )


@pytest.mark.parametrize("role", [None, "pending", "editor"])
def test_others_do_not_see_the_organisations_members(client, request, member, organisation, role):
    if role:
        client.force_login(request.getfixturevalue(role))

    page = soup(client.get(detail_url(organisation)))

    assert page.select_one(".organisation__members") is None
    assert "Mira Mitglied" not in text_of(page.main)


def test_unknown_organisation_is_not_found(client, home_page):
    assert client.get(reverse("community:organisation", args=["gibt-es-nicht"])).status_code == 404
