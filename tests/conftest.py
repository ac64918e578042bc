"""Fixtures shared by the whole suite: a real page tree on the default Site.

`home_page` builds

    Wagtail root (depth 1)
    └─ Startseite (HomePage, depth 2)  <- root page of the default Site

with SiteSettings (tagline, one contact, funding notice, one footer link to another website).
Tests add the pages they need below it with the factories of tests/factories.py.
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from home.models import SiteSettings
from tests.factories import EventIndexPageFactory, HomePageFactory, LibraryIndexPageFactory

SITE_NAME = "Menschen stärken Menschen"


@pytest.fixture(autouse=True)
def empty_cache():
    """Wagtail caches the site root paths; no test sees another test's pages."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The start page as root of the default Site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    site = Site.objects.get(is_default_site=True)
    welcome_page = site.root_page
    home = HomePageFactory(parent=root)
    site.root_page = home
    site.site_name = SITE_NAME
    site.save()
    welcome_page.delete()
    SiteSettings.objects.create(
        site=site,
        tagline="Patenschaften, Mentoring und Lotsenprojekte",
        contacts=[
            {
                "type": "contact",
                "value": {
                    "name": "Dr. Ansgar Klein",
                    "role": "Geschäftsführer des BBE",
                    "phone": "(0 30) 6 29 80-1 10",
                    "email": "ansgar.klein@b-b-e.de",
                },
            }
        ],
        funding_notice="Das Programm wird gefördert vom Bundesfamilienministerium.",
        funder_name="Bundesministerium für Familie, Senioren, Frauen und Jugend",
        footer_links=[
            {
                "type": "link",
                "value": {
                    "label": "Bundesnetzwerk Bürgerschaftliches Engagement",
                    "page": None,
                    "url": "https://www.b-b-e.de/",
                },
            }
        ],
    )
    home.refresh_from_db()
    return home


@pytest.fixture
def library(home_page):
    """»Wissensdatenbank« (the knowledge database) below the start page."""
    return LibraryIndexPageFactory(parent=home_page)


@pytest.fixture
def events_index(home_page):
    """»Veranstaltungen« below the start page."""
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def site_settings(site):
    return SiteSettings.objects.get(site=site)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content (`manage.py load_demo_content`), loaded once per test module: it
    takes 15–60 s, too long to build for every test. As Django's setUpTestData does, it is
    loaded inside a transaction that is rolled back after the module; each test (`db`) runs
    in a savepoint within it, so the tests of the module see the same demo content and
    nothing of each other's changes, and the next module an empty database again. Tests
    that use it request `db` (or mark themselves django_db) as well. Every test of such a
    module must use it: it stays loaded until the module's last test. Its value is what the
    loader printed."""
    outer, output = transaction.atomic(), io.StringIO()
    with django_db_blocker.unblock():
        outer.__enter__()
        call_command("load_demo_content", stdout=output)
    yield output.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        cache.clear()


@pytest.fixture
def shared_cache(tmp_path, settings):
    """A cache in files that a test and the processes it starts share (CACHE_DIR), visitors' whole
    pages kept in it."""
    location = tmp_path / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache_backends.FileBasedCache",
            "LOCATION": str(location),
        }
    }
    settings.PAGE_CACHE = True
    return location
