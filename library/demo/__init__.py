"""Demo content of the knowledge database: the page »Wissensdatenbank« in the main menu, the
topics, material types and organisations, and about thirty materials with real PDF and Word
files, some of them for members only.

The materials go through the bulk import (library/importer.py) like a real spreadsheet
would, so a second run changes nothing. Their files are made here, from the text in
`data.py`, so that downloads and the search inside files work.
"""

import tempfile
from pathlib import Path

from wagtail.models import Site

from home.demo import Builder
from home.models import Organisation
from library.demo.data import MATERIAL_TYPES, MATERIALS, ORGANISATIONS, PROGRAMME_NOTE, TOPICS
from library.demo.files import make_docx, make_pdf
from library.importer import MaterialImporter
from library.models import LibraryIndexPage, MaterialType, Topic

__all__ = ["generate", "make_docx", "make_pdf"]

FILE_MAKERS = {"pdf": make_pdf, "docx": make_docx}
FILE_LABELS = {"pdf": "Druckfassung", "docx": "Vorlage zum Bearbeiten"}


def generate():
    builder = Builder()
    library = library_page(builder)
    taxonomy(builder)
    materials(builder, library)
    return builder.report


def library_page(builder):
    home = Site.objects.get(is_default_site=True).root_page
    library, created = builder.page(
        home,
        LibraryIndexPage,
        "wissensdatenbank",
        title="Wissensdatenbank",
        show_in_menus=True,
        intro="In der Wissensdatenbank werden Informationen gebündelt, Materialien "
        "systematisch gesammelt und zum Download bereitgestellt.",
    )
    knowledge = home.get_children().filter(slug="wissenstransfer").first()
    if created and knowledge:
        library.move(knowledge, pos="right")  # in the menu right after »Wissenstransfer«
    return library


def taxonomy(builder):
    for model, names in ((Topic, TOPICS), (MaterialType, MATERIAL_TYPES)):
        for order, name in enumerate(names, start=1):
            _item, created = model.objects.get_or_create(name=name, defaults={"sort_order": order})
            report = builder.report.created if created else builder.report.skipped
            report.append(f"{model._meta.verbose_name} »{name}«")
    for values in ORGANISATIONS:
        details = {name: value for name, value in values.items() if name != "name"}
        _item, created = Organisation.objects.get_or_create(name=values["name"], defaults=details)
        report = builder.report.created if created else builder.report.skipped
        report.append(f"organisation »{values['name']}«")


def materials(builder, library):
    with tempfile.TemporaryDirectory() as folder:
        records = [
            (number, material_record(material, Path(folder)))
            for number, material in enumerate(MATERIALS, start=1)
        ]
        report = MaterialImporter(library, folder).run(records)
    builder.report.created += [f"material {key}" for key in report.created + report.updated]
    builder.report.skipped += [f"material {key}" for key in report.unchanged]
    if report.rejected:
        raise ValueError(f"Demo materials rejected: {report.rejected}")


def material_record(material, folder):
    """The import row of a demo material, with its files written into `folder`."""
    record = {name: value for name, value in material.items() if name not in ("text", "files")}
    paragraphs = [material["zusammenfassung"], material.get("text", ""), PROGRAMME_NOTE]
    files = []
    for extension in material["files"]:
        name = f"{material['id'].lower()}.{extension}"
        (folder / name).write_bytes(FILE_MAKERS[extension](material["titel"], paragraphs))
        label = FILE_LABELS[extension] if len(material["files"]) > 1 else material["titel"]
        files.append(f"{label}={name}")
    record["dateien"] = "|".join(files)
    return record
