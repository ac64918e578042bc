"""The results page of the site-wide search and the suggestions while typing."""

import hashlib
import logging
from functools import partial
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from home.caching import SEARCH, SITE, cached
from home.groups import audience
from home.pagination import page_of
from library.browse import SEARCH_UNAVAILABLE
from library.models import Topic
from search.cache import cached_hits
from search.language import clean, highlight_stems, words
from search.models import SearchTerm, SynonymGroup
from search.sources import KINDS_BY_KEY, Sources

logger = logging.getLogger(__name__)

PER_PAGE = 10
SUGGESTIONS = 6


@require_GET
def search(request):
    query = clean(request.GET.get("q", ""))
    # A callable: the template reads the topics only where it shows them.
    context = {"query": query, "search_query": query, "topics": popular_topics}
    if words(query):
        try:
            context.update(results(request, query))
        except SEARCH_UNAVAILABLE:
            logger.exception("The search backend is unavailable")
            context["unavailable"] = True
    elif query:
        context["too_general"] = True
    return render(request, "search/search.html", context)


def results(request, query):
    """The hits of `query` for the user: counts per kind, one page of results and the
    editors' picks; the query is counted for the editors' report."""
    sources = Sources(request.user)
    hits = cached_hits(sources, query)
    kind = request.GET.get("type", "")
    if kind not in hits:
        kind = ""
    chosen = hits[kind] if kind else merged(hits)
    total = sum(len(kind_hits) for kind_hits in hits.values())
    page_obj = page_of(chosen, request.GET.get("page"), PER_PAGE)
    stems = highlight_stems(query, SynonymGroup.objects.as_map())
    SearchTerm.objects.record(query, total)
    return {
        "kind": kind,
        "total": total,
        "kinds": [(KINDS_BY_KEY[key], len(kind_hits)) for key, kind_hits in hits.items()],
        "page_obj": page_obj,
        "results": presented(sources, page_obj.object_list, request, query, stems),
        "promotions": promotions(request, query, sources) if page_obj.number == 1 else [],
        "login_url": login_url(request) if not request.user.is_authenticated else "",
    }


def presented(sources, hits, request, query, stems):
    """The Results of one page of hits (titles, addresses, snippets), kept like the hits for
    the people who see the same things, per host and for exactly these hits."""
    hit_keys = " ".join(f"{hit.kind}:{hit.pk}" for hit in hits)
    parts = [audience(request.user), request.get_host(), query, " ".join(sorted(stems)), hit_keys]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return cached(
        (SITE, SEARCH), f"results:{digest}", partial(sources.results, hits, request, stems)
    )


def merged(hits):
    """All hits of every kind, best first."""
    every = [hit for kind_hits in hits.values() for hit in kind_hits]
    return sorted(every, key=lambda hit: -hit.relevance)


def promotions(request, query, sources):
    """The editors' picks for `query` (wagtail.contrib.search_promotions) that the user may
    open. Which queries have picks is cached, so other queries cost no query."""
    query = normalise_query_string(query)
    if query not in promoted_queries():
        return []
    picks = SearchPromotion.objects.filter(query__query_string=query).select_related("page")
    picks = picks.filter(Q(page__isnull=True) | Q(page__in=sources.pages().values("pk")))
    return [
        {
            "title": pick.title,
            "url": pick.page.get_url(request) if pick.page else pick.external_link_url,
            "description": pick.description,
        }
        for pick in picks
    ]


def promoted_queries():
    """The query strings that have editors' picks, kept in the cache SEARCH."""

    def build():
        picks = SearchPromotion.objects.values_list("query__query_string", flat=True)
        return set(picks.distinct())

    return cached(SEARCH, "promoted-queries", build)


def popular_topics():
    """The topics with the most published materials, kept in the cache SITE."""

    def count():
        topics = Topic.objects.annotate(
            count=Count("materials", filter=Q(materials__live=True))
        ).filter(count__gt=0)
        return list(topics.order_by("-count", "name")[:10])

    return cached(SITE, "popular-topics", count)


def login_url(request):
    return f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"


@require_GET
def suggestions(request):
    """Titles of pages the user may open that begin with what has been typed, as JSON."""
    query = clean(request.GET.get("q", ""))
    found = []
    if len(query) >= 2:
        sources = Sources(request.user)
        try:
            pages = sources.pages().autocomplete(query)[:SUGGESTIONS]
            found = [{"title": page.title, "url": page.get_url(request)} for page in pages]
        except SEARCH_UNAVAILABLE:
            logger.exception("The search backend is unavailable")
    response = JsonResponse({"query": query, "suggestions": found})
    response["Cache-Control"] = "private, max-age=60"
    return response
