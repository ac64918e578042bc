"""The facets of the knowledge database's list and how they count.

Counting needs no query: a catalogue of what every visible material of the library is filed
under (topics, type, year, organisation) and of every value's label is read with a few
queries and kept in the cache SITE (home/caching.py), which any change of a material or a
taxonomy makes stale (config/caches.py); it is built again right after the request that
made the change (`rebuild_catalogues`). Counting a few thousand materials for any
combination of filters then takes milliseconds in Python.

Values of one facet widen the result (this topic or that one), facets narrow it (this topic
and this type). Each value's count is what the result would hold with that value chosen
under the other facets' filters, as shops and catalogues count.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from django.utils.translation import gettext_lazy as _

from home.caching import SITE, cached, is_pending, version
from home.models import Organisation
from library.models import LibraryIndexPage, MaterialPage, MaterialType, Topic, year_from


@dataclass(frozen=True)
class FacetKind:
    """A facet: its GET parameter and heading, the column of MaterialPage it reads (None
    for the topics, which are many), and the taxonomy of its values (None for the year)."""

    name: str
    label: str
    column: str | None
    model: type | None = None

    def order(self, item):
        """How the facet lists a taxonomy's values."""
        if self.model is Organisation:
            return (item.name,)
        return (item.sort_order, item.name)


# Choices of filters whose counts of all materials a catalogue keeps (Catalogue.counted).
MAX_TALLIES = 256
FACETS = [
    FacetKind("topic", _("Topic"), None, Topic),
    FacetKind("type", _("Material type"), "material_type_id", MaterialType),
    FacetKind("year", _("Year"), "year"),
    FacetKind("organisation", _("Organisation"), "organisation_id", Organisation),
]
NO_FILTERS = {kind.name: [] for kind in FACETS}
NEWEST_FIRST = ("-year", "-first_published_at", "-pk")


class Values(dict):
    """{what a column holds: the facet values it files a material under}: () for none, a
    1-tuple otherwise, one object for equal values (which keeps the pickled catalogue
    small). A taxonomy's ids are filled in with their slugs; other values stand for
    themselves."""

    def __missing__(self, key):
        value = self[key] = () if key is None else (str(key),)
        return value


@dataclass(frozen=True)
class Catalogue:
    # {pk: (topic slugs, type slugs, years, organisation slugs)}, in the order of FACETS
    filed: dict
    # {facet name: {value: (order, label)}} of every value of the taxonomies
    labels: dict
    # The counts of all materials per choice of filters (counted()): without filters from
    # the build on, kept in the cache with the catalogue; others as this process counts them.
    tallies: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def positions(self):
        """{pk: position} in the order NEWEST_FIRST, which `filed` keeps."""
        return {pk: number for number, pk in enumerate(self.filed)}

    def newest_first(self, pks):
        """The materials `pks` (of this catalogue), newest first."""
        return sorted(pks, key=self.positions.__getitem__)

    def counted(self, selected):
        """tally() of all materials under the filters `selected`, kept for this catalogue
        (a new version is a new catalogue). Callers must not change what it returns."""
        key = tuple(tuple(sorted(set(selected[kind.name]))) for kind in FACETS)
        if key not in self.tallies:
            if len(self.tallies) >= MAX_TALLIES:
                self.tallies.clear()
            self.tallies[key] = tally(self.filed.items(), selected)
        return self.tallies[key]


# This process's copy of the newest catalogue of each library, with its version: the
# version is read from the cache on every request, the catalogue unpickled only when new.
_kept = {}


def catalogue_of(library):
    """The catalogue of the visible materials below `library`."""
    if is_pending(SITE):  # this transaction changed what it is built from
        return build(library)
    current = version(SITE)
    kept = _kept.get(library.pk)
    if kept is None or kept[0] != current:
        kept = current, cached(SITE, f"library-catalogue:{library.pk}", lambda: build(library))
        _kept[library.pk] = kept
    return kept[1]


def rebuild_catalogues():
    """Builds the catalogue of each library for the current version, unless it is built."""
    for library in LibraryIndexPage.objects.all():
        catalogue_of(library)


def build(library):
    """The catalogue in five queries without joins: the taxonomies, the materials, the
    links between materials and topics."""
    taxonomies = {kind: list(kind.model.objects.all()) for kind in FACETS if kind.model}
    values = {
        kind: Values({item.pk: (item.slug,) for item in items})
        for kind, items in taxonomies.items()
    }
    # Newest first, the list's usual order: the catalogue keeps it (Catalogue.newest_first).
    materials = MaterialPage.objects.descendant_of(library).visible().order_by(*NEWEST_FIRST)
    columns = [kind.column for kind in FACETS[1:]]
    kinds = [values.get(kind, Values()) for kind in FACETS[1:]]
    filed = {pk: row for pk, *row in materials.values_list("pk", *columns)}
    topics_of = defaultdict(list)
    topic_slugs = values[FACETS[0]]
    links = MaterialPage.topics.through.objects.values_list("materialpage_id", "topic_id")
    for pk, topic in links.order_by():
        if pk in filed:  # links of drafts and hidden materials are left out
            topics_of[pk] += topic_slugs[topic]
    for pk, row in filed.items():
        filed[pk] = (
            tuple(topics_of[pk]),
            *[kind[value] for kind, value in zip(kinds, row, strict=True)],
        )
    labels = {
        kind.name: {item.slug: (kind.order(item), item.name) for item in items}
        for kind, items in taxonomies.items()
    }
    catalogue = Catalogue(filed, labels)
    catalogue.counted(NO_FILTERS)  # kept with it: the list without filters, a free text
    return catalogue


def count(catalogue, selected, among=None):
    """For the materials of the catalogue (or only those `among` these ids), each facet's
    Counter of values under the other facets' chosen values, and the ids of the materials
    under all of them."""
    filed = catalogue.filed
    if among is None:
        return catalogue.counted(selected)
    among = set(among)
    if 2 * len(among) <= len(filed):
        # Found by the search; those no longer visible are left out.
        return tally([(pk, filed[pk]) for pk in among if pk in filed], selected)
    # Most are found (a common word): counting those not found and taking them from the
    # counts of all, which this process keeps, is quicker and comes to the same.
    counts, passing = catalogue.counted(selected)
    rest = [(pk, values) for pk, values in filed.items() if pk not in among]
    rest_counts, rest_passing = tally(rest, selected)
    left_out = set(rest_passing)
    return (
        [total - others for total, others in zip(counts, rest_counts, strict=True)],
        [pk for pk in passing if pk not in left_out],
    )


def tally(materials, selected):
    """count() for the (pk, values) of `materials`."""
    chosen = [(number, set(selected[kind.name])) for number, kind in enumerate(FACETS)]
    active = [(number, wanted) for number, wanted in chosen if wanted]
    passing, failing_one = [], [[] for _kind in FACETS]
    for pk, values in materials:
        failed = [number for number, wanted in active if wanted.isdisjoint(values[number])]
        if not failed:
            passing.append((pk, values))
        elif len(failed) == 1:  # it counts for the values of the one facet it fails
            failing_one[failed[0]].append(values)
    counts = [
        Counter(
            chain(
                chain.from_iterable(values[number] for _pk, values in passing),
                chain.from_iterable(values[number] for values in failing_one[number]),
            )
        )
        for number, _kind in enumerate(FACETS)
    ]
    return counts, [pk for pk, _values in passing]


def listed(kind, counts, labels, chosen):
    """(value, label, count) of the values `kind` shows, in its order: those counted and
    the chosen ones counting nothing (unknown ones left out)."""
    values = dict(counts)
    for value in chosen:
        known = year_from(value) if kind.model is None else value in labels
        if known and value not in values:
            values[value] = 0
    if kind.model is None:
        return [(value, value, values[value]) for value in sorted(values, key=int, reverse=True)]
    shown = [(value, *labels.get(value, ((), value)), number) for value, number in values.items()]
    shown.sort(key=lambda row: row[1])
    return [(value, label, number) for value, _order, label, number in shown]
