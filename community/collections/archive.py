"""What a collection's ZIP download holds: a folder per material with the files the member may
download, and a README.txt that lists the materials with their licences, the files, the
notes and their web addresses.

A file is included under the same rule as a single download (Wagtail's document serve view
checks the view restrictions of the document's collection): LibraryDocument's
`viewable_by(user)` applies that rule to all files in one query. Materials that are no
longer published, or hidden by page privacy, are left out."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from community.collections.zipstream import ZipMember, text_member
from community.models import CollectionItem
from home.models.pages import german_slug
from library.models import LibraryDocument, MaterialDocument, MaterialPage

README_NAME = "README.txt"
NAME_LENGTH = 60  # of a folder or file name, before the number and the extension


def archive_members(collection, request, owner_name):
    """The ZipMembers of `collection`'s archive for the requesting member: README.txt first,
    then the files in the collection's order."""
    items = available_items(collection, request.user)
    planned = []  # (item, [(path in the archive, document)])
    folders = set()
    width = max(2, len(str(len(items))))
    for number, item in enumerate(items, start=1):
        folder = unique_name(f"{number:0{width}d}-{slug_of(item.material.title)}", folders)
        names = set()
        files = [
            (f"{folder}/{file_name(file, names)}", file.document)
            for file in item.material.downloadable_files
            if file.document.file and file.document.file.storage.exists(file.document.file.name)
        ]
        planned.append((item, files))
    readme = text_member(README_NAME, readme_text(collection, planned, request, owner_name))
    files = [
        document_member(path, document) for _item, paths in planned for path, document in paths
    ]
    return [readme, *files]


def available_items(collection, user):
    """The collection's items whose material is published and visible, each material with
    `downloadable_files`: its MaterialDocuments whose file `user` may download."""
    files = (
        MaterialDocument.objects.filter(document__in=LibraryDocument.objects.viewable_by(user))
        .select_related("document")
        .order_by("sort_order", "pk")
    )
    return list(
        CollectionItem.objects.filter(
            collection=collection, material__in=MaterialPage.objects.visible()
        )
        .select_related("material__organisation")
        .prefetch_related(
            Prefetch("material__documents", queryset=files, to_attr="downloadable_files"),
            "material__links",
        )
    )


def document_member(path, document):
    storage, name = document.file.storage, document.file.name
    return ZipMember(path, lambda: storage.open(name, "rb"), document.file_size or 0)


def slug_of(text):
    return german_slug(text)[:NAME_LENGTH].strip("-") or "material"


def file_name(file, taken):
    """A file's name in its folder: from its label or title, with the file's extension."""
    stem = german_slug(file.label or file.document.title)[:NAME_LENGTH].strip("-") or "datei"
    extension = file.document.file_extension.lower()
    return unique_name(stem, taken, f".{extension}" if extension else "")


def unique_name(stem, taken, suffix=""):
    """`stem + suffix`, or with -2, -3 … when that name is taken already; marks it taken."""
    name, number = f"{stem}{suffix}", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}{suffix}"
    taken.add(name)
    return name


# --- README.txt -------------------------------------------------------------------------------


def readme_text(collection, planned, request, owner_name):
    lines = [
        _("Collection: %(name)s") % {"name": collection.name},
        *indented(collection.description, ""),
        _("Compiled by: %(name)s") % {"name": owner_name},
        _("Downloaded on: %(date)s") % {"date": date_format(timezone.localdate())},
        _("Web address: %(url)s")
        % {"url": request.build_absolute_uri(collection.get_absolute_url())},
        "",
        _(
            "This archive holds the files of the collection's materials that you may download, "
            "one folder per material. Please observe each material's licence when you pass on "
            "or change its files."
        ),
    ]
    for number, (item, files) in enumerate(planned, start=1):
        lines += ["", "", f"{number}. {item.material.title}", *material_lines(item, files, request)]
    if not planned:
        lines += ["", _("The collection holds no materials that are available.")]
    return "\n".join(lines) + "\n"


def material_lines(item, files, request):
    material, indent = item.material, "   "
    licence = material.licence_choice
    lines = []
    if material.organisation:
        lines.append(_("Published by: %(name)s") % {"name": material.organisation.name})
    lines.append(_("Year: %(year)s") % {"year": material.year})
    licence_text = f"{licence.label} ({licence.url})" if licence.url else str(licence.label)
    lines.append(_("Licence: %(licence)s") % {"licence": licence_text})
    lines.append(
        _("Web address: %(url)s")
        % {"url": request.build_absolute_uri(material.get_url(request) or "/")}
    )
    if files:
        lines.append(_("Files in this archive:"))
        lines += [f"{indent}- {path}" for path, _document in files]
    else:
        lines.append(_("No files of this material are in this archive."))
    links = list(material.links.all())
    if links:
        lines.append(_("Links:"))
        lines += [f"{indent}- {link.label}: {link.url}" for link in links]
    if item.note.strip():
        lines += [_("Note:"), *indented(item.note, indent)]
    return [f"{indent}{line}" if line else line for line in lines]


def indented(text, indent):
    """The lines of a member's text, each with `indent` (none for empty text)."""
    return [f"{indent}{line}".rstrip() for line in text.strip().splitlines()]
