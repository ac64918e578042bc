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

What a render asks for costs little (issue #28): a request reads the versions once
(`versions`), and each process keeps copies of the values it read or built under their keys
(`LocalCopies`, at most LOCAL_SECONDS), which never stand for another value.

Versions expire after TIMEOUT like the values, and `new_versions()` (restores, `migrate`, the
`new_cache_versions` command) sets new ones for everything and bans the frontend cache.
Where the cache is unreachable, every value is built as if nothing were cached.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import Signal

from home import frontend_cache

SITE = "site"  # what pages show: pages, settings, menus, restrictions, snippets, documents …
SEARCH = "search"  # what the search finds: its index, synonyms, editors' picks, file privacy
NAMES = (SITE, SEARCH)
TIMEOUT = 60 * 60 * 24
# This process's copies of cached values (LocalCopies): at most this long, at most so much.
LOCAL_SECONDS = 60
LOCAL_BYTES = 32 * 1024 * 1024
MISSING = object()

logger = logging.getLogger(__name__)
# {cache name: [functions of no arguments that build again what a new version left missing]}
REBUILT_AFTER_CHANGES = {name: [] for name in NAMES}
# Sent by code that changes rows without model signals (QuerySet.update()), with the model
# as sender and `objects`, the changed objects: the registry treats them as saved.
rows_updated = Signal()
# What the request this thread serves has changed (`changed`: cache names) and the versions
# it read (`versions`: {name: version}; None outside requests).
_this_request = threading.local()


def read_versions(names):
    """{name: current version} of the caches `names`, read from the cache in one round trip;
    a new version where the cache has none (after a restart, a flush or TIMEOUT)."""
    keys = {f"cache-version:{name}": name for name in names}
    found = cache.get_many(keys)
    current = {}
    for key, name in keys.items():
        value = found.get(key)
        if value is None:
            value = time.time_ns()
            if not cache.add(key, value, TIMEOUT):
                value = cache.get(key, value)
        current[name] = value
    return current


def as_names(names):
    """One cache's name or several, as a tuple."""
    return (names,) if isinstance(names, str) else tuple(names)


def versions(names):
    """The current versions of the caches `names`. A request reads them once, at its first
    use, and keeps them to its end (with the versions its own commits set): a change that
    another process commits meanwhile counts from the next request on, as if this one had
    started a moment earlier. A value this request builds is stored under the older version,
    which nobody asks for after the change; `store()` reads the versions afresh."""
    names = as_names(names)
    kept = getattr(_this_request, "versions", None)
    if kept is None:  # outside a request: commands, tasks, the shell
        current = read_versions(names)
    else:
        if not kept:
            kept.update(read_versions(NAMES))
        current = kept
    return tuple(current[name] for name in names)


def version(name):
    """The current version of the cache `name`."""
    return versions(name)[0]


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
        new = {name: time.time_ns() for name in self.names}
        cache.set_many({f"cache-version:{name}": value for name, value in new.items()}, TIMEOUT)
        if getattr(_this_request, "versions", None):
            _this_request.versions.update(new)
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


class LocalCopies:
    """This process's copies of values kept under versioned keys. A key's value never
    changes (a change sets new versions, so new keys), so a copy is right as long as the
    value lives: it is kept at most LOCAL_SECONDS, and at most `budget` bytes in all, the
    least recently used dropped first. Copies are kept pickled, as the cache has them: every
    reader gets its own objects."""

    def __init__(self, budget):
        self.budget, self.size = budget, 0
        self.entries = OrderedDict()  # {key: (expires, pickled value)}
        self.lock = threading.Lock()

    def get(self, key):
        """The pickled value kept under `key`, or None."""
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
        return entry[1]

    def put(self, key, data, timeout):
        if len(data) > self.budget // 8:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (time.monotonic() + min(timeout, LOCAL_SECONDS), data)
            self.size += len(data)
            while self.size > self.budget:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        self.size -= len(self.entries.pop(key)[1])


local_copies = LocalCopies(LOCAL_BYTES)


def lookup(full_key, timeout=TIMEOUT, local=True):
    """The value kept under a key of `key_for()`, or MISSING: this process's copy, else the
    cache's, which is then copied unless not `local`."""
    data = local_copies.get(full_key)
    if data is None:
        data = cache.get(full_key)
        if not isinstance(data, bytes):  # missing, or the cache is unreachable
            return MISSING
        if local:
            local_copies.put(full_key, data, timeout)
    return pickle.loads(data)  # noqa: S301 -- pickled by store(), as django-redis does


def store(names, read, full_key, value, timeout=TIMEOUT, local=True):
    """Keeps `value` under `full_key` (in the cache, and a copy in this process unless not
    `local`) unless the versions moved since they were `read`. Pickled once here for both:
    the cache keeps the bytes as they are."""
    names = as_names(names)
    current = read_versions(names)
    if tuple(current[name] for name in names) == read:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        cache.set(full_key, data, timeout)
        if local:
            local_copies.put(full_key, data, timeout)


def cached(names, key, build, timeout=TIMEOUT, keep=None):
    """The value kept under `key` for the current versions of the caches `names`, built by
    `build()` when missing. `None` is a value like any other; a built value for which
    `keep(value)` is false is returned without being kept."""
    found = key_for(names, key)
    if found is None:
        return build()
    read, full_key = found
    value = lookup(full_key, timeout)
    if value is MISSING:
        value = build()
        if keep is None or keep(value):
            store(names, read, full_key, value, timeout)
    return value


def request_memo():
    """{key: value} that the request this thread serves has read once already and reads no
    more (home/cache_backends.py); None outside requests."""
    return getattr(_this_request, "memo", None)


def rebuild_after_changes(name, function):
    """Has `function()` called after each request that made the cache `name` stale, once its
    response has been sent: an editor's publication does not wait for it, and the next
    visitor finds it built. (After changes outside requests the next visitor builds it.)"""
    REBUILT_AFTER_CHANGES[name].append(function)


def request_starts(**kwargs):
    _this_request.changed = set()
    _this_request.versions = {}
    _this_request.memo = {}


def request_ends(**kwargs):
    names = getattr(_this_request, "changed", set())
    _this_request.changed = set()
    _this_request.versions = None
    _this_request.memo = None
    for name in sorted(names):
        for function in REBUILT_AFTER_CHANGES[name]:
            try:
                function()
            except Exception:  # the response is out; the next visitor builds it after all
                logger.exception("Could not rebuild %s after a change", function.__qualname__)


def connect():
    request_started.connect(request_starts, dispatch_uid="caching-request-starts")
    request_finished.connect(request_ends, dispatch_uid="caching-request-ends")
