"""The start page's »Neu in der Wissensdatenbank«: the three newest public materials."""

import datetime

import pytest
from django.utils import timezone

from library.models import MaterialPage
from tests.factories import LibraryIndexPageFactory, MaterialPageFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def block_of(client):
    return soup(client.get("/")).select_one(".latest-materials")


def published(material, days_ago):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    MaterialPage.objects.filter(pk=material.pk).update(first_published_at=when)


def test_start_page_shows_the_three_newest_public_materials(client, home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    for days_ago, title in enumerate(["Neuestes", "Zweites", "Drittes", "Viertes"]):
        published(MaterialPageFactory(parent=library, title=title), days_ago + 1)
    published(MaterialPageFactory(parent=library, title="Intern", access_level="members"), 0)
    MaterialPageFactory(parent=library, title="Entwurf", live=False)

    block = block_of(client)

    assert text_of(block.h2) == "Neu in der Wissensdatenbank"
    assert [text_of(a) for a in block.select(".material-teaser__title a")] == [
        "Neuestes",
        "Zweites",
        "Drittes",
    ]
    all_link = block.select_one(".latest-materials__all a")
    assert all_link["href"] == library.url


def test_start_page_has_no_block_without_materials(client, home_page):
    LibraryIndexPageFactory(parent=home_page)

    assert block_of(client) is None


def test_start_page_has_no_block_without_a_library(client, home_page):
    assert block_of(client) is None
