"""Fixtures of the browser tests: Debian's Chromium, driven by Playwright, against pytest-django's
live server with the demo content of `home.demo.generate()`.

Needs `/usr/bin/chromium` (`make browser-deps` installs it). Every test module marks itself with
`pytestmark = pytest.mark.browser`, so `pytest -m "not browser"` leaves them out.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from tests.browser.viewports import DESKTOP, PHONE

# Playwright's sync API keeps an event loop running in the test thread; without this Django
# refuses database access from fixtures and tests in that thread (SynchronousOnlyOperation).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (Debian package chromium).")
    # The snapshot of the freshly migrated test database that serialized rollback restores.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Django keeps its connections in an asgiref Local, which becomes context-local once an
        # event loop runs in the thread: from here on the test thread gets new connection
        # objects (to the same test database) that lack the snapshot. Hand it over.
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe():
    """axe-core, run in a page by `axe.run(page)` (tests/browser/test_accessibility.py)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh browser context (German, no cookies) of the given viewport.
    Each page collects in `page.problems` its uncaught JavaScript errors and console errors
    (among them Content-Security-Policy violations and resources that failed to load)."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="de-DE")
        context.set_default_timeout(5_000)  # the live server answers at once; fail fast
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(f"JavaScript error: {error}"))
        page.on(
            "console",
            lambda message: (
                page.problems.append(f"console error: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop-sized page (1280 × 900)."""
    return new_page()


@pytest.fixture
def phone_page(new_page):
    """A phone-sized page (390 × 844)."""
    return new_page(PHONE)


@pytest.fixture
def demo_site(django_db_serialized_rollback, transactional_db, live_server):
    """The demo page tree, served by the live server; yields the server's base URL.

    The live server runs in another thread, so the data must be committed (transactional_db),
    and each test ends by emptying the database. The serialized rollback restores what the
    migrations created (Wagtail's root page, default Site, root collection, groups) before the
    next test, so that each test builds the tree anew."""
    from home import demo

    demo.generate()
    yield live_server.url


@pytest.fixture
def library_site(demo_site):
    """The demo site with the knowledge database's demo materials and their files (takes
    about ten seconds more than `demo_site`); yields the server's base URL."""
    from library import demo

    demo.generate()
    return demo_site


@pytest.fixture
def events_site(library_site):
    """The demo site with the events: »Veranstaltungen«, the congresses of 2016 and 2017 and
    next year's congress open for registration; yields the server's base URL."""
    from events import demo

    demo.generate()
    return library_site


@pytest.fixture
def community_site(events_site):
    """The demo site with the member area: the page »Netzwerk«, the approved demo members
    of ten carriers, among them the moderator, and one account waiting for approval; yields
    the server's base URL. The demo accounts have no password: see `known_password`."""
    from community import demo

    demo.generate()
    return events_site


@pytest.fixture
def known_password(transactional_db):
    """A function that gives the account of an e-mail address a password and returns it:
    the demo accounts have none."""
    from django.contrib.auth import get_user_model

    def give(email, password="ein-langes-testpasswort"):
        user = get_user_model().objects.get(email__iexact=email)
        user.set_password(password)
        user.save(update_fields=["password"])
        return password

    return give


@pytest.fixture
def log_in(live_server, known_password):
    """A function that logs `page` in through the site's login form at /konto/login/ with an
    e-mail address and its password (by default a demo account with a password given by
    `known_password`), and waits until the login has gone through."""

    def log_in(page, email, password=None):
        if password is None:
            password = known_password(email)
        page.goto(live_server.url + "/konto/login/")
        form = page.get_by_role("main").locator("form")
        form.get_by_label("E-Mail", exact=True).fill(email)
        form.get_by_label("Passwort", exact=True).fill(password)
        form.get_by_role("button", name="Anmelden").click()
        expect(page).not_to_have_url(re.compile(r"/konto/login/"))

    return log_in
