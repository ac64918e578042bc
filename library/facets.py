"""The facets of the knowledge database's list and how they count.

Counting needs no query: a catalogue of what every visible material of the library is filed
under (topics, type, year, organisation) and of every value's label is read with a few
queries and kept under the site cache's version (home/site_cache.py), so that any change of
a material or a taxonomy makes it stale. Counting a few thousand materials for any
combination of filters then takes milliseconds in Python.

Values of one facet widen the result (this topic or that one), facets narrow it (this topic
and this type). Each value's count is what the result would hold with that value chosen
under the other facets' filters, as shops and catalogues count.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

from django.utils.translation import gettext_lazy as _

from home.models import Organisation
from home.site_cache import cached, version
from library.models import MaterialPage, MaterialType, Topic, year_from


@dataclass(frozen=True)
class FacetKind:
    """A facet: its GET parameter and heading, the field of MaterialPage it reads (None
    for the topics, which are many), and the taxonomy of its values (None for the year)."""

    name: str
    label: str
    field: str | None
    model: type | None = None

    def order(self, item):
        """How the facet lists a taxonomy's values."""
        if self.model is Organisation:
            return (item.name,)
        return (item.sort_order, item.name)


FACETS = [
    FacetKind("topic", _("Topic"), None, Topic),
    FacetKind("type", _("Material type"), "material_type__slug", MaterialType),
    FacetKind("year", _("Year"), "year"),
    FacetKind("organisation", _("Organisation"), "organisation__slug", Organisation),
]


@dataclass(frozen=True)
class Catalogue:
    # {pk: (topic slugs, type slugs, years, organisation slugs)}, in the order of FACETS
    filed: dict
    # {facet name: {value: (order, label)}} of every value of the taxonomies
    labels: dict


# This process's copy of the newest catalogue of each library, with its version: the
# version is read from the cache on every request, the catalogue unpickled only when new.
_kept = {}


def catalogue_of(library):
    """The catalogue of the visible materials below `library`."""
    current = version()
    kept = _kept.get(library.pk)
    if kept is None or kept[0] != current:
        kept = current, cached(f"library-catalogue:{library.pk}", lambda: build(library))
        _kept[library.pk] = kept
    return kept[1]


def build(library):
    """The catalogue in five queries: the materials, their topics, the taxonomies. Equal
    values are one object each, which keeps the pickled catalogue small."""
    materials = MaterialPage.objects.descendant_of(library).visible().order_by()
    slugs, singles = {}, {}
    topics_of = defaultdict(list)
    links = MaterialPage.topics.through.objects.filter(materialpage__in=materials.values("pk"))
    for pk, slug in links.values_list("materialpage_id", "topic__slug"):
        topics_of[pk].append(slugs.setdefault(slug, slug))

    def one(value):
        return () if value is None else singles.setdefault(value, (str(value),))

    # The topics first, then the facets of one value each, in the order of FACETS.
    columns = [kind.field for kind in FACETS[1:]]
    filed = {
        pk: (tuple(topics_of.get(pk, ())), *map(one, values))
        for pk, *values in materials.values_list("pk", *columns)
    }
    labels = {
        kind.name: {item.slug: (kind.order(item), item.name) for item in kind.model.objects.all()}
        for kind in FACETS
        if kind.model is not None
    }
    return Catalogue(filed, labels)


def count(filed, selected, among=None):
    """For the materials of `filed` (or only those `among` these ids), each facet's
    Counter of values under the other facets' chosen values, and the ids of the materials
    under all of them."""
    chosen = [(number, set(selected[kind.name])) for number, kind in enumerate(FACETS)]
    active = [(number, wanted) for number, wanted in chosen if wanted]
    materials = filed.items()
    if among is not None:  # found by the search; those no longer visible are left out
        materials = [(pk, filed[pk]) for pk in among if pk in filed]
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
