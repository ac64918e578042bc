"""The demo loader fills the knowledge database: about thirty materials across every topic,
type and several organisations, with real files whose text the search finds."""

import pytest
from django.core.management import call_command

from library.models import LibraryDocument, MaterialPage, MaterialType, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_content, db):
    """The demo content, loaded once for the module (tests/conftest.py)."""
    return demo_content


def test_demo_has_about_thirty_materials_across_all_topics_types_and_organisations(demo):
    materials = MaterialPage.objects.live()

    assert materials.count() >= 30
    assert set(Topic.objects.filter(materials__isnull=False)) == set(Topic.objects.all())
    assert set(MaterialType.objects.filter(materials__isnull=False)) == set(
        MaterialType.objects.all()
    )
    assert materials.values("organisation").distinct().count() >= 5
    assert 0 < materials.filter(access_level="members").count() < materials.count()


def test_demo_files_are_real_pdf_and_word_files_with_their_text_read(demo):
    documents = LibraryDocument.objects.all()

    assert {document.file_extension for document in documents} == {"pdf", "docx"}
    assert all(document.text_status == "ok" for document in documents)
    members_files = documents.filter(collection__name="Wissensdatenbank: nur für Mitglieder")
    assert members_files.exists()


def test_demo_library_finds_words_inside_files(demo, client):
    html = client.get("/wissensdatenbank/?q=Mietschuldenfreiheitsbescheinigung").content.decode()

    assert "1 Material" in html
    assert "Wohnungssuche gemeinsam meistern" in html


def test_second_run_leaves_the_materials_and_their_files_alone(demo, capsys):
    documents = set(LibraryDocument.objects.values_list("pk", "file_hash"))

    call_command("load_demo_content")

    assert "skipped (exists): material MSM-001" in capsys.readouterr().out
    assert set(LibraryDocument.objects.values_list("pk", "file_hash")) == documents
