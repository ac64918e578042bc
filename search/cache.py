"""The hit lists of the search, kept in the cache per query and audience.

Finding the hits is what makes a search slow (thousands of file texts); showing one page of
them is cheap. So the hits of a query are kept for the people who see the same things: all
visitors share them, as does everyone with the same groups. A new index version makes every
kept list stale at once: the search backends set one whenever they index or remove anything
and when `manage.py update_index` has rebuilt an index (search/backends/german.py), and
search/apps.py whenever page or file privacy or the synonyms change. Lists expire after
TIMEOUT anyway.
"""

import hashlib

from django.core.cache import cache

from home.groups import audience
from home.site_cache import INDEX_VERSION_KEY, new_version, version

TIMEOUT = 10 * 60


def index_changed(**kwargs):
    new_version(INDEX_VERSION_KEY)


def cached_hits(sources, query):
    """`sources.hits(query)`, from the cache when the same audience searched it since the
    index last changed."""
    digest = hashlib.sha256(f"{audience(sources.user)}\n{query}".encode()).hexdigest()
    key = f"search:hits:{version(INDEX_VERSION_KEY)}:{digest}"
    hits = cache.get(key)
    if hits is None:
        hits = sources.hits(query)
        cache.set(key, hits, TIMEOUT)
    return hits
