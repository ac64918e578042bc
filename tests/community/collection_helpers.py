"""Building blocks of the collection tests: a library with materials and files, and
collections of them."""

import factory

from community.models import CollectionItem, MaterialCollection
from tests.factories import LibraryDocumentFactory, MaterialPageFactory


def document(filename, data, title=None, **fields):
    """A library document with the file `filename` holding `data` (bytes)."""
    file = factory.django.FileField(filename=filename, data=data)
    if title is not None:
        fields["title"] = title
    return LibraryDocumentFactory(file=file, **fields)


def material(library, title, files=(), **fields):
    """A published material below `library` with `files` (documents) in this order."""
    return MaterialPageFactory(parent=library, title=title, files=list(files) or None, **fields)


def collection_of(owner, materials, name="Merkliste", notes=(), **fields):
    """A collection of `owner` holding `materials` in this order, with `notes` by position."""
    collection = MaterialCollection.objects.create(owner=owner, name=name, **fields)
    notes = list(notes) + [""] * len(materials)
    CollectionItem.objects.bulk_create(
        CollectionItem(collection=collection, material=item, note=note, sort_order=order)
        for order, (item, note) in enumerate(zip(materials, notes, strict=False))
    )
    return collection
