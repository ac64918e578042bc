"""Wagtail's database search backend in German.

PostgreSQL stems with the `german` text-search configuration (its SEARCH_CONFIG); each word
also matches as a prefix of its stem, which finds compounds (»Patenschaft« →
»Patenschaftsvereinbarung«) and forms the stemmer treats apart (»Tandem« → tand, »Tandems« →
tandem). SQLite's FTS5 has no German stemmer: each word matches itself or as a prefix of its
German stem (»Patenschaften« → patenschaft*)."""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as vendor_backend
from modelsearch.query import And, Fuzzy, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page

from search.backends.german import GermanQueries
from search.language import stem

# Shorter stems would match too much as prefixes (»Ei« → ei*).
MIN_PREFIX_LENGTH = 4


def terms(query):
    """The words of a PlainText query, split as PostgreSQL's query compiler splits them."""
    return [term for term in re.split(r"[\s\-]+", query.query_string) if term]


def lexeme(term):
    """A word as to_tsquery() reads it: quoted, and a prefix when its stem is long enough."""
    quoted = term.replace("'", "''").replace("\\", "\\\\")
    return f"'{quoted}'" + (":*" if len(stem(term)) >= MIN_PREFIX_LENGTH else "")


def plain_text(query, invert=False):
    """The words of a PlainText query as to_tsquery() reads them, None without words."""
    lexemes = [("!" if invert else "") + lexeme(term) for term in terms(query)]
    if not lexemes:
        return None
    return "(" + (" & " if query.operator == "and" else " | ").join(lexemes) + ")"


def tsquery_text(query):
    """A query of words, alternatives and combinations (PlainText, And, Or) as one text for
    to_tsquery(): »('patenschaft':* | 'mentoring':*)«; None for other queries. One
    to_tsquery() for the whole query costs Django far less to build than one per word,
    and a search builds it a dozen times."""
    if isinstance(query, PlainText):
        return plain_text(query)
    if not isinstance(query, (And, Or)):
        return None
    parts = [tsquery_text(subquery) for subquery in query.subqueries]
    if not parts or None in parts:
        return None
    return "(" + (" & " if isinstance(query, And) else " | ").join(parts) + ")"


def is_disjunction(query):
    """Whether `query` asks for any of one or more words."""
    if isinstance(query, PlainText):
        return query.operator == "or" or len(terms(query)) <= 1
    return isinstance(query, Or) and all(map(is_disjunction, query.subqueries))


class FoundInIndex(Func):
    """`pk IN (SELECT * FROM search_found_ids(content types, tsquery))`: the rows whose index
    entry matches `query`, found by the text index of their kind alone (search/migrations/
    0004_… and 0005_…; in FROM, the function's query is planned with the calling one)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, query, content_types):
        super().__init__(F("pk"), query)
        self.content_types = "{" + ",".join(map(str, content_types)) + "}"

    def as_sql(self, compiler, connection, **extra_context):
        (pk, pk_params), (query, query_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        # `pk` and `query` are compiled expressions; their values travel as parameters.
        sql = f"{pk} IN (SELECT * FROM search_found_ids(%s::integer[], {query}))"  # noqa: S608
        return sql, (*pk_params, self.content_types, *query_params)


# Joined to a vector, this keeps PostgreSQL from reaching for a text index.
NO_INDEX = Cast(Value(""), SearchVectorField())


def is_numerous(model):
    """Whether there are thousands of `model` to search (pages, files), so that a text
    index finds them faster than testing each; the others (sessions, speakers,
    organisations, questions, profiles) count hundreds."""
    return issubclass(model, (Page, AbstractDocument))


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for)
    backend = vendor_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return german_sqlite_backend()(params)
    if connection.vendor == "postgresql":
        return german_postgres_backend()(params)
    return type(f"German{type(backend).__name__}", (GermanQueries, type(backend)), {})(params)


def german_postgres_backend():
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class GermanPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        def build_tsquery(self, query, config=None):
            text = tsquery_text(query)
            if text is None:
                return super().build_tsquery(query, config)
            return SearchQuery(text, search_type="raw", config=config)

        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config, invert)
            text = plain_text(query, invert)
            return None if text is None else SearchQuery(text, search_type="raw", config=config)

        def build_tsrank(self, vector, query, config=None, boost=1.0):
            # A word's alternatives (spellings, synonyms) are ranked as one query: one
            # ts_rank a vector instead of one for each alternative.
            if isinstance(query, Or) and all(
                isinstance(sub, PlainText) for sub in query.subqueries
            ):
                tsquery = self.build_tsquery(query, config=config)
                rank = SearchRank(vector, tsquery, weights=self.sql_weights)
                return rank * boost if boost != 1.0 else rank
            return super().build_tsrank(vector, query, config=config, boost=boost)

        def search(self, config, start, stop, score_field=None, backend=None):
            # modelsearch's own, except for how rows are matched. The vectors are aliases: a
            # large file's vector is then neither selected, sorted nor sent to Python.
            if isinstance(self.query, (MatchAll, Not, Fuzzy)):
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(self.query, config=config)
            if self.finds_files(score_field):
                # Only which files match: by the indexes alone.
                model = self.queryset.model
                found = FoundInIndex(search_query, get_descendants_content_types_pks(model))
                queryset = self.queryset.filter(found)
                return self._apply_ordering_and_scoring(queryset, None, start, stop)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            aliases = {f"_vector{number}_": vector for number, (vector, _) in enumerate(vectors)}
            queryset = self.queryset.alias(**aliases)
            if is_disjunction(self.query):
                # Any of some words (a typed word and its alternatives): matched in title
                # and body apart, which costs less than joining both for every row where
                # PostgreSQL reads every row (a common word) and uses their own indexes.
                matches = [Q(**{alias: search_query}) for alias in aliases]
                queryset = queryset.filter(reduce(operator.or_, matches))
            else:
                # All of several words: in the joined vector, which has its own index
                # (library/migrations/0005_search_index_title_body.py).
                joined = reduce(
                    lambda left, right: left._combine(right, "||", False), aliases.values()
                )
                if not is_numerous(self.queryset.model):
                    # That index holds every page's and file's words: scanning it for
                    # several words costs more than testing a few hundred short texts.
                    joined = joined._combine(NO_INDEX, "||", False)
                queryset = queryset.alias(_vector_=joined).filter(_vector_=search_query)
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

        def finds_files(self, score_field):
            """Whether the search only asks which files (integer ids, as the function
            needs) match, over all indexed fields: their long texts are best left to the
            indexes; pages' short ones are not."""
            return (
                not self.order_by_relevance
                and score_field is None
                and self.fields is None
                and issubclass(self.queryset.model, AbstractDocument)
            )

    class GermanPostgresSearchBackend(GermanQueries, PostgresSearchBackend):
        query_compiler_class = GermanPostgresSearchQueryCompiler

    return GermanPostgresSearchBackend


def german_sqlite_backend():
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class StemLexeme(Lexeme):
        """A word as FTS5 matches it: the word itself or any word its stem begins."""

        def as_sql(self, compiler, connection):
            word_stem = stem(self.value)
            if len(word_stem) < MIN_PREFIX_LENGTH:
                return '"%s"', [self.value]
            return '("%s" OR "%s"*)', [self.value, word_stem]

    class GermanSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config)
            lexemes = [StemLexeme(term) for term in query.query_string.split()]
            if not lexemes:
                return None
            if query.operator.upper() == "AND":
                combined = reduce(lambda left, right: left & right, lexemes)
            else:
                combined = reduce(lambda left, right: left | right, lexemes)
            return SearchQueryExpression(combined, config=config)

    class GermanSQLiteSearchBackend(GermanQueries, SQLiteSearchBackend):
        query_compiler_class = GermanSQLiteSearchQueryCompiler

    return GermanSQLiteSearchBackend
