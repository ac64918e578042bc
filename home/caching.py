"""How the site keeps values in the cache and forgets them: versions set after the commit.

Every cached value belongs to one or more named caches (`SITE`, `SEARCH`), and its key holds
their current versions. config/caches.py, the registry, declares which models each of them
depends on; a change of such a model, made anywhere (admin, command, import, task, shell),
calls `changed()`, which queues the new versions (and the frontend cache's purges) for when
the transaction commits: outside a transaction at once, inside one with its commit, never for
a rollback. Why no stale value can be stored:

- A value is built after its versions were read, and stored under them. A change's commit
  comes before its new version, so a value built from data older than the change is stored
  under a version that is already old once the change shows; nobody reads it again. (The
  databases show committed rows to each statement: PostgreSQL in READ COMMITTED, SQLite with
  `transaction_mode=IMMEDIATE`, where no transaction can commit while another one is open.)
- Before storing, the versions are read again, and the value is dropped if they moved.
- The transaction that made a change and has not committed it reads nothing from the cache
  for the caches it changed (`is_pending`): it builds from what it sees.

Versions expire after TIMEOUT like the values, and `new_versions()` (restores, `migrate`, the
`new_cache_versions` command) sets new ones for everything and bans the frontend cache.
Where the cache is unreachable, every value is built as if nothing were cached.
"""

import logging
import threading
import time

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import Signal

from home import frontend_cache

SITE = "site"  # what pages show: pages, settings, menus, restrictions, snippets, documents …
SEARCH = "search"  # what the search finds: its index, synonyms, editors' picks, file privacy
NAMES = (SITE, SEARCH)
TIMEOUT = 60 * 60 * 24
MISSING = object()

logger = logging.getLogger(__name__)
# {cache name: [functions of no arguments that build again what a new version left missing]}
REBUILT_AFTER_CHANGES = {name: [] for name in NAMES}
# Sent by code that changes rows without model signals (QuerySet.update()), with the model
# as sender and `objects`, the changed objects: the registry treats them as saved.
rows_updated = Signal()
# The caches whose versions the request this thread serves has changed.
_this_request = threading.local()


def version(name):
    """The current version of the cache `name`; a new one where the cache has none (after a
    restart, a flush or TIMEOUT)."""
    key = f"cache-version:{name}"
    current = cache.get(key)
    if current is None:
        current = time.time_ns()
        if not cache.add(key, current, TIMEOUT):
            current = cache.get(key, current)
    return current


def as_names(names):
    """One cache's name or several, as a tuple."""
    return (names,) if isinstance(names, str) else tuple(names)


def versions(names):
    return tuple(version(name) for name in as_names(names))


class Changes:
    """What one transaction changed: the caches it makes stale and what the frontend cache
    must forget. Called once, when the transaction commits."""

    def __init__(self):
        self.names, self.urls, self.pages = set(), set(), set()
        self.everything = self.sent = False

    def add(self, names, urls, everything, pages):
        self.names.update(names)
        self.everything = self.everything or everything
        if self.everything or not frontend_cache.enabled():
            return
        self.urls.update(urls)
        for page in pages:
            if page.pk not in self.pages:  # a page's parts change with it
                self.pages.add(page.pk)
                self.urls.update(frontend_cache.listed_urls(page))

    def __call__(self):
        self.sent = True
        for name in sorted(self.names):
            cache.set(f"cache-version:{name}", time.time_ns(), TIMEOUT)
        # Right after the versions: a request the purge lets through finds them new.
        frontend_cache.send(self.urls, self.everything)
        if hasattr(_this_request, "changed"):
            _this_request.changed.update(self.names)


def queued():
    """The Changes this thread's open transaction will send when it commits, if any."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, Changes) and not callback.sent:
            return callback
    return None


def changed(*names, urls=(), pages=(), everything=False):
    """The caches `names` are stale, and the frontend cache must forget `urls`, `pages` with
    the listings that show them, or `everything`, once the current transaction commits: at
    once outside a transaction. A change in a rolled back savepoint still counts when the
    transaction commits: a purge too many, never one too few."""
    changes = queued()
    new = changes is None
    changes = Changes() if new else changes
    changes.add(names, urls, everything, pages)
    if new:
        transaction.on_commit(changes, robust=True)  # outside a transaction: now


def new_versions():
    """Everything cached is stale: after a restore, a migration or by hand."""
    changed(*NAMES, everything=True)


def is_pending(names):
    """Whether this thread's open transaction changed what the caches `names` depend on."""
    changes = queued()
    return changes is not None and not changes.names.isdisjoint(as_names(names))


def key_for(names, key):
    """(the versions read now, the full key of `key` under them), or None while this
    thread's transaction has changed what the caches depend on."""
    names = as_names(names)
    if is_pending(names):
        return None
    read = versions(names)
    return read, f"cache:{'-'.join(names)}:{'-'.join(map(str, read))}:{key}"


def store(names, read, full_key, value, timeout=TIMEOUT):
    """Keeps `value` under `full_key` unless the versions moved since they were `read`."""
    if versions(names) == read:
        cache.set(full_key, value, timeout)


def cached(names, key, build, timeout=TIMEOUT):
    """The value kept under `key` for the current versions of the caches `names`, built by
    `build()` when missing. `None` is a value like any other."""
    found = key_for(names, key)
    if found is None:
        return build()
    read, full_key = found
    value = cache.get(full_key, MISSING)
    if value is MISSING:
        value = build()
        store(names, read, full_key, value, timeout)
    return value


def template_version(name):
    """The version for a fragment cached in a template (`{% cache … version %}`): a fresh
    one, which nothing is stored under, while this thread's transaction changed the cache."""
    return f"pending-{time.time_ns()}" if is_pending(name) else version(name)


def rebuild_after_changes(name, function):
    """Has `function()` called after each request that made the cache `name` stale, once its
    response has been sent: an editor's publication does not wait for it, and the next
    visitor finds it built. (After changes outside requests the next visitor builds it.)"""
    REBUILT_AFTER_CHANGES[name].append(function)


def request_starts(**kwargs):
    _this_request.changed = set()


def request_ends(**kwargs):
    names = getattr(_this_request, "changed", set())
    _this_request.changed = set()
    for name in sorted(names):
        for function in REBUILT_AFTER_CHANGES[name]:
            try:
                function()
            except Exception:  # the response is out; the next visitor builds it after all
                logger.exception("Could not rebuild %s after a change", function.__qualname__)


def connect():
    request_started.connect(request_starts, dispatch_uid="caching-request-starts")
    request_finished.connect(request_ends, dispatch_uid="caching-request-ends")
