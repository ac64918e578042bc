"""Bulk import of materials from a spreadsheet (CSV) and a folder of files.

Each row is one material, keyed by the stable ID in its first column: a second import of the
same file changes nothing, a changed row updates its material. Every row is checked before
anything is written; a row with a problem is rejected with its number and a German reason,
the others are imported. Topics, material types and organisations that do not exist yet are
created. The columns are listed in the README (`COLUMNS` below).
"""

import csv
import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.utils.file import hash_filelike

from home.models import Organisation, german_slug
from library.files import check_content, read_text
from library.models import (
    AccessLevel,
    Language,
    LibraryDocument,
    Licence,
    MaterialDocument,
    MaterialLink,
    MaterialPage,
    MaterialType,
    RelatedMaterial,
    Topic,
    library_collection,
    year_from,
)

COLUMNS = [
    "id",
    "titel",
    "zusammenfassung",
    "materialart",
    "themen",
    "traeger",
    "jahr",
    "zielgruppe",
    "sprache",
    "lizenz",
    "zugang",
    "barrierefrei",
    "dateien",
    "links",
    "verwandte",
]
REQUIRED = ["id", "titel", "zusammenfassung", "materialart", "themen", "jahr"]
NAME_LENGTH = 160  # of topics, material types and organisations
LIST_SEPARATOR = "|"
YES = {"ja", "yes", "x", "1", "true"}
NO = {"nein", "no", "", "0", "false"}
ACCESS = {
    "öffentlich": AccessLevel.PUBLIC,
    "oeffentlich": AccessLevel.PUBLIC,
    "public": AccessLevel.PUBLIC,
    "mitglieder": AccessLevel.MEMBERS,
    "nur für mitglieder": AccessLevel.MEMBERS,
    "members": AccessLevel.MEMBERS,
}


class RowError(Exception):
    pass


@dataclass
class Row:
    """A checked row of the spreadsheet: everything needed to build its material."""

    number: int
    key: str
    title: str
    summary: str
    type_name: str
    topic_names: list
    organisation_name: str
    year: int
    target_group: str
    language: str
    licence: str
    access_level: str
    accessible: bool
    files: list  # (label, Path, sha1)
    links: list  # (label, url)
    related_keys: list


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (row number, reason)


def read_csv(path):
    """The rows of a CSV as (line number, dict), from UTF-8 (with or without Excel's BOM) or
    Windows-1252, separated by semicolons (German Excel) or commas. Raises RowError for a
    wrong header."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise RowError(
            _("The file lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    reader.fieldnames = columns
    return [
        (reader.line_num, {name: (value or "").strip() for name, value in row.items() if name})
        for row in reader
    ]


def split_list(value):
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def labelled(value):
    """»Label=target« or just »target« → (label, target). The label ends at the first »=«;
    a web address without a label may contain »=« itself (»…/watch?v=abc«)."""
    label, separator, target = value.partition("=")
    if not separator or label.strip().lower().startswith(("http://", "https://")):
        return "", value.strip()
    return label.strip(), target.strip()


def read_file_text(path):
    with path.open("rb") as handle:
        return read_text(File(handle), path.suffix.lstrip("."))


def limited(value, length, column):
    """`value`, unless it is longer than its field in the database."""
    if len(value) > length:
        raise RowError(
            _("The value in »%(column)s« is longer than %(length)s characters.")
            % {"column": column, "length": length}
        )
    return value


def choice(value, choices, what):
    """The value of a TextChoices member, found by its value or its German label."""
    wanted = value.strip().lower()
    for member in choices:
        if wanted in (member.value.lower(), str(member.label).lower()):
            return member.value
    raise RowError(_("Unknown %(what)s »%(value)s«.") % {"what": what, "value": value})


class MaterialImporter:
    def __init__(self, library, files_dir=None):
        self.library = library
        self.files_dir = Path(files_dir) if files_dir else None

    # --- Checking -------------------------------------------------------------------------

    def check(self, records, report):
        """The rows that pass every check; the others go into `report.rejected`. `records`
        are (row number, dict of the columns)."""
        rows, keys = [], set()
        for number, record in records:
            try:
                row = self.check_row(number, record)
                if row.key in keys:
                    raise RowError(_("The ID »%(key)s« appears twice.") % {"key": row.key})
            except RowError as error:
                report.rejected.append((number, str(error)))
                continue
            keys.add(row.key)
            rows.append(row)
        return self.without_unknown_relations(rows, report)

    def without_unknown_relations(self, rows, report):
        """Reject rows related to IDs neither in the file nor imported before; again, until
        no row is related to a rejected one."""
        imported = set(
            MaterialPage.objects.exclude(source_id="").values_list("source_id", flat=True)
        )
        while True:
            known = imported | {row.key for row in rows}
            rejected = [row for row in rows if not set(row.related_keys) <= known]
            if not rejected:
                return rows
            for row in rejected:
                unknown = ", ".join(key for key in row.related_keys if key not in known)
                reason = _("Related material with unknown ID: %(keys)s.") % {"keys": unknown}
                report.rejected.append((row.number, reason))
            rows = [row for row in rows if row not in rejected]

    def check_row(self, number, record):
        for name in REQUIRED:
            if not record.get(name):
                raise RowError(_("The column »%(column)s« is empty.") % {"column": name})
        return Row(
            number=number,
            key=limited(record["id"], 64, "id"),
            title=limited(record["titel"], 255, "titel"),
            summary=limited(record["zusammenfassung"], 600, "zusammenfassung"),
            type_name=limited(record["materialart"], NAME_LENGTH, "materialart"),
            topic_names=[
                limited(name, NAME_LENGTH, "themen") for name in split_list(record["themen"])
            ],
            organisation_name=limited(record.get("traeger", ""), NAME_LENGTH, "traeger"),
            year=self.check_year(record.get("jahr", "")),
            target_group=limited(record.get("zielgruppe", ""), 200, "zielgruppe"),
            language=choice(record.get("sprache") or "de", Language, _("language")),
            licence=choice(
                record.get("lizenz") or Licence.ALL_RIGHTS_RESERVED, Licence, _("licence")
            ),
            access_level=self.check_access(record.get("zugang", "")),
            accessible=self.check_yes_no(record.get("barrierefrei", "")),
            files=[self.check_file(value) for value in split_list(record.get("dateien", ""))],
            links=[self.check_link(value) for value in split_list(record.get("links", ""))],
            related_keys=split_list(record.get("verwandte", "")),
        )

    def check_year(self, value):
        year = year_from(value)
        if year is None:
            raise RowError(_("»%(value)s« is not a year between 1990 and 2100.") % {"value": value})
        return year

    def check_access(self, value):
        if not value:
            return AccessLevel.PUBLIC
        try:
            return ACCESS[value.lower()]
        except KeyError:
            raise RowError(
                _("Unknown access »%(value)s«: write »öffentlich« or »Mitglieder«.")
                % {"value": value}
            ) from None

    def check_yes_no(self, value):
        if value.lower() in YES | NO:
            return value.lower() in YES
        raise RowError(_("»%(value)s« is neither »ja« nor »nein«.") % {"value": value})

    def check_file(self, value):
        label, name = labelled(value)
        if self.files_dir is None:
            raise RowError(_("The row names files, but no folder of files was given."))
        path = self.files_dir / name
        if not path.is_file() or self.files_dir.resolve() not in path.resolve().parents:
            raise RowError(_("The file »%(name)s« is not in the folder.") % {"name": name})
        extension = path.suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise RowError(
                _("Files of type ».%(extension)s« are not allowed.") % {"extension": extension}
            )
        if path.stat().st_size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise RowError(_("The file »%(name)s« is too large.") % {"name": name})
        with path.open("rb") as handle:
            try:
                check_content(File(handle), extension)
            except ValidationError as error:
                raise RowError(f"{name}: {' '.join(error.messages)}") from None
            sha1 = hash_filelike(handle)
        label = limited(label, 200, "dateien") or path.stem.replace("-", " ").replace("_", " ")
        return label[:200], path, sha1

    def check_link(self, value):
        label, url = labelled(value)
        limited(label, 200, "links")
        limited(url, 500, "links")
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise RowError(_("»%(url)s« is not a web address.") % {"url": url}) from None
        return label or url, url

    # --- Writing --------------------------------------------------------------------------

    def run(self, records, progress=None):
        report = Report()
        rows = self.check(records, report)
        self.texts = self.read_texts(rows)
        materials = {}
        for done, row in enumerate(rows, start=1):
            with transaction.atomic():
                materials[row.key], outcome = self.import_row(row)
            getattr(report, outcome).append(row.key)
            if progress:
                progress(done, len(rows))
        for row in rows:
            if self.relate(materials[row.key], row.related_keys) and row.key in report.unchanged:
                report.unchanged.remove(row.key)
                report.updated.append(row.key)
        return report

    def read_texts(self, rows):
        """The text of each file that no document has yet, by its SHA-1: read in parallel,
        as each reader is a child process of its own (library/files.py)."""
        files = {sha1: path for row in rows for _label, path, sha1 in row.files}
        documents = LibraryDocument.objects.filter(file_hash__in=files)
        known = set(documents.values_list("file_hash", flat=True))
        new = {sha1: path for sha1, path in files.items() if sha1 not in known}
        with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
            return dict(zip(new, pool.map(read_file_text, new.values()), strict=True))

    def import_row(self, row):
        material = MaterialPage.objects.filter(source_id=row.key).first()
        fields = {
            "title": row.title,
            "intro": row.summary,
            "material_type": self.named(MaterialType, row.type_name),
            "organisation": (
                self.named(Organisation, row.organisation_name) if row.organisation_name else None
            ),
            "year": row.year,
            "target_group": row.target_group,
            "language": row.language,
            "licence": row.licence,
            "access_level": row.access_level,
            "accessible_files": row.accessible,
        }
        topics = [self.named(Topic, name) for name in row.topic_names]
        if material and self.is_unchanged(material, fields, topics, row):
            return material, "unchanged"
        outcome = "updated" if material else "created"
        if material is None:
            material = MaterialPage(source_id=row.key, slug=self.free_slug(row.title), **fields)
            self.library.add_child(instance=material)
        else:
            for name, value in fields.items():
                setattr(material, name, value)
        material.topics = topics
        material.documents = self.documents(material, row)
        material.links = [
            MaterialLink(label=label, url=url, sort_order=order)
            for order, (label, url) in enumerate(row.links)
        ]
        material.save_revision().publish()
        return material, outcome

    def is_unchanged(self, material, fields, topics, row):
        current_files = [
            (file.label, file.document.file_hash)
            for file in material.documents.select_related("document")
        ]
        return (
            all(getattr(material, name) == value for name, value in fields.items())
            and {topic.pk for topic in material.topics.all()} == {topic.pk for topic in topics}
            and current_files == [(label, sha1) for label, _path, sha1 in row.files]
            and [(link.label, link.url) for link in material.links.all()] == row.links
        )

    def documents(self, material, row):
        """The material's files: an unchanged file keeps its document (and its downloads),
        a new or changed one becomes a new document."""
        existing = {
            file.document.file_hash: file.document
            for file in material.documents.select_related("document")
        }
        collection = library_collection(row.access_level == AccessLevel.MEMBERS)
        files = []
        for label, path, sha1 in row.files:
            document = existing.get(sha1)
            if document is None:
                # In the admin's list of documents the title alone must say what it is.
                title = label if label == row.title else f"{row.title} ({label})"[:255]
                document = LibraryDocument(title=title, collection=collection, file_hash=sha1)
                with path.open("rb") as handle:
                    document.file.save(path.name, File(handle), save=False)
                if sha1 in self.texts:
                    document.set_text(self.texts[sha1])
                document.save()
            files.append(MaterialDocument(document=document, label=label, sort_order=len(files)))
        return files

    def relate(self, material, keys):
        """Set the related materials; whether they changed."""
        current = list(material.related_materials.values_list("material__source_id", flat=True))
        if current == keys:
            return False
        by_key = {page.source_id: page for page in MaterialPage.objects.filter(source_id__in=keys)}
        material.related_materials = [
            RelatedMaterial(material=by_key[key], sort_order=order)
            for order, key in enumerate(keys)
        ]
        material.save_revision().publish()
        return True

    def named(self, model, name):
        """The topic, type or organisation of this name (or an organisation's short name),
        created when missing."""
        # The slug too: SQLite ignores the case of ASCII letters only, and »Oeffentlich…«
        # would otherwise clash with the slug of an existing »Öffentlich…«.
        same_name = Q(name__iexact=name) | Q(slug=german_slug(name))
        if model is Organisation:
            same_name |= Q(short_name__iexact=name)
        found = model.objects.filter(same_name).first()
        if found is None:
            found = model(name=name)
            if hasattr(model, "sort_order"):
                found.sort_order = model.objects.count() + 1
            found.save()
        return found

    def free_slug(self, title):
        """A slug for a new material that no other page below the library has."""
        base = german_slug(title)[:200] or "material"
        taken = set(self.library.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug
