"""A material's page: its metadata, each file with type, size and licence, related materials
and the other materials of its organisation; members-only files are announced in German."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from library.models import MaterialLink, RelatedMaterial
from tests.factories import (
    LibraryDocumentFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

MEMBERS_NOTE = "Die Dateien dieses Materials stehen nur Mitgliedern des Netzwerks zur Verfügung."


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Patenschaftsnetz Leipzig e. V.", short_name="PNL")


@pytest.fixture
def material(library, organisation):
    guide = LibraryDocumentFactory(title="Leitfaden")
    material = MaterialPageFactory(
        parent=library,
        title="Leitfaden: Patenschaften aufbauen",
        intro="Schritt für Schritt zum Patenschaftsprogramm.",
        material_type=MaterialTypeFactory(name="Leitfaden"),
        topics=[TopicFactory(name="Patenschaften aufbauen und begleiten"), TopicFactory()],
        organisation=organisation,
        year=2017,
        target_group="Koordinierende",
        licence="cc-by-sa-4.0",
        accessible_files=True,
        files=[guide],
    )
    material.documents.update(label="Leitfaden als PDF")
    MaterialLink.objects.create(page=material, label="Website des BBE", url="https://www.b-b-e.de/")
    return material


def facts_of(page):
    terms = [text_of(term) for term in page.select(".facts__list dt")]
    return dict(
        zip(terms, [text_of(value) for value in page.select(".facts__list dd")], strict=True)
    )


def test_material_page_shows_its_metadata(client, material):
    page = soup(client.get(material.url))

    assert text_of(page.h1) == "Leitfaden: Patenschaften aufbauen"
    assert text_of(page.select_one(".lead")) == "Schritt für Schritt zum Patenschaftsprogramm."
    facts = facts_of(page)
    assert facts["Themen"].startswith("Patenschaften aufbauen und begleiten")
    assert facts["Materialart"] == "Leitfaden"
    assert facts["Herausgegeben von"] == "Patenschaftsnetz Leipzig e. V. (PNL)"
    assert facts["Jahr"] == "2017"
    assert facts["Zielgruppe"] == "Koordinierende"
    assert facts["Sprache"] == "Deutsch"
    assert facts["Lizenz"] == "CC BY-SA 4.0"
    assert facts["Barrierefreie Dateien"] == "ja"
    assert facts["Zugang"] == "öffentlich"
    licence = page.select_one(".facts__list a[rel=license]")
    assert licence["href"] == "https://creativecommons.org/licenses/by-sa/4.0/deed.de"


def test_topics_link_to_the_library_filtered_by_them(client, material, library):
    link = soup(client.get(material.url)).select_one(".facts__list .tag")

    assert link["href"] == f"{library.url}?topic=patenschaften-aufbauen-und-begleiten"
    assert client.get(link["href"]).status_code == 200


def test_each_file_shows_label_type_size_and_licence_and_downloads_directly(client, material):
    item = soup(client.get(material.url)).select_one(".files__item")
    link = item.select_one("a")

    assert text_of(link) == "Leitfaden als PDF"
    assert text_of(item.select_one(".files__meta")) == "PDF, 2,0 KB · Lizenz: CC BY-SA 4.0"
    assert client.get(link["href"]).status_code == 200


def test_links_are_listed(client, material):
    links = soup(client.get(material.url)).select(".files__list--links a")

    assert [(text_of(a), a["href"]) for a in links] == [
        ("Website des BBE", "https://www.b-b-e.de/")
    ]


def test_visitor_sees_that_the_files_need_a_member_login(client, library):
    material = MaterialPageFactory(
        parent=library, access_level="members", files=[LibraryDocumentFactory()]
    )

    page = soup(client.get(material.url))

    assert MEMBERS_NOTE in text_of(page.select_one(".notice"))
    login = page.select_one(".notice a")
    assert login["href"] == f"/konto/login/?next={material.url}"
    assert "Anmeldung als Mitglied erforderlich" in text_of(page.select_one(".files__meta"))
    assert text_of(page.select_one(".files__item a"))  # the link is still there: it leads to login


@pytest.mark.parametrize("groups", [["Mitglieder"], ["Redaktion"]], ids=["member", "editor"])
def test_members_and_editors_see_no_login_note(client, library, groups):
    material = MaterialPageFactory(parent=library, access_level="members")
    client.force_login(UserFactory(groups=groups))

    page = soup(client.get(material.url))

    assert page.select_one(".notice") is None
    assert facts_of(page)["Zugang"] == "nur für Mitglieder"


def test_related_materials_are_shown_but_not_unpublished_or_private_ones(client, material, library):
    shown = MaterialPageFactory(parent=library, title="Vorlage Patenschaftsvereinbarung")
    draft = MaterialPageFactory(parent=library, title="Entwurf", live=False)
    private = MaterialPageFactory(parent=library, title="Intern")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    for other in (shown, draft, private):
        RelatedMaterial.objects.create(page=material, material=other)

    page = soup(client.get(material.url))

    titles = [text_of(a) for a in page.select(".related .material-teaser__title a")]
    assert titles == ["Vorlage Patenschaftsvereinbarung"]


def test_other_materials_of_the_organisation_are_listed_newest_first(
    client, material, library, organisation
):
    MaterialPageFactory(parent=library, organisation=organisation, title="Älter", year=2016)
    MaterialPageFactory(parent=library, organisation=organisation, title="Neuer", year=2018)
    MaterialPageFactory(parent=library, title="Von anderen")

    page = soup(client.get(material.url))

    box = page.select_one("[aria-labelledby=organisation-title]")
    assert text_of(box.h2) == "Mehr von PNL"
    assert [text_of(a) for a in box.select("a")] == ["Neuer", "Älter"]


def test_breadcrumbs_lead_back_to_the_library(client, material, library):
    crumbs = soup(client.get(material.url)).select(".breadcrumbs a")

    assert [(text_of(a), a["href"]) for a in crumbs] == [
        ("Startseite", "/"),
        ("Wissensdatenbank", library.url),
    ]


def test_unknown_or_unpublished_material_is_not_found(client, library):
    draft = MaterialPageFactory(parent=library, live=False)

    assert client.get(f"{library.url}gibt-es-nicht/").status_code == 404
    assert client.get(draft.url or f"{library.url}{draft.slug}/").status_code == 404
