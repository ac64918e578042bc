"""The hit lists of the search, kept in the cache per query and audience.

Finding the hits is what makes a search slow (thousands of file texts); showing one page of
them is cheap. So the hits of a query are kept for the people who see the same things: all
visitors share them, as does everyone with the same groups. They belong to the cache SEARCH
(home/caching.py), which the registry (config/caches.py) makes stale whenever what the search
finds changes: the search backends call `index_changed()` whenever they index or remove
anything and when `manage.py update_index` has rebuilt an index (search/backends/german.py).
Lists expire after TIMEOUT anyway.
"""

import hashlib

from home.caching import SEARCH, cached, changed
from home.groups import audience

TIMEOUT = 10 * 60


def index_changed(**kwargs):
    changed(SEARCH)


def cached_hits(sources, query):
    """`sources.hits(query)`, from the cache when the same audience searched it since the
    index last changed."""
    digest = hashlib.sha256(f"{audience(sources.user)}\n{query}".encode()).hexdigest()
    return cached(SEARCH, f"hits:{digest}", lambda: sources.hits(query), TIMEOUT)
