"""The cache mechanism (home/caching.py): new versions only for committed changes, a
transaction sees its own changes, and a deployment (`migrate`) or a restore
(`new_cache_versions`) makes everything kept before stale."""

import io
import pickle

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import transaction
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from home.cache_backends import READ_ONCE_PER_REQUEST
from home.caching import (
    NAMES,
    SITE,
    LocalCopies,
    cached,
    changed,
    key_for,
    request_ends,
    request_starts,
    version,
    versions,
)
from tests.helpers import commit, soup, text_of

pytestmark = pytest.mark.django_db


def tagline(client):
    return text_of(soup(client.get("/")).select_one(".brand__tagline"))


def test_a_change_rolled_back_makes_nothing_stale(home_page, site_settings):
    commit()
    before = version(SITE)

    with pytest.raises(RuntimeError), transaction.atomic():
        site_settings.tagline = "Nie gespeichert"
        site_settings.save()
        raise RuntimeError
    commit()

    assert version(SITE) == before


def test_a_committed_change_makes_the_kept_values_stale(home_page, site_settings, client):
    commit()
    assert tagline(client) != "Wissen teilen"
    before = version(SITE)

    site_settings.tagline = "Wissen teilen"
    site_settings.save()
    assert version(SITE) == before  # not before the commit
    commit()

    assert version(SITE) != before
    assert tagline(client) == "Wissen teilen"


def test_the_transaction_that_changed_something_reads_its_own_change(
    home_page, site_settings, client
):
    commit()
    assert cached(SITE, "probe", lambda: "alt") == "alt"

    with transaction.atomic():
        site_settings.tagline = "Wissen teilen"
        site_settings.save()
        assert cached(SITE, "probe", lambda: "neu") == "neu"  # built, not read
        assert tagline(client) == "Wissen teilen"


@pytest.mark.parametrize("command", ["migrate", "new_cache_versions"])
def test_a_deployment_or_a_restore_makes_everything_stale(home_page, command):
    commit()
    before = [version(name) for name in NAMES]
    cached(SITE, "probe", lambda: "alt")

    call_command(command, verbosity=0, stdout=io.StringIO())
    commit()  # outside a test, the command's changes are committed as it runs

    assert all(version(name) != old for name, old in zip(NAMES, before, strict=True))
    assert cached(SITE, "probe", lambda: "neu") == "neu"


# --- This process's copies (LocalCopies) and what a request reads once ------------------------


def test_a_local_copy_is_the_value_for_its_key_until_it_expires():
    copies = LocalCopies(budget=10_000)
    copies.put("a", b"erste", timeout=60)
    copies.put("b", b"zweite", timeout=0)  # expires at once

    assert copies.get("a") == b"erste"
    assert copies.get("b") is None
    assert copies.get("c") is None


def test_every_reader_of_a_kept_value_gets_its_own_objects(home_page):
    commit()
    cached(SITE, "menu", lambda: {"title": "Erste"})

    found = cached(SITE, "menu", lambda: {"title": "nicht gebraucht"})
    found["title"] = "verändert"

    assert cached(SITE, "menu", lambda: {"title": "nicht gebraucht"}) == {"title": "Erste"}


def test_local_copies_stay_within_their_budget_dropping_the_least_used_first():
    copies = LocalCopies(budget=2_000)
    for name in "abcdefghijkl":
        copies.put(name, b"x" * 200, timeout=60)
        copies.get("a")  # used again and again

    assert copies.size <= 2_000
    assert copies.get("a") == b"x" * 200
    assert copies.get("b") is None
    assert copies.get("l") == b"x" * 200


def test_a_value_kept_by_another_process_is_found_under_the_current_versions(home_page):
    commit()
    first = cached(SITE, "answer", lambda: "gebaut")
    read, full_key = key_for(SITE, "answer")
    cache.set(full_key, pickle.dumps("von einem anderen Prozess"))  # as another process would

    assert first == "gebaut"
    assert read == versions(SITE)
    # This process copied what it built; a new key is read from the cache.
    assert cached(SITE, "answer", lambda: "neu gebaut") == "gebaut"
    changed(SITE)
    assert cached(SITE, "answer", lambda: "nach der Änderung") == "nach der Änderung"


def test_the_keys_read_once_per_request_are_wagtails():
    assert ("wagtail_site_root_paths", 2) in READ_ONCE_PER_REQUEST
    assert (SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION) in READ_ONCE_PER_REQUEST


def test_wagtails_site_root_paths_are_read_once_per_request_and_afresh_in_the_next():
    backend = caches["default"]
    key, key_version = SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION
    cache.set(key, ["vorher"], version=key_version)
    request_starts()
    try:
        assert cache.get(key, version=key_version) == ["vorher"]
        # Another process stores new paths: this request keeps what it read …
        LocMemCache.set(backend, key, ["nachher"], version=key_version)
        assert cache.get(key, version=key_version) == ["vorher"]
        # … unless this process deletes them (Wagtail does when a site changes).
        cache.delete(key, version=key_version)
        assert cache.get(key, version=key_version) is None
        LocMemCache.set(backend, key, ["nachher"], version=key_version)
    finally:
        request_ends()
    request_starts()
    try:
        assert cache.get(key, version=key_version) == ["nachher"]
    finally:
        request_ends()
