"""The cache mechanism (home/caching.py): new versions only for committed changes, a
transaction sees its own changes, and a deployment (`migrate`) or a restore
(`new_cache_versions`) makes everything kept before stale."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from home.caching import NAMES, SITE, cached, version
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
