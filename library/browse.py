"""Browsing the knowledge database: facets with counts, a free-text filter, sorting and
pages, all from plain GET parameters, so that every view of the list is a link to share.

    ?topic=recht-und-aufenthalt&topic=wohnen&type=leitfaden&year=2017&organisation=drk
    &q=Vormundschaft&sort=title&page=2

Values of one facet widen the result (this topic or that one), facets narrow it (this topic
and this type). Each value's count is what the result would hold with that value chosen
under the other facets' filters, as shops and catalogues count.
"""

import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError

from home.groups import audience
from home.models import Organisation
from home.pagination import page_of
from home.site_cache import INDEX_VERSION_KEY, version
from library.models import (
    LibraryDocument,
    MaterialDocument,
    MaterialPage,
    MaterialType,
    Topic,
    year_from,
)

MAX_QUERY_LENGTH = 200
SORTS = {
    "newest": (_("Newest first"), ["-year", "-first_published_at", "-pk"]),
    "title": (_("Title A–Z"), ["title", "pk"]),
    "downloads": (_("Most downloaded"), ["-downloads", "title", "pk"]),
}
DEFAULT_SORT = "newest"
TIMEOUT = 10 * 60  # seconds a list's hits and counts are kept at most

logger = logging.getLogger(__name__)
# What Elasticsearch raises when it cannot be reached: the list then says so.
SEARCH_UNAVAILABLE = (TransportError, ApiError)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected(self):
        return [value for value in self.values if value.selected]


@dataclass
class ActiveFilter:
    label: str
    remove_url: str


def search_ids(queryset, words):
    """What the search backend finds in `queryset` for all `words`, unranked: a subquery
    on the database backends, the ids Elasticsearch returns otherwise."""
    results = queryset.search(words, operator="and", order_by_relevance=False)
    if hasattr(results, "get_queryset"):  # the database backends
        return results.get_queryset().values("pk")
    return [item.pk for item in results]


@dataclass(frozen=True)
class FacetKind:
    """A facet: its GET parameter and heading, the relation of MaterialPage it filters and
    counts, the taxonomy of its values (None for the year), and how they are ordered."""

    name: str
    label: str
    relation: str
    model: type = None
    order: tuple = ("sort_order", "name")

    def filter(self, values):
        """The materials with any of the chosen values."""
        if self.model is None:
            return Q(year__in=[year_from(value) for value in values if year_from(value)])
        if self.model is Topic:  # many topics a material: no join that would repeat rows
            chosen = MaterialPage.topics.through.objects.filter(topic__slug__in=values)
            return Q(pk__in=chosen.values("materialpage_id"))
        return Q(**{f"{self.relation}__slug__in": values})


FACETS = [
    FacetKind("topic", _("Topic"), "topics", Topic),
    FacetKind("type", _("Material type"), "material_type", MaterialType),
    FacetKind("year", _("Year"), "year"),
    FacetKind("organisation", _("Organisation"), "organisation", Organisation, ("name",)),
]


class MaterialBrowser:
    """The library's list for one request: the materials below `library`.

    What the filters find and the facets' counts are kept in the cache, for every request
    with the same filters: the site cache's version (home/site_cache.py) changes with any
    material, taxonomy or view restriction, and for free text the search index's version and
    who asks (visitors, or people with the same groups) are part of the key too."""

    def __init__(self, request, library, per_page=10):
        self.request = request
        self.library = library
        self.per_page = per_page
        self.params = request.GET
        self.query = " ".join(self.params.get("q", "").split())[:MAX_QUERY_LENGTH]
        sort = self.params.get("sort", DEFAULT_SORT)
        self.sort = sort if sort in SORTS else DEFAULT_SORT
        self.selected = {kind.name: self.params.getlist(kind.name) for kind in FACETS}
        self.base = MaterialPage.objects.descendant_of(library).visible()
        self.search_unavailable = False
        if self.query:
            # The hits, read once: the facets and the results then need no more than them.
            self.base = MaterialPage.objects.filter(pk__among=self.found())

    def cache_key(self, name, *parts):
        """A key for what the list keeps, stale once the site or (for free text) the search
        index changes."""
        versions = [version()]
        if self.query:
            versions += [version(INDEX_VERSION_KEY), audience(self.request.user), self.query]
        text = "\n".join(str(part) for part in [self.library.pk, *versions, *parts])
        return f"library:{name}:{hashlib.sha256(text.encode()).hexdigest()}"

    def found(self):
        """The ids of the visible materials the free text finds."""
        key = self.cache_key("found")
        found = cache.get(key)
        if found is None:
            try:
                found = self.base.filter(self.text_filter()).order_by()
                found = list(found.values_list("pk", flat=True))
            except SEARCH_UNAVAILABLE:
                logger.exception("The search backend is unavailable")
                self.search_unavailable = True
                return []
            cache.set(key, found, TIMEOUT)
        return found

    def text_filter(self):
        """Materials whose page or whose files the visitor may read hold the words. Text
        inside members-only files counts only for those who may download them."""
        # A lone double quote is a syntax error to SQLite's full-text search: words only.
        words = " ".join(self.query.replace('"', " ").split())
        if not words:
            return Q(pk__in=[])
        documents = search_ids(LibraryDocument.objects.viewable_by(self.request.user), words)
        in_files = MaterialDocument.objects.filter(document__in=documents).values("page")
        pages = search_ids(MaterialPage.objects.live(), words)
        return Q(pk__in=pages) | Q(pk__in=in_files)

    def filtered(self, leave_out=None):
        """The materials under every chosen filter but those of facet `leave_out`."""
        materials = self.base
        for kind in FACETS:
            if kind.name != leave_out and self.selected[kind.name]:
                materials = materials.filter(kind.filter(self.selected[kind.name]))
        return materials

    # --- Facets -------------------------------------------------------------------------

    @cached_property
    def facets(self):
        """Each facet with its values and their counts under the other facets' filters."""
        chosen = [sorted(set(self.selected[kind.name])) for kind in FACETS]
        key = self.cache_key("facets", json.dumps(chosen))
        counted = cache.get(key)
        if counted is None:
            counted = [self.facet_values(kind) for kind in FACETS]
            if not self.search_unavailable:
                cache.set(key, counted, TIMEOUT)
        return [
            Facet(
                kind.name,
                kind.label,
                [
                    FacetValue(value, label, count, value in self.selected[kind.name])
                    for value, label, count in values
                ],
            )
            for kind, values in zip(FACETS, counted, strict=True)
        ]

    def facet_values(self, kind):
        """(value, label, count) of one facet's values under the other facets' filters, in
        one query that groups the materials by the value; a chosen value counting nothing is
        listed too (its label costs a query then)."""
        if kind.model is None:
            fields = {"value": F(kind.relation), "label": F(kind.relation)}
        else:
            fields = {
                "value": F(f"{kind.relation}__slug"),
                "label": F(f"{kind.relation}__name"),
                **{key: F(f"{kind.relation}__{key}") for key in kind.order},
            }
        rows = (
            self.filtered(leave_out=kind.name)
            .order_by()
            .values(**fields)
            .annotate(count=Count("pk"))
            .filter(value__isnull=False)
        )
        rows = list(rows) + self.missing_choices(kind, {str(row["value"]) for row in rows})
        if kind.model is None:
            rows.sort(key=lambda row: -int(row["value"]))
        else:
            rows.sort(key=lambda row: tuple(row[key] or 0 for key in kind.order))
        return [(str(row["value"]), str(row["label"]), row["count"]) for row in rows]

    def missing_choices(self, kind, counted):
        """Rows with count 0 for the chosen values of `kind` that the result lacks."""
        missing = [value for value in self.selected[kind.name] if value not in counted]
        if not missing:
            return []
        if kind.model is None:
            years = [year for year in missing if year_from(year)]
            return [{"value": year, "label": year, "count": 0} for year in years]
        found = kind.model.objects.filter(slug__in=missing)
        return [
            {"value": item.slug, "label": item.name, "count": 0}
            | {key: getattr(item, key) for key in kind.order}
            for item in found
        ]

    @property
    def chosen_count(self):
        """How many facet values are chosen (the search term is no facet)."""
        return sum(len(facet.selected) for facet in self.facets)

    def active_filters(self):
        """Each chosen value and the free text, with a link that removes just that."""
        active = []
        if self.query:
            active.append(ActiveFilter(f"»{self.query}«", self.url_without("q", self.query)))
        for facet in self.facets:
            active += [
                ActiveFilter(
                    f"{facet.label}: {value.label}", self.url_without(facet.name, value.value)
                )
                for value in facet.selected
            ]
        return active

    def url_without(self, name, value):
        params = self.params.copy()
        params.setlist(name, [other for other in params.getlist(name) if other != value])
        params.pop("page", None)
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else self.request.path

    # --- Results ------------------------------------------------------------------------

    def results(self):
        materials = self.filtered().for_listing()
        if self.sort == "downloads":
            downloads = (
                MaterialDocument.objects.filter(page=OuterRef("pk"))
                .order_by()
                .values("page")
                .annotate(total=Sum("document__download_count"))
                .values("total")
            )
            materials = materials.annotate(
                downloads=Coalesce(Subquery(downloads, output_field=IntegerField()), Value(0))
            )
        return materials.order_by(*SORTS[self.sort][1])

    def total(self):
        """How many materials the filters leave: the year facet has counted them already
        (every material has one year), which saves the paginator its COUNT query."""
        year = next(facet for facet in self.facets if facet.name == "year")
        chosen = self.selected["year"]
        return sum(value.count for value in year.values if not chosen or value.selected)

    @cached_property
    def page(self):
        number = self.params.get("page", 1)
        return page_of(self.results(), number, self.per_page, count=self.total())

    def sort_options(self):
        return [(key, label, key == self.sort) for key, (label, _order) in SORTS.items()]

    default_sort = DEFAULT_SORT

    @property
    def is_filtered(self):
        return bool(self.query) or any(self.selected.values())
