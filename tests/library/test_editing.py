"""Editors (group Redaktion) manage the knowledge database in the German admin: materials
as pages below the library, topics, material types and organisations as snippets."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage, Organisation
from library.models import LibraryDocument, LibraryIndexPage, MaterialPage, Topic
from tests.factories import (
    ContentPageFactory,
    LibraryDocumentFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, home_page):
    client.force_login(UserFactory(groups=["Redaktion"]))
    return client


def add_material_url(library):
    return reverse("wagtailadmin_pages:add", args=["library", "materialpage", library.pk])


def material_form(**fields):
    topic = TopicFactory(name="Wohnen")
    data = {
        "title": "Wohnungssuche gemeinsam meistern",
        "slug": "wohnungssuche-gemeinsam-meistern",
        "intro": "Wie Wohnpatenschaften Familien begleiten.",
        "material_type": MaterialTypeFactory(name="Praxisbeispiel").pk,
        "year": "2017",
        "language": "de",
        "licence": "cc-by-4.0",
        "access_level": "public",
        "documents": inline_formset([]),
        "links": inline_formset([]),
        "related_materials": inline_formset([]),
        "body": streamfield([]),
        "action-publish": "action-publish",
    }
    topics = fields.pop("topics", [topic.pk])
    data.update(fields)
    return {**nested_form_data(data), "topics": topics}


def test_material_form_is_in_german_with_help_for_editors(editor_client, library):
    html = editor_client.get(add_material_url(library)).content.decode()

    for label in ("Zusammenfassung", "Materialart", "Themen", "Zielgruppe", "Zugang", "Lizenz"):
        assert label in html
    assert "nur für Mitglieder: die Dateien erfordern eine Mitglieder-Anmeldung" in html
    assert "Zwei oder drei Sätze: erscheinen in der Liste und oben auf der Seite." in html


def test_editor_publishes_a_members_only_material_with_a_file(editor_client, library):
    document = LibraryDocumentFactory(title="Wohnungsmappe")
    data = material_form(
        slug="wohnungssuche-für-familien",
        access_level="members",
        documents=inline_formset([{"document": document.pk, "label": "Die Mappe"}]),
    )

    response = editor_client.post(add_material_url(library), data)

    assert response.status_code == 302
    material = MaterialPage.objects.get()
    assert material.live
    assert material.slug == "wohnungssuche-fuer-familien"
    assert [topic.name for topic in material.topics.all()] == ["Wohnen"]
    assert [file.label for file in material.documents.all()] == ["Die Mappe"]
    document.refresh_from_db()
    assert document.collection.name == "Wissensdatenbank: nur für Mitglieder"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"intro": " "}, "Bitte schreiben Sie eine kurze Zusammenfassung des Materials."),
        ({"year": "1890"}, "größer oder gleich 1990"),
        ({"topics": []}, "Dieses Feld muss ausgefüllt werden."),
        ({"material_type": ""}, "Dieses Feld muss ausgefüllt werden."),
    ],
    ids=["summary", "year", "topics", "type"],
)
def test_a_material_with_missing_or_wrong_data_is_refused_in_german(
    editor_client, library, fields, message
):
    response = editor_client.post(add_material_url(library), material_form(**fields))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Wohnungssuche gemeinsam meistern" in html  # what the editor typed is kept
    assert not MaterialPage.objects.exists()


def test_editor_adds_a_topic_whose_slug_is_spelled_without_umlauts(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_library_topic:add"), {"name": "Öffentlichkeitsarbeit", "slug": ""}
    )

    assert response.status_code == 302
    assert Topic.objects.get(name="Öffentlichkeitsarbeit").slug == "oeffentlichkeitsarbeit"


def test_a_second_topic_of_the_same_name_is_refused_in_german(editor_client):
    TopicFactory(name="Wohnen")

    response = editor_client.post(
        reverse("wagtailsnippets_library_topic:add"), {"name": "Wohnen", "slug": ""}
    )

    assert response.status_code == 200
    assert "Thema mit diesem Wert für das Feld Name existiert bereits." in response.content.decode()


def test_editor_adds_an_organisation(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_home_organisation:add"),
        {
            "name": "Lotsenprojekt Nordfriesland",
            "short_name": "LNF",
            "slug": "",
            "website": "https://example.org/",
            "state": "SH",
            "city": "Husum",
            "programme_since": "2017",
            "description": "Lotsinnen und Lotsen begleiten Geflüchtete.",
        },
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.slug == "lotsenprojekt-nordfriesland"
    assert organisation.get_state_display() == "Schleswig-Holstein"


def test_organisation_joining_before_the_programme_is_refused(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_home_organisation:add"),
        {"name": "Zu früh e. V.", "slug": "", "programme_since": "2015"},
    )

    assert response.status_code == 200
    assert "größer oder gleich 2016" in response.content.decode()


def test_knowledge_database_menu_groups_topics_and_types(editor_client):
    html = editor_client.get("/admin/").content.decode()

    assert "Wissensdatenbank" in html
    assert reverse("wagtailsnippets_library_topic:list") in html
    assert reverse("wagtailsnippets_library_materialtype:list") in html
    assert reverse("wagtailsnippets_home_organisation:list") in html


def test_uploaded_documents_have_their_text_read(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("protokoll.txt", b"Protokoll zur Wohnsitzauflage")

    response = editor_client.post(
        reverse("wagtaildocs:add"), {"title": "Protokoll", "file": upload, "collection": "1"}
    )

    assert response.status_code == 302
    document = LibraryDocument.objects.get(title="Protokoll")
    assert (document.text_status, document.text) == ("ok", "Protokoll zur Wohnsitzauflage")


# --- Where the library's page types may be created -----------------------------------------


def test_library_is_created_only_below_the_start_page_and_only_once(home_page):
    content = ContentPageFactory(parent=home_page)

    assert LibraryIndexPage.can_create_at(home_page)
    assert not LibraryIndexPage.can_create_at(content)
    LibraryIndexPageFactory(parent=home_page)
    assert not LibraryIndexPage.can_create_at(home_page)


def test_materials_are_created_only_in_the_library_and_have_no_children(library, home_page):
    material = MaterialPageFactory(parent=library)

    assert MaterialPage.can_create_at(library)
    assert not MaterialPage.can_create_at(home_page)
    assert MaterialPage.allowed_subpage_models() == []
    assert LibraryIndexPage.allowed_subpage_models() == [MaterialPage]
    assert isinstance(Page.objects.get(pk=material.get_parent().get_parent().pk).specific, HomePage)
