"""Browsing the knowledge database: facets with counts, a free-text filter, sorting and
pages, all from plain GET parameters, so that every view of the list is a link to share.

    ?topic=recht-und-aufenthalt&topic=wohnen&type=leitfaden&year=2017&organisation=drk
    &q=Vormundschaft&sort=title&page=2

Values of one facet widen the result (this topic or that one), facets narrow it (this topic
and this type). Each value's count is what the result would hold with that value chosen
under the other facets' filters, as shops and catalogues count.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from home.models import Organisation
from home.pagination import page_of
from library.models import LibraryDocument, MaterialDocument, MaterialPage, MaterialType, Topic

MAX_QUERY_LENGTH = 200
SORTS = {
    "newest": (_("Newest first"), ["-year", "-first_published_at", "-pk"]),
    "title": (_("Title A–Z"), ["title", "pk"]),
    "downloads": (_("Most downloaded"), ["-downloads", "title", "pk"]),
}
DEFAULT_SORT = "newest"
ORDER = ["sort_order", "name"]  # of topics and types; a GROUP BY query ignores Meta.ordering


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


def topic_filter(values):
    through = MaterialPage.topics.through.objects.filter(topic__slug__in=values)
    return Q(pk__in=through.values("materialpage_id"))


def is_year(value):
    """Four ASCII digits (»²« is a digit to Python, 10**20 is too big for the database)."""
    return len(value) == 4 and value.isascii() and value.isdigit()


def year_filter(values):
    return Q(year__in=[int(value) for value in values if is_year(value)])


FILTERS = {
    "topic": topic_filter,
    "type": lambda values: Q(material_type__slug__in=values),
    "year": year_filter,
    "organisation": lambda values: Q(organisation__slug__in=values),
}


class MaterialBrowser:
    """The library's list for one request: `materials` are the library's materials."""

    def __init__(self, request, materials, per_page=10):
        self.request = request
        self.per_page = per_page
        self.params = request.GET
        self.query = " ".join(self.params.get("q", "").split())[:MAX_QUERY_LENGTH]
        sort = self.params.get("sort", DEFAULT_SORT)
        self.sort = sort if sort in SORTS else DEFAULT_SORT
        self.selected = {name: self.params.getlist(name) for name in FILTERS}
        self.base = materials.visible()
        if self.query:
            self.base = self.base.filter(self.text_filter())

    def text_filter(self):
        """Materials whose page or whose files the visitor may read hold the words. Text
        inside members-only files counts only for those who may download them."""
        # A lone double quote is a syntax error to SQLite's full-text search: words only.
        words = " ".join(self.query.replace('"', " ").split())
        if not words:
            return Q(pk__in=[])
        pages = MaterialPage.objects.live().only("pk").search(words, operator="and")
        documents = (
            LibraryDocument.objects.viewable_by(self.request.user)
            .only("pk")
            .search(words, operator="and")
        )
        with_documents = MaterialDocument.objects.filter(
            document_id__in=[document.pk for document in documents]
        ).values("page_id")
        return Q(pk__in=[page.pk for page in pages]) | Q(pk__in=with_documents)

    def filtered(self, leave_out=None):
        """The materials under every chosen filter but those of facet `leave_out`."""
        materials = self.base
        for name, make_filter in FILTERS.items():
            if name != leave_out and self.selected[name]:
                materials = materials.filter(make_filter(self.selected[name]))
        return materials

    # --- Facets -------------------------------------------------------------------------

    @cached_property
    def facets(self):
        return [
            self.taxonomy_facet("topic", _("Topic"), Topic.objects.order_by(*ORDER)),
            self.taxonomy_facet("type", _("Material type"), MaterialType.objects.order_by(*ORDER)),
            self.year_facet(),
            self.taxonomy_facet(
                "organisation", _("Organisation"), Organisation.objects.order_by("name")
            ),
        ]

    def taxonomy_facet(self, name, label, values):
        """Every value of a taxonomy in one query, each counted under the other filters;
        values that count nothing are left out unless chosen."""
        chosen = self.selected[name]
        in_result = Q(materials__in=self.filtered(leave_out=name))
        counted = values.annotate(count=Count("materials", filter=in_result, distinct=True))
        counted = counted.filter(Q(count__gt=0) | Q(slug__in=chosen))
        return Facet(
            name,
            label,
            [
                FacetValue(value.slug, str(value), value.count, value.slug in chosen)
                for value in counted
            ],
        )

    def year_facet(self):
        chosen = self.selected["year"]
        counted = (
            self.filtered(leave_out="year")
            .order_by()
            .values("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )
        values = [
            FacetValue(str(row["year"]), str(row["year"]), row["count"], str(row["year"]) in chosen)
            for row in counted
        ]
        counted_years = {value.value for value in values}
        values += [
            FacetValue(year, year, 0, True)
            for year in chosen
            if is_year(year) and year not in counted_years
        ]
        return Facet("year", _("Year"), values)

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
