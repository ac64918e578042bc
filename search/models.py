"""What editors keep for the search (synonyms) and what it learns (which queries people
type, and which find nothing)."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.caching import SEARCH, cached
from search.language import clean, stem


def split_terms(text):
    """The terms of a synonym group as editors type them: one a line or separated by commas."""
    terms = (" ".join(term.split()) for line in text.splitlines() for term in line.split(","))
    return [term for term in terms if term]


class SynonymGroupQuerySet(models.QuerySet):
    def as_map(self):
        """{stem of a term: the group's other terms}, kept in the cache SEARCH."""

        def build():
            synonyms = {}
            for group in self.all():
                terms = split_terms(group.terms)
                for term in terms:
                    others = [other for other in terms if other != term]
                    synonyms.setdefault(stem(term), []).extend(others)
            return synonyms

        return cached(SEARCH, "synonyms", build)


class SynonymGroup(models.Model):
    """Words that mean the same to the programme's people: a search for one finds all."""

    terms = models.TextField(
        _("terms"),
        max_length=1000,
        help_text=_(
            "Words that mean the same, separated by commas, e.g. »Patenschaft, Mentoring, "
            "Tandem, Lotsen«. A search for any of them finds pages with each of them; "
            "plurals and other forms are found as well."
        ),
    )

    objects = SynonymGroupQuerySet.as_manager()

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return ", ".join(split_terms(self.terms))


class SearchTermQuerySet(models.QuerySet):
    def record(self, query, hits):
        """Count one search for `query` today with its number of `hits`."""
        query = clean(query).lower()[:200]
        today = timezone.localdate()
        updated = self.filter(query=query, day=today).update(searches=F("searches") + 1, hits=hits)
        if not updated:
            self.get_or_create(query=query, day=today, defaults={"hits": hits})

    def since(self, day):
        return self.filter(day__gte=day)

    def popular(self, day, limit=50):
        """{query, total, most_hits} of the queries typed most often since `day`."""
        rows = (
            self.since(day)
            .values("query")
            .annotate(total=models.Sum("searches"), most_hits=models.Max("hits"))
        )
        return rows.order_by("-total", "query")[:limit]

    def without_results(self, day, limit=50):
        return self.popular(day, limit=None).filter(most_hits=0)[:limit]


class SearchTerm(models.Model):
    """How often a query was searched on a day and how many results it had. Queries only:
    no user, no address, nothing that points to a person."""

    query = models.CharField(_("query"), max_length=200)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=1)
    hits = models.PositiveIntegerField(_("results"), default=0)

    objects = SearchTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_term_once_a_day")
        ]

    def __str__(self):
        return self.query
