"""Scale data for the library benchmark: a site with the knowledge database and its
materials, with German titles and summaries from word lists, spread over 10 topics,
7 material types, 40 organisations and 10 years; each with 1–3 topics, about 10 % for
members only, every 15th with a text file, every 4th related to the two before it.

Each material is keyed `bench-00001`, `bench-00002` … (its `source_id`) and made by a
random generator seeded with its number: a run creates only the materials that are missing,
and always the same ones. Pages go through treebeard's `add_child` and Wagtail's `Page.save`
(validation, URL path, topics, files, reference index) without revisions; the search index
gets each chunk of pages in one bulk insert, as `update_index` does, instead of one task per
saved page. Files are real `.txt` uploads whose text the document model reads on save.

Other benchmarks pass a `FilePlan` to give more materials a file, or files more text
(search.py: a file for every material, with a technical vocabulary of its own).
"""

import datetime
import random
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import HomePage, Organisation, german_slug
from library.demo.data import MATERIAL_TYPES, TOPICS
from library.models import (
    AccessLevel,
    LibraryDocument,
    LibraryIndexPage,
    MaterialDocument,
    MaterialPage,
    MaterialType,
    RelatedMaterial,
    Topic,
    library_collection,
)

KEY_PREFIX = "bench-"
CHUNK_SIZE = 250
DOCUMENT_EVERY = 15  # every 15th material has a text file
RELATED_EVERY = 4  # every 4th material names the two before it as related
MEMBERS_SHARE = 0.1
YEARS = range(2016, 2026)
# A word in many summaries and file texts (in this exact form, as SQLite's full-text index
# does not stem): the free-text case of the benchmark searches for it.
SEARCH_WORD = "Patenschaft"

# 8 kinds × 20 places, paired so that 40 organisations have 40 different names.
ORGANISATION_KINDS = [
    ("Patenschaftsnetz", "PN"),
    ("Mentoring für Geflüchtete", "MfG"),
    ("Lotsenprojekt", "LP"),
    ("Stiftung Ankommen", "SA"),
    ("Willkommensnetz", "WN"),
    ("Caritasverband", "CV"),
    ("AWO Kreisverband", "AWO"),
    ("Freiwilligenagentur", "FA"),
]
PLACES = [
    "Leipzig",
    "Rhein-Main",
    "Nordfriesland",
    "Hamburg",
    "Bayern",
    "Köln",
    "Erfurt",
    "Dresden",
    "Bremen",
    "Münster",
    "Rostock",
    "Freiburg",
    "Kassel",
    "Magdeburg",
    "Saarbrücken",
    "Potsdam",
    "Hannover",
    "Mainz",
    "Kiel",
    "Stuttgart",
]
ORGANISATION_COUNT = 40

TITLE_HEADS = [
    "Leitfaden",
    "Handreichung",
    "Arbeitshilfe",
    "Checkliste",
    "Praxisbericht",
    "Werkstattbericht",
    "Studie",
    "Positionspapier",
    "Vorlage",
    "Fachbeitrag",
    "Materialsammlung",
    "Dokumentation",
]
TITLE_SUBJECTS = [
    "Patenschaften mit jungen Geflüchteten",
    "die Begleitung geflüchteter Familien",
    "Mentoring in Ausbildung und Beruf",
    "die Suche nach einer Wohnung",
    "Vormundschaft und Aufenthalt",
    "Sprachförderung im Alltag",
    "die Gewinnung von Ehrenamtlichen",
    "Öffentlichkeitsarbeit im Verein",
    "die Finanzierung lokaler Projekte",
    "Wirkungsorientierung in der Engagementförderung",
    "interkulturelle Kommunikation",
    "den Abschluss einer Patenschaft",
    "Konflikte im Tandem",
    "Datenschutz bei der Vermittlung",
    "die Qualifizierung von Lotsinnen und Lotsen",
    "Schule und Kita",
    "Gesundheit und Versorgung",
    "Wege durch die Behörden",
    "Freizeit und Sport",
    "Frauen in der Integrationsarbeit",
]
TITLE_PLACES = [
    "in ländlichen Räumen",
    "in der Großstadt",
    "im Quartier",
    "in der Kommune",
    "in Ostdeutschland",
    "bundesweit",
    "vor Ort",
    "im Verbund",
]
ACTORS = [
    "Ehrenamtliche",
    "Koordinierende",
    "Patinnen und Paten",
    "Mentorinnen und Mentoren",
    "Lotsinnen und Lotsen",
    "Träger und Initiativen",
    "Fachkräfte der Migrationsberatung",
    "Kommunen und Vereine",
]
ACTIVITIES = [
    "eine Patenschaft gut beginnen und beenden",
    "geflüchtete Familien bei der Wohnungssuche begleiten",
    "Jugendliche beim Übergang in die Ausbildung unterstützen",
    "Konflikte in einer Patenschaft früh erkennen",
    "neue Freiwillige gewinnen und halten",
    "Fördermittel beantragen und abrechnen",
    "die Wirkung ihrer Arbeit sichtbar machen",
    "Sprachbarrieren im Alltag überwinden",
    "Termine bei Ausländerbehörde und Jobcenter vorbereiten",
    "Kinder beim Einstieg in Kita und Schule begleiten",
]
OPENERS = [
    "Dieses Material beschreibt, wie {actors} {activity}.",
    "Anhand von Erfahrungen aus {count} Projekten wird gezeigt, wie {actors} {activity}.",
    "Im Mittelpunkt steht die Frage, wie {actors} {activity}.",
    "Die Autorinnen und Autoren schildern, wie {actors} {activity}.",
]
DETAILS = [
    "Checklisten und Gesprächsleitfäden erleichtern den Einstieg.",
    "Grundlage sind Interviews mit {count} Beteiligten aus dem Programm.",
    "Ein Kapitel widmet sich dem Datenschutz bei der Vermittlung.",
    "Beispiele aus der Praxis zeigen, was eine Patenschaft über Jahre trägt.",
    "Hinweise zu Versicherung und Aufwandsentschädigung runden das Material ab.",
    "Vorlagen für eine Vereinbarung zur Patenschaft liegen bei.",
    "Die Ergebnisse wurden auf dem Fachkongress {year} vorgestellt und diskutiert.",
    "Eine Übersicht nennt Ansprechpersonen in Ländern und Kommunen.",
    "Die Arbeitshilfe eignet sich für Schulungen neuer Ehrenamtlicher.",
    "Zitate aus Tandems machen die Perspektive der Geflüchteten sichtbar.",
]
TARGET_GROUPS = [
    "Ehrenamtliche PatInnen und Koordinierende",
    "Hauptamtliche in der Freiwilligenkoordination",
    "Mentorinnen und Mentoren",
    "Vorstände und Geschäftsführungen von Vereinen",
    "Kommunale Integrationsbeauftragte",
    "",
]


@dataclass
class Taxonomy:
    topics: list
    types: list
    organisations: list


@dataclass(frozen=True)
class FilePlan:
    """Which materials have a text file (every `every`-th), and what their text holds besides
    sentences like the summaries': `extra_text(number, material)`, appended (none by
    default; the material is unsaved, with its fields set)."""

    every: int = DOCUMENT_EVERY
    extra_text: Callable[[int, MaterialPage], str] | None = None


@dataclass
class Generation:
    created: int
    total: int
    seconds: float


def material_key(number):
    return f"{KEY_PREFIX}{number:05d}"


def ensure_library(count, progress=None, files=FilePlan()):
    """The library with `count` benchmark materials, creating what is missing (with files
    as `files` plans them)."""
    started = time.perf_counter()
    with transaction.atomic():
        taxonomy = ensure_taxonomy()
        library = ensure_library_page(ensure_home_page())
    existing = set(
        MaterialPage.objects.filter(source_id__startswith=KEY_PREFIX).values_list(
            "source_id", flat=True
        )
    )
    missing = [number for number in range(1, count + 1) if material_key(number) not in existing]
    for done in range(0, len(missing), CHUNK_SIZE):
        chunk = missing[done : done + CHUNK_SIZE]
        create_materials(library, taxonomy, chunk, files)
        if progress:
            progress("materials", done + len(chunk), len(missing))
    if missing:
        relate_materials(missing)
    total = MaterialPage.objects.child_of(library).count()
    return Generation(len(missing), total, time.perf_counter() - started)


# --- Site and taxonomy ------------------------------------------------------------------------


def ensure_taxonomy():
    topics = [
        Topic.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        for order, name in enumerate(TOPICS, start=1)
    ]
    types = [
        MaterialType.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        for order, name in enumerate(MATERIAL_TYPES, start=1)
    ]
    organisations = [ensure_organisation(index) for index in range(ORGANISATION_COUNT)]
    return Taxonomy(topics, types, organisations)


def ensure_organisation(index):
    kind, abbreviation = ORGANISATION_KINDS[index % len(ORGANISATION_KINDS)]
    place = PLACES[index % len(PLACES)]
    organisation, _created = Organisation.objects.get_or_create(
        name=f"{kind} {place}",
        defaults={"short_name": f"{abbreviation} {place[:3]}", "city": place},
    )
    return organisation


def ensure_home_page():
    """The default site's root: a start page in place of Wagtail's welcome page."""
    site = Site.objects.get(is_default_site=True)
    root = site.root_page.specific
    if isinstance(root, HomePage):
        return root
    home = HomePage(title="Startseite", slug="startseite", first_published_at=timezone.now())
    Page.get_first_root_node().add_child(instance=home)
    site.root_page = home
    site.save()
    if root.depth == 2 and not root.get_children().exists():
        root.delete()
    return home


def ensure_library_page(home):
    library = LibraryIndexPage.objects.child_of(home).first()
    if library is None:
        library = LibraryIndexPage(
            title="Wissensdatenbank",
            slug="wissensdatenbank",
            intro="Informationen, Arbeitshilfen und Studien zum Herunterladen.",
            first_published_at=timezone.now(),
        )
        home.add_child(instance=library)
    return library


# --- Materials --------------------------------------------------------------------------------


def create_materials(library, taxonomy, numbers, files=FilePlan()):
    """One chunk of materials in one transaction, their files indexed for search in one
    insert (and the materials once more, as MaterialPage.save indexes each itself)."""
    collections = {level: library_collection(level == AccessLevel.MEMBERS) for level in AccessLevel}
    with transaction.atomic(), without_search_signal(), disable_reference_index_auto_update():
        paths = child_paths(library)
        materials = [
            create_material(library, taxonomy, collections, number, next(paths), files)
            for number in numbers
        ]
        Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + len(materials))
        library.numchild += len(materials)
        index_materials(materials)


def create_material(library, taxonomy, collections, number, path, files=FilePlan()):
    """What `library.add_child(instance=material)` does, without a query for the path and
    without validating what is valid by construction (`Page.save(clean=False)`)."""
    rng = random.Random(number)
    year = rng.choice(YEARS)
    title = material_title(rng)
    material = MaterialPage(
        title=title,
        draft_title=title,
        slug=f"{german_slug(title)[:80]}-{number}",
        locale_id=library.locale_id,
        path=path,
        depth=library.depth + 1,
        intro=material_summary(rng, year),
        material_type=rng.choice(taxonomy.types),
        organisation=rng.choice(taxonomy.organisations),
        year=year,
        target_group=rng.choice(TARGET_GROUPS),
        access_level=AccessLevel.MEMBERS if rng.random() < MEMBERS_SHARE else AccessLevel.PUBLIC,
        source_id=material_key(number),
        first_published_at=published_at(rng, year),
    )
    material.last_published_at = material.first_published_at
    material._cached_parent_obj = library  # treebeard's cache of get_parent(), as add_child sets it
    material.topics = rng.sample(taxonomy.topics, rng.randint(1, 3))
    if number % files.every == 0:
        extra = files.extra_text(number, material) if files.extra_text else ""
        document = text_document(number, title, rng, collections[material.access_level], extra)
        material.documents = [MaterialDocument(document=document, label="Textfassung")]
    material.save(clean=False)
    return material


def child_paths(parent):
    """The tree paths of the parent's next children, as treebeard's add_child makes them."""
    children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = children.order_by("-path").first()
    step = last._get_lastpos_in_path() if last else 0
    while True:
        step += 1
        yield Page._get_path(parent.path, parent.depth + 1, step)


@contextmanager
def without_search_signal():
    """Materials and files saved inside are not indexed on their post_save signal
    (`index_materials` does it)."""
    for model in (MaterialPage, LibraryDocument):
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in (MaterialPage, LibraryDocument):
            post_save.connect(post_save_signal_handler, sender=model)


def index_materials(materials):
    """What `update_index` does, for these materials and their files: one bulk insert per
    model and search backend."""
    pks = [page.pk for page in materials]
    indexed = MaterialPage.get_indexed_objects().filter(pk__in=pks)
    documents = LibraryDocument.get_indexed_objects().filter(
        pk__in=MaterialDocument.objects.filter(page__in=pks).values("document")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(MaterialPage, list(indexed))
        backend.add_bulk(LibraryDocument, list(documents))


def relate_materials(numbers):
    """Every RELATED_EVERY-th of the new materials names the two materials before it."""
    pairs = [
        (number, number - offset, offset)
        for number in numbers
        if number % RELATED_EVERY == 0
        for offset in (1, 2)
    ]
    keys = {material_key(number) for pair in pairs for number in pair[:2]}
    pks = dict(MaterialPage.objects.filter(source_id__in=keys).values_list("source_id", "pk"))
    RelatedMaterial.objects.bulk_create(
        RelatedMaterial(
            page_id=pks[material_key(page)],
            material_id=pks[material_key(material)],
            sort_order=order,
        )
        for page, material, order in pairs
    )


def text_document(number, title, rng, collection, extra_text=""):
    """A `.txt` file saved the way an upload is: the document model reads its text."""
    document = LibraryDocument(title=f"{title} (Textfassung)", collection=collection)
    paragraphs = [document_paragraph(rng) for _ in range(rng.randint(8, 20))]
    text = "\n\n".join([*paragraphs, extra_text] if extra_text else paragraphs)
    document.file.save(f"{material_key(number)}.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


# --- German text ------------------------------------------------------------------------------


def material_title(rng):
    subject = rng.choice(TITLE_SUBJECTS)
    return (
        f"{rng.choice(TITLE_HEADS)}: {subject[0].upper()}{subject[1:]} {rng.choice(TITLE_PLACES)}"
    )


def material_summary(rng, year):
    opener = rng.choice(OPENERS).format(
        actors=rng.choice(ACTORS), activity=rng.choice(ACTIVITIES), count=rng.randint(3, 40)
    )
    details = [
        detail.format(count=rng.randint(5, 60), year=year)
        for detail in rng.sample(DETAILS, rng.randint(1, 2))
    ]
    return " ".join([opener, *details])


def document_paragraph(rng):
    return " ".join(material_summary(rng, rng.choice(YEARS)) for _ in range(rng.randint(2, 4)))


def published_at(rng, year):
    day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randrange(8, 18))))
