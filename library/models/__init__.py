from .documents import LibraryDocument, hidden_collections, library_collection
from .pages import (
    AccessLevel,
    Language,
    LibraryIndexPage,
    Licence,
    MaterialDocument,
    MaterialLink,
    MaterialPage,
    RelatedMaterial,
    year_from,
)
from .taxonomy import MaterialType, Topic

__all__ = [
    "AccessLevel",
    "Language",
    "LibraryDocument",
    "LibraryIndexPage",
    "Licence",
    "MaterialDocument",
    "MaterialLink",
    "MaterialPage",
    "MaterialType",
    "RelatedMaterial",
    "Topic",
    "hidden_collections",
    "library_collection",
    "year_from",
]
