"""Bulk import of materials from a spreadsheet (CSV) and a folder of files.

Each row is one material, keyed by the stable ID in its first column: a second import of the
same file changes nothing, a changed row updates its material. Every row is checked before
anything is written; a row with a problem is rejected with its number and a German reason,
the others are imported. Topics, material types and organisations that do not exist yet are
created. The columns are listed in the README (`COLUMNS` below).
"""

import csv
import io
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
from library.files import check_content
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
REQUIRED = ["id", "titel", "zusammenfassung", "materialart", "themen"]
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
    """The rows of a CSV as dicts, from UTF-8 (with or without Excel's BOM) or Windows-1252,
    separated by semicolons (German Excel) or commas. Raises RowError for a wrong header."""
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
    return [{name: (value or "").strip() for name, value in row.items() if name} for row in reader]


def split_list(value):
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def labelled(value):
    """»Label=target« or just »target« → (label, target)."""
    label, _sep, target = value.rpartition("=")
    return label.strip(), target.strip()


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
        """The rows that pass every check; the others go into `report.rejected`."""
        rows, keys = [], set()
        for number, record in enumerate(records, start=2):  # row 1 is the header
            try:
                row = self.check_row(number, record)
                if row.key in keys:
                    raise RowError(_("The ID »%(key)s« appears twice.") % {"key": row.key})
            except RowError as error:
                report.rejected.append((number, str(error)))
                continue
            keys.add(row.key)
            rows.append(row)
        known = keys | set(
            MaterialPage.objects.exclude(source_id="").values_list("source_id", flat=True)
        )
        for row in list(rows):
            unknown = [key for key in row.related_keys if key not in known]
            if unknown:
                rows.remove(row)
                report.rejected.append(
                    (
                        row.number,
                        _("Related material with unknown ID: %(keys)s.")
                        % {"keys": ", ".join(unknown)},
                    )
                )
        return rows

    def check_row(self, number, record):
        for name in REQUIRED:
            if not record.get(name):
                raise RowError(_("The column »%(column)s« is empty.") % {"column": name})
        title, summary = record["titel"], record["zusammenfassung"]
        if len(title) > 255:
            raise RowError(_("The title is longer than 255 characters."))
        if len(summary) > 600:
            raise RowError(_("The summary is longer than 600 characters."))
        return Row(
            number=number,
            key=record["id"],
            title=title,
            summary=summary,
            type_name=record["materialart"],
            topic_names=split_list(record["themen"]),
            organisation_name=record.get("traeger", ""),
            year=self.check_year(record.get("jahr", "")),
            target_group=record.get("zielgruppe", "")[:200],
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
        if not value:
            raise RowError(_("The column »%(column)s« is empty.") % {"column": "jahr"})
        if not value.isdigit() or not 1990 <= int(value) <= 2100:
            raise RowError(_("»%(value)s« is not a year between 1990 and 2100.") % {"value": value})
        return int(value)

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
        return label or path.stem.replace("-", " ").replace("_", " "), path, sha1

    def check_link(self, value):
        label, url = labelled(value)
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise RowError(_("»%(url)s« is not a web address.") % {"url": url}) from None
        return label or url, url

    # --- Writing --------------------------------------------------------------------------

    def run(self, records, progress=None):
        report = Report()
        rows = self.check(records, report)
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
            material.topics = topics
            self.library.add_child(instance=material)
        for name, value in fields.items():
            setattr(material, name, value)
        material.topics = topics
        material.documents = self.documents(material, row)
        material.links = [MaterialLink(label=label, url=url) for label, url in row.links]
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
                document = LibraryDocument(title=label, collection=collection)
                with path.open("rb") as handle:
                    document.file.save(path.name, File(handle), save=False)
                document.save()
            files.append(MaterialDocument(document=document, label=label))
        return files

    def relate(self, material, keys):
        """Set the related materials; whether they changed."""
        current = list(material.related_materials.values_list("material__source_id", flat=True))
        if current == keys:
            return False
        by_key = {page.source_id: page for page in MaterialPage.objects.filter(source_id__in=keys)}
        material.related_materials = [RelatedMaterial(material=by_key[key]) for key in keys]
        material.save_revision().publish()
        return True

    def named(self, model, name):
        """The topic, type or organisation of this name (or an organisation's short name),
        created when missing."""
        same_name = Q(name__iexact=name)
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
