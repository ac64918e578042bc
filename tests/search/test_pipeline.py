"""The search's queries sent together (search/pipeline.py): each query's rows come back as
values_list() would read them, in order; on PostgreSQL every query is on its way to the
server before the first rows are read."""

import pytest
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext

from home.models import Organisation
from search.pipeline import fetched
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(db):
    return [
        OrganisationFactory(name=name, city=city)
        for name, city in [("Caritasverband", "Köln"), ("Diakonie", "Berlin")]
    ]


def row_sets():
    ordered = Organisation.objects.order_by("name")
    return [
        # An annotation between fields, as the search's ranked rows have (pk, score, name).
        ordered.annotate(score=Value(1.5)).values_list("pk", "score", "name"),
        ordered.filter(pk__in=[]).values_list("pk"),  # no query at all
        [(7, "read before")],
        ordered.filter(city="Berlin").values_list("city", "name"),
    ]


def test_rows_come_back_in_order_as_values_list_reads_them(organisations):
    caritas, diakonie = organisations
    expected = [list(row_set) for row_set in row_sets()]

    assert list(fetched(row_sets())) == expected
    assert expected[0] == [(caritas.pk, 1.5, "Caritasverband"), (diakonie.pk, 1.5, "Diakonie")]
    assert expected[1:] == [[], [(7, "read before")], [("Berlin", "Diakonie")]]


def test_postgresql_gets_every_query_before_the_first_rows_are_read(organisations):
    with CaptureQueriesContext(connection) as captured:
        rows = fetched(row_sets())
        first = next(rows)
        sent_before_reading = len(captured.captured_queries)
        rest = list(rows)

    assert len(first) == 2 and len(rest) == 3
    # Two of the four row sets need a query; SQLite runs them one after the other.
    assert sent_before_reading == (2 if connection.vendor == "postgresql" else 1)
    assert len(captured.captured_queries) == 2
