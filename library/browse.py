"""Browsing the knowledge database: facets with counts (library/facets.py), a free-text
filter, sorting and pages, all from plain GET parameters, so that every view of the list is
a link to share.

    ?topic=recht-und-aufenthalt&topic=wohnen&type=leitfaden&year=2017&organisation=drk
    &q=Vormundschaft&sort=title&page=2
"""

import hashlib
import logging
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError

from home.caching import SEARCH, SITE, cached
from home.groups import audience
from home.lookups import Ids
from home.pagination import page_of
from library.facets import FACETS, NEWEST_FIRST, catalogue_of, count, listed
from library.models import LibraryDocument, MaterialDocument, MaterialPage

MAX_QUERY_LENGTH = 200
SORTS = {
    "newest": (_("Newest first"), list(NEWEST_FIRST)),
    "title": (_("Title A–Z"), ["title", "pk"]),
    "downloads": (_("Most downloaded"), ["-downloads", "title", "pk"]),
}
DEFAULT_SORT = "newest"
TIMEOUT = 10 * 60  # seconds what a free text found is kept at most

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
    """The ids of what the search backend finds in `queryset` for all `words`, unranked
    and unordered: a query on the database backends (to run or to use as a subquery), the
    ids Elasticsearch returns otherwise."""
    results = queryset.search(words, operator="and", order_by_relevance=False)
    if hasattr(results, "get_queryset"):  # the database backends
        return results.get_queryset().order_by().values_list("pk", flat=True)
    return [item.pk for item in results]


class InOrder:
    """The materials `pks` in this order, for the paginator: a page reads only its own."""

    def __init__(self, pks):
        self.pks = pks

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        pks = self.pks[index]
        found = MaterialPage.objects.filter(pk__in=pks).for_listing().in_bulk()
        return [found[pk] for pk in pks if pk in found]


class MaterialBrowser:
    """The library's list for one request: the materials below `library`. What a free text
    finds is kept in the cache per query and audience (visitors, or people with the same
    groups) until the site or the search index changes."""

    def __init__(self, request, library, per_page=10):
        self.request = request
        self.library = library
        self.per_page = per_page
        self.params = request.GET
        self.query = " ".join(self.params.get("q", "").split())[:MAX_QUERY_LENGTH]
        sort = self.params.get("sort", DEFAULT_SORT)
        self.sort = sort if sort in SORTS else DEFAULT_SORT
        self.selected = {kind.name: self.params.getlist(kind.name) for kind in FACETS}
        self.search_unavailable = False

    def found(self):
        """The ids of the materials the free text finds, kept."""
        parts = [self.library.pk, audience(self.request.user), self.query]
        digest = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()
        try:
            return cached((SITE, SEARCH), f"library-found:{digest}", self.search, TIMEOUT)
        except SEARCH_UNAVAILABLE:
            logger.exception("The search backend is unavailable")
            self.search_unavailable = True
            return []

    def search(self):
        """The ids of the materials whose page or whose files the user may download hold
        the words: text inside members-only files counts only for those who may download
        them. Which of them the list may show (live, not restricted) is the catalogue's
        business."""
        # A lone double quote is a syntax error to SQLite's full-text search: words only.
        words = " ".join(self.query.replace('"', " ").split())
        if not words:
            return []
        documents = search_ids(LibraryDocument.objects.viewable_by(self.request.user), words)
        in_files = MaterialDocument.objects.filter(document__in=documents).order_by()
        in_files = in_files.values_list("page", flat=True)
        pages = search_ids(MaterialPage.objects.all(), words)
        if isinstance(pages, QuerySet):  # one query: the database drops the doubles
            return sorted(in_files.union(pages))
        return sorted({*in_files, *pages})

    # --- Facets -------------------------------------------------------------------------

    @cached_property
    def catalogue(self):
        return catalogue_of(self.library)

    @cached_property
    def counted(self):
        """Each facet's {value: count} and the ids of the materials under every filter."""
        found = self.found() if self.query else None
        return count(self.catalogue, self.selected, found)

    @cached_property
    def facets(self):
        labels = self.catalogue.labels
        counts, _matching = self.counted
        facets = []
        for kind, counted in zip(FACETS, counts, strict=True):
            chosen = self.selected[kind.name]
            values = listed(kind, counted, labels.get(kind.name, {}), chosen)
            facets.append(
                Facet(
                    kind.name,
                    kind.label,
                    [FacetValue(value, label, n, value in chosen) for value, label, n in values],
                )
            )
        return facets

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
        _counts, matching = self.counted
        if self.sort == "newest":  # the catalogue knows the order: a page reads its own
            return InOrder(self.catalogue.newest_first(matching))
        materials = MaterialPage.objects.filter(pk__among=Ids(matching)).for_listing()
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
        """How many materials the filters leave (the paginator needs no COUNT query)."""
        return len(self.counted[1])

    @cached_property
    def page(self):
        number = self.params.get("page", 1)
        return page_of(self.results(), number, self.per_page, count=self.total())

    def sort_options(self):
        return [(key, label, key == self.sort) for key, (label, _order) in SORTS.items()]

    default_sort = DEFAULT_SORT

    @property
    def shareable(self):
        """Whether the list is the same for everyone: without free text (whose hits depend
        on who may read which files), so its HTML may be kept (`{% shared_fragment %}`)."""
        return not self.query

    @property
    def is_filtered(self):
        return bool(self.query) or any(self.selected.values())
