"""The race between an editor's transaction and a visitor (home/caching.py): a visitor whose
request is served while the editor's change is saved but not yet committed must not leave a
copy of the old state that is served after the commit. A second connection renders the page
from inside the editor's transaction (a signal receiver waits for it), then the editor
commits and the next visitor must see the change.

PostgreSQL only: there a second connection reads the committed state while a transaction is
open; SQLite's shared in-memory test database makes it wait for the lock instead."""

import threading

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from tests.factories import ContentPageFactory
from tests.helpers import soup, text_of

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs a second connection that reads while a transaction is open",
    ),
]


@pytest.fixture
def page(home_page):
    with override_settings(PAGE_CACHE=True):
        yield ContentPageFactory(parent=home_page, title="Über das Programm", slug="programm")


def visit_from_another_connection(url):
    """A visitor's request in a thread of its own (its own database connection), waited for."""
    seen = {}

    def visit():
        try:
            response = Client().get(url)
            seen["status"] = response.status_code
            seen["title"] = text_of(soup(response).h1) if response.status_code == 200 else None
        finally:
            connection.close()

    thread = threading.Thread(target=visit)
    thread.start()
    thread.join(timeout=60)
    return seen


def during(signal, sender=None):
    """Connects a receiver that has a visitor served from another connection while the
    editor's transaction is open; returns what that visitor saw."""
    seen = {}

    def receiver(instance, **kwargs):
        seen.update(visit_from_another_connection(instance_url(instance)))

    signal.connect(receiver, sender=sender, weak=False, dispatch_uid="race-visitor")
    return seen, lambda: signal.disconnect(dispatch_uid="race-visitor", sender=sender)


def instance_url(instance):
    page = getattr(instance, "page", instance)
    return page.url


def test_a_title_published_while_a_visitor_is_served_shows_after_the_commit(client, page):
    seen, disconnect = during(page_published)
    try:
        with transaction.atomic():
            page.title = "Programm und Ziele"
            page.save_revision().publish()
    finally:
        disconnect()

    assert seen == {"status": 200, "title": "Über das Programm"}  # the committed state
    assert text_of(soup(client.get(page.url)).h1) == "Programm und Ziele"


def test_a_restriction_saved_while_a_visitor_is_served_holds_after_the_commit(client, page):
    from django.db.models.signals import m2m_changed

    through = PageViewRestriction.groups.through
    seen, disconnect = during(m2m_changed, sender=through)
    try:
        with transaction.atomic():
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.add(Group.objects.get(name="Mitglieder"))
    finally:
        disconnect()

    assert seen["status"] == 200  # still public until the commit
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
