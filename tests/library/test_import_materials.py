"""`manage.py import_materials FILE.csv --files DIR` creates and updates the materials of the
knowledge database from a spreadsheet, rejects bad rows with their number and a German
reason, and changes nothing on a second run. Most tests start from the example for the
editors in library/fixtures/."""

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from home.models import Organisation
from library.demo import make_pdf
from library.importer import COLUMNS
from library.models import (
    LibraryDocument,
    MaterialPage,
    MaterialType,
    Topic,
    library_collection,
)
from tests.factories import (
    MaterialTypeFactory,
    OrganisationFactory,
    TopicFactory,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "library" / "fixtures"
EXAMPLE_KEYS = ["MSM-LF-001", "MSM-AH-002", "MSM-DO-003", "MSM-PB-004", "MSM-ST-005"]


@pytest.fixture
def folder(tmp_path):
    """A copy of the example's files that a test may change; the CSV goes next to it."""
    files = tmp_path / "dateien"
    shutil.copytree(EXAMPLE / "dateien", files)
    return files


# --- Helpers ----------------------------------------------------------------------------------


class TerminalOutput(io.StringIO):
    """Captured output that claims to be a terminal, as `manage.py` run by hand sees it."""

    def isatty(self):
        return True


def import_materials(csv_path, files=EXAMPLE / "dateien", stdout=None):
    """Run the command; its report."""
    stdout = stdout or io.StringIO()
    call_command("import_materials", str(csv_path), "--files", str(files), stdout=stdout)
    return stdout.getvalue()


def import_with_rejections(csv_path, files=EXAMPLE / "dateien"):
    """Run the command, which must end with an error; its report and the error."""
    stdout = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_materials", str(csv_path), "--files", str(files), stdout=stdout)
    return stdout.getvalue(), str(error.value)


def import_example():
    return import_materials(EXAMPLE / "beispiel-import.csv")


def example_rows():
    """The rows of the example CSV as dicts, to change and write again."""
    text = (EXAMPLE / "beispiel-import.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def write_csv(path, rows, encoding="utf-8-sig", delimiter=";", columns=COLUMNS):
    """A spreadsheet with `columns` as its header; missing cells stay empty."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n", restval=""
    )
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def good_row(key, **cells):
    """A row with just the cells every row needs, and `cells`."""
    return {
        "id": key,
        "titel": f"Material {key}",
        "zusammenfassung": "Eine kurze Zusammenfassung des Materials.",
        "materialart": "Leitfaden",
        "themen": "Wohnen",
        "jahr": "2020",
        **cells,
    }


def changed_example(path, key, **cells):
    """The example CSV with `cells` of row `key` changed, written to `path`."""
    rows = example_rows()
    for row in rows:
        if row["id"] == key:
            row.update(cells)
    return write_csv(path, rows)


def material(key):
    return MaterialPage.objects.get(source_id=key)


def files_of(key):
    """The material's files in order: (label, document)."""
    return [(file.label, file.document) for file in material(key).documents.all()]


def rejection(number, reason):
    return f"Zeile {number}: {reason}"


def pages():
    return MaterialPage.objects.all()


def imported_keys():
    return sorted(pages().values_list("source_id", flat=True))


def import_one_bad_row(tmp_path):
    """Import a good row and a row with a bad year; the report and the error."""
    rows = [good_row("GUT-1"), good_row("SCHLECHT", jahr="20x")]
    return import_with_rejections(write_csv(tmp_path / "import.csv", rows))


# --- Importing the example --------------------------------------------------------------------


def test_example_import_creates_every_material_with_its_fields(library):
    report = import_example()

    assert f"neu angelegt: 5 ({', '.join(EXAMPLE_KEYS)})" in report
    fields = {
        page.source_id: (
            page.title,
            page.material_type.name,
            sorted(topic.name for topic in page.topics.all()),
            page.organisation.name,
            page.year,
            page.language,
            page.licence,
            page.access_level,
            page.accessible_files,
        )
        for page in pages()
    }
    assert fields == {
        "MSM-LF-001": (
            "Patenschaften aufbauen: Ein Leitfaden für Koordinierende",
            "Leitfaden",
            [
                "Gewinnung und Qualifizierung von Ehrenamtlichen",
                "Patenschaften aufbauen und begleiten",
            ],
            "Bundesnetzwerk Bürgerschaftliches Engagement",
            2017,
            "de",
            "cc-by-4.0",
            "public",
            True,
        ),
        "MSM-AH-002": (
            "Checkliste für das Erstgespräch",
            "Arbeitshilfe/Vorlage",
            ["Patenschaften aufbauen und begleiten"],
            "Patenschaftsnetz Leipzig e. V.",
            2018,
            "de-easy",
            "cc0-1.0",
            "public",
            True,
        ),
        "MSM-DO-003": (
            "Protokoll des Trägertreffens 2017",
            "Dokumentation",
            ["Evaluation und Wirkung", "Finanzierung und Förderung"],
            "Bundesnetzwerk Bürgerschaftliches Engagement",
            2017,
            "de",
            "all-rights-reserved",
            "members",
            False,
        ),
        "MSM-PB-004": (
            "Wohnpatenschaften in Hamburg",
            "Praxisbeispiel",
            ["Patenschaften aufbauen und begleiten", "Wohnen"],
            "Stiftung Ankommen Hamburg",
            2019,
            "de",
            "cc-by-sa-4.0",
            "public",
            False,
        ),
        "MSM-ST-005": (
            "Was Mentoring bewirkt: Evaluation 2016–2018",
            "Studie/Evaluation",
            ["Arbeit und Ausbildung", "Evaluation und Wirkung"],
            "Mentoring für Geflüchtete Rhein-Main e. V.",
            2019,
            "de",
            "cc-by-nc-4.0",
            "public",
            True,
        ),
    }


def test_imported_materials_are_published_below_the_library_with_summary_and_target_group(
    library,
):
    import_example()

    guide = material("MSM-LF-001")
    assert guide.live
    assert guide.get_parent().pk == library.pk
    assert guide.slug == "patenschaften-aufbauen-ein-leitfaden-fuer-koordinierende"
    assert guide.intro.startswith("Von der Gewinnung Ehrenamtlicher über das Matching")
    assert guide.target_group == "Koordinierende von Patenschaftsprojekten"
    assert MaterialPage.objects.child_of(library).count() == 5


def test_example_import_attaches_the_files_with_their_labels_and_reads_their_text(library):
    import_example()

    [(pdf_label, pdf), (docx_label, docx)] = files_of("MSM-LF-001")
    assert (pdf_label, pdf.file_extension) == ("Leitfaden (PDF)", "pdf")
    assert (docx_label, docx.file_extension) == ("Vorlage Patenschaftsvereinbarung (Word)", "docx")
    assert "Kirchengemeinden" in pdf.text
    assert "Patenschaftsvereinbarung geschlossen" in docx.text
    [(_label, checklist)] = files_of("MSM-AH-002")
    assert "Erwartungen klären" in checklist.text
    assert {document.text_status for document in LibraryDocument.objects.all()} == {"ok"}


def test_members_only_files_go_to_the_restricted_collection_and_send_visitors_to_login(
    client, library
):
    import_example()

    [(_label, protocol)] = files_of("MSM-DO-003")
    [(_label, checklist)] = files_of("MSM-AH-002")
    assert protocol.collection == library_collection(members_only=True)
    assert checklist.collection == library_collection(members_only=False)
    response = client.get(protocol.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")
    assert client.get(checklist.url).status_code == 200


def test_example_import_adds_links_and_related_materials_in_their_order(library):
    import_example()

    links = [(link.label, link.url) for link in material("MSM-PB-004").links.all()]
    assert links == [
        ("Programm »Menschen stärken Menschen«", "https://www.bmfsfj.de/"),
        ("Bundesnetzwerk Bürgerschaftliches Engagement", "https://www.b-b-e.de/"),
    ]
    related = [item.material.source_id for item in material("MSM-LF-001").related_materials.all()]
    assert related == ["MSM-AH-002", "MSM-ST-005"]
    assert [item.material.source_id for item in material("MSM-PB-004").related_materials.all()] == [
        "MSM-LF-001"
    ]


# --- Running again ----------------------------------------------------------------------------


def test_second_import_of_the_same_file_changes_nothing(library):
    import_example()
    revisions, documents = Revision.objects.count(), LibraryDocument.objects.count()

    report = import_example()

    assert f"unverändert: 5 ({', '.join(EXAMPLE_KEYS)})" in report
    assert "neu angelegt: 0" in report
    assert "aktualisiert: 0" in report
    assert Revision.objects.count() == revisions
    assert LibraryDocument.objects.count() == documents


def test_changed_summary_updates_only_that_material_and_its_page_shows_the_new_text(
    client, library, tmp_path
):
    import_example()
    new_summary = "Neu: Ein Praxisbeispiel aus Hamburg mit Erfahrungen aus fünf Jahren."

    report = import_materials(
        changed_example(tmp_path / "geaendert.csv", "MSM-PB-004", zusammenfassung=new_summary)
    )

    assert "aktualisiert: 1 (MSM-PB-004)" in report
    assert "unverändert: 4" in report
    assert material("MSM-PB-004").intro == new_summary
    assert new_summary in client.get(material("MSM-PB-004").url).content.decode()


def test_replaced_file_becomes_a_new_document_while_the_unchanged_file_keeps_its_downloads(
    client, library, folder
):
    csv_path = write_csv(folder.parent / "import.csv", example_rows())
    import_materials(csv_path, folder)
    [(_label, old_pdf), (_label, docx)] = files_of("MSM-LF-001")
    client.get(docx.url)
    client.get(docx.url)
    (folder / "leitfaden-patenschaften.pdf").write_bytes(
        make_pdf("Leitfaden, zweite Auflage", ["Neu in dieser Auflage: Tandems digital begleiten."])
    )

    report = import_materials(csv_path, folder)

    assert "aktualisiert: 1 (MSM-LF-001)" in report
    [(_label, new_pdf), (_label, same_docx)] = files_of("MSM-LF-001")
    assert new_pdf.pk != old_pdf.pk
    assert "Tandems digital begleiten" in new_pdf.text
    assert same_docx.pk == docx.pk
    assert same_docx.download_count == 2


def test_changing_access_to_members_moves_the_unchanged_file_into_the_restricted_collection(
    client, library, tmp_path
):
    import_example()
    [(_label, checklist)] = files_of("MSM-AH-002")

    import_materials(changed_example(tmp_path / "geaendert.csv", "MSM-AH-002", zugang="Mitglieder"))

    [(_label, document)] = files_of("MSM-AH-002")
    assert document.pk == checklist.pk
    assert document.collection == library_collection(members_only=True)
    assert client.get(document.url).status_code == 302


# --- Rejected rows ----------------------------------------------------------------------------


def write_odd_files(folder):
    """Files that must not get in: a program and a picture named .pdf."""
    (folder / "programm.exe").write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)
    (folder / "bild.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)


BAD_ROWS = [
    ("empty title", {"titel": ""}, "Die Spalte »titel« ist leer."),
    ("unknown licence", {"lizenz": "CC BY 5.0"}, "Unbekannte Angabe für Lizenz: »CC BY 5.0«."),
    ("year with a letter", {"jahr": "20x"}, "»20x« ist keine Jahreszahl zwischen 1990 und 2100."),
    (
        "year in superscript digits",
        {"jahr": "²⁰¹⁷"},
        "»²⁰¹⁷« ist keine Jahreszahl zwischen 1990 und 2100.",
    ),
    (
        "unknown access",
        {"zugang": "intern"},
        "Unbekannter Zugang »intern«: Bitte »öffentlich« oder »Mitglieder« eintragen.",
    ),
    ("missing file", {"dateien": "fehlt.pdf"}, "Die Datei »fehlt.pdf« liegt nicht im Ordner."),
    ("program", {"dateien": "programm.exe"}, "Dateien vom Typ ».exe« sind nicht erlaubt."),
    (
        "picture named pdf",
        {"dateien": "Handout=bild.pdf"},
        "bild.pdf: Der Inhalt dieser Datei passt nicht zu ihrer Endung .pdf.",
    ),
    ("link without scheme", {"links": "BBE=www.b-b-e.de"}, "»www.b-b-e.de« ist keine Webadresse."),
    ("duplicate id", {"id": "GUT-1"}, "Die ID »GUT-1« kommt zweimal vor."),
    (
        "unknown related id",
        {"verwandte": "GUT-2|GIBT-ES-NICHT"},
        "Verwandtes Material mit unbekannter ID: GIBT-ES-NICHT.",
    ),
]


@pytest.mark.parametrize(
    ("cells", "reason"),
    [(cells, reason) for _name, cells, reason in BAD_ROWS],
    ids=[name for name, _cells, _reason in BAD_ROWS],
)
def test_bad_row_is_rejected_with_its_number_and_a_german_reason_and_good_rows_are_imported(
    library, folder, cells, reason
):
    write_odd_files(folder)
    rows = [good_row("GUT-1"), good_row("SCHLECHT", **cells), good_row("GUT-2")]

    report, error = import_with_rejections(write_csv(folder.parent / "import.csv", rows), folder)

    assert rejection(3, reason) in report
    assert "neu angelegt: 2 (GUT-1, GUT-2)" in report
    assert "abgelehnt" in error
    assert imported_keys() == ["GUT-1", "GUT-2"]
    assert not LibraryDocument.objects.exists()


def test_every_bad_row_is_reported_and_the_command_ends_with_an_error(library, folder):
    write_odd_files(folder)
    rows = [good_row("GUT-1")]
    rows += [good_row(f"SCHLECHT-{n}", **cells) for n, (_name, cells, _) in enumerate(BAD_ROWS)]
    rows += [good_row("GUT-2")]

    report, error = import_with_rejections(write_csv(folder.parent / "import.csv", rows), folder)

    for number, (_name, _cells, reason) in enumerate(BAD_ROWS, start=3):
        assert rejection(number, reason) in report
    assert error == f"{len(BAD_ROWS)} Zeilen wurden abgelehnt."
    assert imported_keys() == ["GUT-1", "GUT-2"]


def test_report_names_the_number_of_rejected_rows_in_german(library, tmp_path):
    report, _error = import_one_bad_row(tmp_path)

    assert "abgelehnt: 1" in report.splitlines()


def test_error_for_a_single_rejected_row_speaks_of_one_row(library, tmp_path):
    _report, error = import_one_bad_row(tmp_path)

    assert error == "1 Zeile wurde abgelehnt."


@pytest.mark.parametrize(
    "cells",
    [{"id": "X" * 65}, {"themen": "T" * 161}, {"links": "L" * 201 + "=https://www.b-b-e.de/"}],
    ids=["id", "topic", "link text"],
)
def test_value_longer_than_its_database_field_is_rejected_instead_of_breaking_the_import(
    library, tmp_path, cells
):
    # SQLite stores the over-long value anyway; PostgreSQL stops the import with a DataError.
    rows = [good_row("GUT-1"), good_row("LANG", **cells), good_row("GUT-2")]

    report, _error = import_with_rejections(write_csv(tmp_path / "import.csv", rows))

    assert "Zeile 3: " in report
    assert imported_keys() == ["GUT-1", "GUT-2"]


def test_file_path_that_leaves_the_folder_is_rejected(library, folder):
    (folder.parent / "x.pdf").write_bytes(make_pdf("Außerhalb", ["Liegt neben dem Ordner."]))
    rows = [good_row("RAUS", dateien="../x.pdf")]

    report, _error = import_with_rejections(write_csv(folder.parent / "import.csv", rows), folder)

    assert rejection(2, "Die Datei »../x.pdf« liegt nicht im Ordner.") in report
    assert not pages().exists()
    assert not LibraryDocument.objects.exists()


def test_missing_required_columns_stop_the_import_naming_them(library, tmp_path):
    columns = [name for name in COLUMNS if name not in ("materialart", "themen")]
    rows = [{name: value for name, value in good_row("A").items() if name in columns}]

    with pytest.raises(
        CommandError, match=r"^In der Datei fehlen die Spalten: materialart, themen\.$"
    ):
        import_materials(write_csv(tmp_path / "import.csv", rows, columns=columns))
    assert not pages().exists()


def test_import_without_a_knowledge_database_page_stops_with_a_german_message(home_page):
    with pytest.raises(CommandError, match="Es gibt keine Seite »Wissensdatenbank«"):
        import_example()


# --- Reading spreadsheets ---------------------------------------------------------------------


def test_windows_1252_csv_separated_by_commas_is_read(library, tmp_path):
    rows = [
        good_row(
            "ALT-1",
            titel="Übergänge gestalten: Schule, Ausbildung, Beruf",
            themen="Arbeit und Ausbildung|Sprache und Bildung",
            zielgruppe="Lotsinnen, Lotsen und Koordinierende",
        )
    ]

    report = import_materials(
        write_csv(tmp_path / "excel-alt.csv", rows, encoding="cp1252", delimiter=",")
    )

    assert "neu angelegt: 1 (ALT-1)" in report
    page = material("ALT-1")
    assert page.title == "Übergänge gestalten: Schule, Ausbildung, Beruf"
    assert page.target_group == "Lotsinnen, Lotsen und Koordinierende"
    assert sorted(topic.name for topic in page.topics.all()) == [
        "Arbeit und Ausbildung",
        "Sprache und Bildung",
    ]


# --- Topics, types and organisations ----------------------------------------------------------


def test_new_topics_types_and_organisations_named_in_the_csv_are_created(library, tmp_path):
    TopicFactory(name="Wohnen", sort_order=1)
    rows = [
        good_row(
            "N-1",
            themen="Digitale Patenschaften",
            materialart="Podcast",
            traeger="Neuer Träger e. V.",
        )
    ]

    import_materials(write_csv(tmp_path / "import.csv", rows))

    page = material("N-1")
    topic = Topic.objects.get(name="Digitale Patenschaften")
    assert list(page.topics.all()) == [topic]
    assert (topic.slug, topic.sort_order) == ("digitale-patenschaften", 2)
    assert page.material_type == MaterialType.objects.get(name="Podcast", slug="podcast")
    assert page.organisation == Organisation.objects.get(name="Neuer Träger e. V.")


def test_existing_topics_types_and_organisations_are_reused_ignoring_case_and_by_short_name(
    library, tmp_path
):
    topic = TopicFactory(name="Recht und Aufenthalt")
    material_type = MaterialTypeFactory(name="Leitfaden")
    organisation = OrganisationFactory(name="Patenschaftsnetz Leipzig e. V.", short_name="PNL")
    rows = [
        good_row("R-1", themen="recht und aufenthalt", materialart="LEITFADEN", traeger="pnl"),
        good_row("R-2", themen="Recht und Aufenthalt", traeger="patenschaftsnetz leipzig e. v."),
    ]

    import_materials(write_csv(tmp_path / "import.csv", rows))

    for key in ("R-1", "R-2"):
        page = material(key)
        assert (list(page.topics.all()), page.material_type, page.organisation) == (
            [topic],
            material_type,
            organisation,
        )
    assert (Topic.objects.count(), MaterialType.objects.count(), Organisation.objects.count()) == (
        1,
        1,
        1,
    )


@pytest.mark.parametrize(
    "name",
    ["Oeffentlichkeitsarbeit", "öffentlichkeitsarbeit"],
    ids=["oe-for-umlaut", "lower-case-umlaut"],
)
def test_topic_named_like_an_existing_one_with_an_umlaut_is_reused_instead_of_breaking_the_import(
    library, tmp_path, name
):
    # Both names make the slug »oeffentlichkeitsarbeit«, which must stay unique. SQLite's
    # case-insensitive comparison knows only ASCII letters, so »ö« does not match »Ö« there.
    existing = TopicFactory(name="Öffentlichkeitsarbeit")
    rows = [good_row("S-1", themen=name)]

    import_materials(write_csv(tmp_path / "import.csv", rows))

    assert list(material("S-1").topics.all()) == [existing]


# --- Links and related materials --------------------------------------------------------------


def test_link_with_a_query_string_keeps_its_whole_address(library, tmp_path):
    video = "https://www.youtube-nocookie.com/watch?v=abc123"
    rows = [good_row("V-1", links=f"Film zum Projekt={video}|{video}")]

    import_materials(write_csv(tmp_path / "import.csv", rows))

    links = [(link.label, link.url) for link in material("V-1").links.all()]
    assert links == [("Film zum Projekt", video), (video, video)]


def test_material_related_to_a_rejected_row_is_rejected_too_instead_of_crashing(library, tmp_path):
    rows = [
        good_row("K-1", verwandte="K-2"),
        good_row("K-2", verwandte="GIBT-ES-NICHT"),
    ]

    report, error = import_with_rejections(write_csv(tmp_path / "import.csv", rows))

    assert rejection(3, "Verwandtes Material mit unbekannter ID: GIBT-ES-NICHT.") in report
    assert rejection(2, "Verwandtes Material mit unbekannter ID: K-2.") in report
    assert error == "2 Zeilen wurden abgelehnt."


# --- Progress ---------------------------------------------------------------------------------


def test_progress_bar_is_shown_on_a_terminal(library):
    report = import_materials(EXAMPLE / "beispiel-import.csv", stdout=TerminalOutput())

    assert re.search(r"\r\[#{30}\] 5/5\n", report)
    assert [int(done) for done in re.findall(r"\] (\d)/5", report)] == [1, 2, 3, 4, 5]
    assert "neu angelegt: 5" in report


def test_no_progress_bar_when_the_output_is_not_a_terminal(library):
    report = import_example()

    assert "[#" not in report
    assert "/5" not in report
