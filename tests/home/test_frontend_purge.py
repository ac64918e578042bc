"""Changes purge the frontend cache (home/frontend_cache.py). A real HTTP server in a thread
stands in for Varnish and records the PURGE and BAN requests the site sends to it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
)
from tests.helpers import commit

pytestmark = pytest.mark.django_db


@pytest.fixture
def varnish(settings, home_page):
    """The (method, Host, path) of every request the fake Varnish received, from when the
    start page and its site settings exist."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            self.record()

        def do_BAN(self):
            self.record()

        def record(self):
            received.append((self.command, self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    commit()  # what building the start page and its settings sent
    received.clear()
    yield received
    server.shutdown()
    server.server_close()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def news_page(news_index):
    return NewsPageFactory(parent=news_index, title="Tandems in Leipzig", slug="tandems")


def purged(received):
    return {path for method, host, path in received if method == "PURGE" and host == "localhost"}


def banned(received):
    return [path for method, host, path in received if method == "BAN"]


def test_publishing_a_news_page_purges_it_the_news_list_and_the_start_page(varnish, news_page):
    news_page.title = "Tandems in Leipzig und Halle"
    news_page.save_revision().publish()
    commit()

    assert {"/meldungen/tandems/", "/meldungen/", "/"} <= purged(varnish)
    assert banned(varnish) == []


def test_purge_goes_out_after_the_commit(varnish, news_page):
    news_page.save_revision().publish()
    assert "/meldungen/" not in purged(varnish)

    commit()

    assert {"/meldungen/tandems/", "/meldungen/", "/"} <= purged(varnish)


def test_unpublishing_a_news_page_purges_it_and_its_listings(varnish, news_page):
    news_page.unpublish()
    commit()

    assert {"/meldungen/tandems/", "/meldungen/", "/"} <= purged(varnish)


def test_deleting_a_news_page_purges_it_and_its_listings(varnish, news_page):
    news_page.delete()
    commit()

    assert {"/meldungen/tandems/", "/meldungen/", "/"} <= purged(varnish)


def test_moving_a_news_page_purges_its_old_and_new_address_and_both_lists(
    varnish, home_page, news_page
):
    archive = NewsIndexPageFactory(parent=home_page, title="Archiv", slug="archiv")
    news_page.move(archive, pos="last-child")
    commit()

    assert {"/meldungen/tandems/", "/meldungen/", "/archiv/tandems/", "/archiv/", "/"} <= purged(
        varnish
    )
    assert banned(varnish) == []


def test_saving_site_settings_bans_everything(varnish, site_settings):
    site_settings.tagline = "Neue Unterzeile"
    site_settings.save()
    commit()

    assert banned(varnish) == ["/"]


def test_publishing_a_page_of_the_main_menu_bans_everything(varnish, news_index):
    news_index.title = "Aktuelles"
    news_index.save_revision().publish()
    commit()

    assert banned(varnish) == ["/"]


def test_restricting_a_page_bans_everything(varnish, home_page):
    page = ContentPageFactory(parent=home_page)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    commit()

    assert banned(varnish) == ["/"]


def test_changing_a_snippet_shown_in_pages_bans_everything(varnish, home_page):
    OrganisationFactory(name="Stiftung Ankommen Hamburg")
    commit()

    assert banned(varnish) == ["/"]


def test_nothing_is_sent_without_a_frontend_cache(settings, varnish, news_index, news_page):
    settings.WAGTAILFRONTENDCACHE = {}
    news_page.save_revision().publish()
    news_index.save_revision().publish()
    commit()

    assert varnish == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker's own commits
def test_the_worker_purges_a_page_again_once_it_has_indexed_it(settings, varnish, news_page):
    """Between the commit and the search index's update in the task worker, a visitor's view
    of a listing's free text may be kept with the old index: it is purged again."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    news_page.title = "Tandems in Leipzig und Halle"
    news_page.save_revision().publish()
    commit()
    assert "/meldungen/tandems/" in purged(varnish)
    varnish.clear()

    call_command("db_worker", "--batch", "--no-startup-delay")
    commit()

    assert purged(varnish) >= {"/meldungen/tandems/", "/meldungen/"}
