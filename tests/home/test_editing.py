"""Editors of the group Redaktion build pages and upload images in the German admin."""

import io

import pytest
from django.urls import reverse
from PIL import Image
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage, SiteImage
from tests.factories import UserFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, home_page):
    client.force_login(UserFactory(groups=["Redaktion"]))
    return client


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=["home", model, parent.pk])


def test_editor_sees_the_page_form_in_german(editor_client, home_page):
    response = editor_client.get(add_url("contentpage", home_page))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Einleitung" in html  # the lead field
    assert "Ein oder zwei Sätze, die in großer Schrift unter dem Titel erscheinen." in html
    assert "Überschrift" in html and "Kontaktkarte" in html  # body blocks


def test_editor_creates_and_publishes_a_content_page(editor_client, home_page):
    data = nested_form_data(
        {
            "title": "Über uns",
            "slug": "über-uns",
            "intro": "Wer wir sind.",
            "body": streamfield(
                [
                    ("heading", {"text": "Unser Team", "level": "h2"}),
                    ("paragraph", rich_text("<p>Das BBE-Projektteam begleitet die Träger.</p>")),
                ]
            ),
            "action-publish": "action-publish",
        }
    )

    response = editor_client.post(add_url("contentpage", home_page), data)

    assert response.status_code == 302
    page = ContentPage.objects.get(title="Über uns")
    assert page.live
    assert page.slug == "ueber-uns"
    html = editor_client.get("/ueber-uns/").content.decode()
    assert "Unser Team" in html
    assert "Das BBE-Projektteam begleitet die Träger." in html


def test_page_with_a_taken_address_is_refused_in_german_and_nothing_is_lost(
    editor_client, home_page
):
    data = {"title": "Kontakt", "slug": "kontakt", "intro": "Erste Seite", "body-count": "0"}
    editor_client.post(add_url("contentpage", home_page), {**data, "action-publish": "1"})

    response = editor_client.post(
        add_url("contentpage", home_page),
        {**data, "intro": "Zweite Seite mit viel Text", "action-publish": "1"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Der Kurztitel &#x27;kontakt&#x27; wird innerhalb der übergeordneten Seite" in html
    assert "Zweite Seite mit viel Text" in html  # the editor's input is still in the form
    assert ContentPage.objects.filter(slug="kontakt").count() == 1


def image_upload(**fields):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "foto.png"
    return {"title": "Plenum", "file": buffer, "collection": "1", **fields}


def test_image_upload_without_alt_text_and_credit_is_refused_in_german(editor_client):
    response = editor_client.post(reverse("wagtailimages:add"), image_upload())

    assert response.status_code == 200
    assert response.content.decode().count("Dieses Feld muss ausgefüllt werden.") == 2
    assert not SiteImage.objects.exists()


def test_image_upload_with_alt_text_and_credit_is_saved(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        image_upload(description="Menschen im Plenum", credit="Foto: BBE"),
    )

    assert response.status_code == 302
    image = SiteImage.objects.get()
    assert (image.description, image.credit) == ("Menschen im Plenum", "Foto: BBE")


def test_admin_login_labels_its_fields_in_german(client, db):
    html = soup(client.get("/admin/login/"))

    labels = [text_of(label) for label in html.select("form label")]
    assert "Benutzername" in labels[0]
    assert "Passwort" in labels[1]
