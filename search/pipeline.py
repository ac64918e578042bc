"""Several queries of one search sent to PostgreSQL together.

A search runs a query for each kind of result. One after the other, the server waits while
Python builds the next query and reads rows, and Python waits while the server searches. In
psycopg's pipeline mode every query is sent before the first answer is read, so the server
searches for the next kinds while Python builds the others and turns rows into hits. Other
databases run the queries one after the other."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet


def fetched(row_sets):
    """The rows of each of `row_sets` (values_list() querysets, or rows already read) as a
    list, in their order. Read the rows of one before asking for the next, and read all."""
    if not pipelined():
        for row_set in row_sets:
            yield list(row_set)
        return
    connection.ensure_connection()
    with connection.connection.pipeline():
        sent = [send(row_set) for row_set in row_sets]
        for compiler, rows in sent:
            yield rows if compiler is None else receive(compiler, rows)


def pipelined():
    """Whether the queries can go together: PostgreSQL through psycopg 3 (not psycopg2) and
    a libpq with pipeline mode."""
    if connection.vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    if not is_psycopg3:
        return False
    from psycopg import Pipeline

    return Pipeline.is_supported()


def send(row_set):
    """(compiler, cursor) of a queryset whose query is sent; (None, rows) for rows."""
    if not isinstance(row_set, QuerySet):
        return None, list(row_set)
    compiler = row_set.query.get_compiler(row_set.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return None, []
    cursor = connection.cursor()
    cursor.execute(sql, params)
    return compiler, cursor


def receive(compiler, cursor):
    """The rows of a sent query, as values_list() returns them."""
    with cursor:
        rows = cursor.fetchall()
    if compiler.has_extra_select:
        rows = [row[: compiler.col_count] for row in rows]
    return list(compiler.results_iter(results=[rows], tuple_expected=True))
