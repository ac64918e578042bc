"""Server time of the site-wide search (/suche/?q=…) at scale, for a visitor and a member.

Builds, once, in its own database (bbe_search_benchmark, see benchmarks/settings.py) the
library with 5,000 materials, each with a text file (about 10 % of materials members-only,
whose files only members may read), 500 accounts with profiles and 1,000 questions with
answers (benchmarks/search_data.py), and fills the search index. Then requests 50 mixed
German queries in-process with Django's test client, as a visitor and as an approved member
(group Mitglieder): one round to warm up, then `--rounds` rounds over all queries, each
query once as a new one (no kept hits, search/cache.py) and once repeated. Prints each
query's median and hits, then per role p50, p95 and max over all timed requests, the SQL
queries per request, and whether p95 meets the target of 100 ms.

    # PostgreSQL: the database bbe_search_benchmark on that server, created when missing
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bbe_benchmark \\
        .venv/bin/python benchmarks/search.py [--materials 5000] [--rounds 3]

    # SQLite: /tmp/bbe-benchmark/bbe_search_benchmark.sqlite3
    .venv/bin/python benchmarks/search.py

`--queries` prints the slowest SQL of each role's slowest query, `--explain` with its plan
(EXPLAIN ANALYZE on PostgreSQL). `BENCHMARK_DATABASE` chooses another database.
"""

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

# The project, not this folder, comes first: here `search` would be this script, not the app.
sys.path[0] = str(Path(__file__).resolve().parent.parent)
os.environ.setdefault("BENCHMARK_DATABASE", "bbe_search_benchmark")

from benchmarks import common  # noqa: E402

TARGET_P95_MS = 100
SEARCH_PATH = "/suche/"

# (kind of query, query): what visitors and members type, in German.
QUERIES = [
    ("common word", "Patenschaft"),
    ("common word", "Ehrenamtliche"),
    ("common word", "Geflüchtete"),
    ("common word", "Ausbildung"),
    ("common word", "Kommunen"),
    ("inflected", "Patenschaften"),
    ("inflected", "Leitfäden"),
    ("inflected", "Familie"),
    ("inflected", "Wohnungen"),
    ("inflected", "Schulung"),
    ("inflected", "Jugendlichen"),
    ("two words", "Patenschaft Wohnung"),
    ("two words", "Mentoring Ausbildung"),
    ("two words", "Datenschutz Vermittlung"),
    ("two words", "Kita Schule"),
    ("two words", "Fördermittel beantragen"),
    ("two words", "Konflikte Tandem"),
    ("two words", "Sprachförderung Alltag"),
    ("two words", "Ehrenamtliche gewinnen"),
    ("more words", "Checkliste Patenschaft beenden"),
    ("more words", "Leitfaden Jugendliche Ausbildung Mentoring"),
    ("more words", "Wie finde ich Ehrenamtliche für Patenschaften"),
    ("more words", "die Suche nach einer Wohnung"),
    ("file text only", "Führungszeugnis"),
    ("file text only", "Führungszeugnisse"),
    ("file text only", "Ehrenamtspauschale"),
    ("file text only", "Übungsleiterfreibetrag"),
    ("file text only", "Kindeswohlgefährdung"),
    ("members' files only", "Schweigepflichtentbindung"),
    ("file text only", "Quartiersnetzwerk"),
    ("file text only", "Elternberatung"),
    ("transliteration", "Gefluechtete"),
    ("transliteration", "Foerdermittel"),
    ("transliteration", "Grossstadt"),
    ("transliteration", "Aufwandsentschaedigung"),
    ("transliteration", "Behoerden"),
    ("synonym", "Mentoring"),
    ("synonym", "Flüchtlinge"),
    ("synonym", "Freiwilligenarbeit"),
    ("synonym", "Zuwendung"),
    ("synonym", "Tandem"),
    ("rare", "Dolmetscherpool"),
    ("rare", "Saarbrücken"),
    ("rare", "Caritasverband"),
    ("rare", "Vormundschaft"),
    ("members' content", "Sprachcafé"),
    ("members' content", "Stundenzettel"),
    ("members' content", "Kirchengemeinde"),
    ("no hit", "Quantenchromodynamik"),
    ("no hit", "Blockchain Kryptowährung"),
]


@dataclass
class QueryResult:
    kind: str
    query: str
    url: str
    times: list = field(default_factory=list)
    cpu_times: list = field(default_factory=list)  # this process's CPU time in each
    sql: list = field(default_factory=list)  # the captured queries of one request
    hits: int = 0

    @property
    def median(self):
        return statistics.median(self.times)


@dataclass
class RoleResult:
    role: str
    queries: list

    def times(self):
        return [time for result in self.queries for time in result.times]

    def cpu_times(self):
        return [time for result in self.queries for time in result.cpu_times]

    def p50(self, cpu=False):
        return statistics.median(self.cpu_times() if cpu else self.times())

    def p95(self, cpu=False):
        times = self.cpu_times() if cpu else self.times()
        return statistics.quantiles(times, n=20, method="inclusive")[18]

    def sql_counts(self):
        return [len(result.sql) for result in self.queries]

    def slowest(self):
        return max(self.queries, key=lambda result: result.median)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--materials", type=int, default=5000, help="materials, each with a file")
    parser.add_argument("--members", type=int, default=500, help="accounts with profiles")
    parser.add_argument("--questions", type=int, default=1000, help="questions of members")
    parser.add_argument("--rounds", type=int, default=3, help="timed requests per query and role")
    parser.add_argument("--queries", action="store_true", help="print the slowest SQL")
    parser.add_argument(
        "--explain", action="store_true", help="--queries with the plan of the slowest"
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    common.setup_django()
    from benchmarks import search_data

    print(
        f"Generating {args.materials:,} materials with files, {args.members:,} members and "
        f"{args.questions:,} questions (only those missing) …"
    )
    data = search_data.ensure_search_data(
        args.materials, args.members, args.questions, common.progress
    )
    created = ", ".join(f"{count:,} {name}" for name, count in data.created.items())
    print(f"Generation: {created} created in {data.seconds:.1f} s.")
    common.analyze()
    roles = [*measure_role("visitor", None, args), *measure_role("member", member(), args)]
    print(f"\n{common.database_description()}; {data_description(data)}")
    print(
        f"{len(QUERIES)} queries × {args.rounds} timed rounds per role after one to warm up; "
        f"{common.machine_description()}\n"
    )
    print_queries(roles)
    print()
    print_summary(roles)
    if args.queries or args.explain:
        for role in roles:
            slowest = role.slowest()
            common.print_slowest_queries(
                f"{role.role}, q={slowest.query}", sorted_sql(slowest.sql), plan=args.explain
            )


def member():
    from django.contrib.auth import get_user_model

    from benchmarks.search_data import BENCHMARK_MEMBER
    from community.access import is_member

    user = get_user_model().objects.get(email=BENCHMARK_MEMBER)
    if not is_member(user):
        raise RuntimeError(f"{BENCHMARK_MEMBER} is not an approved member.")
    return user


def measure_role(role, user, args):
    """Two results per role. »new«: each query as if nobody had asked it since the index last
    changed (search/cache.py keeps no hits for it; everything else is warm), the search's
    own cost. »repeated«: the same queries again, served from the kept hits. One round to
    warm up, then `args.rounds` rounds over all queries, one query after the other."""
    from django.test import Client

    from search.cache import index_changed

    client = Client()
    if user is not None:
        client.force_login(user)
    measured = {}
    for name, forget in ((f"{role} new", True), (f"{role} repeated", False)):
        results = [
            QueryResult(kind, query, f"{SEARCH_PATH}?{urlencode({'q': query})}")
            for kind, query in QUERIES
        ]
        for result in results:
            common.timed_get(client, result.url)
        common.settle()
        for done in range(args.rounds):
            for result in results:
                if forget:
                    index_changed()
                cpu = time.process_time()
                result.times.append(common.timed_get(client, result.url))
                result.cpu_times.append((time.process_time() - cpu) * 1000)
            common.progress(f"{name}: rounds", done + 1, args.rounds)
        for result in results:
            if forget:
                index_changed()
            with one_after_another():
                result.sql = common.count_queries(client, result.url)
            result.hits = hits(user, result.query)
        measured[name] = RoleResult(name, results)
    return list(measured.values())


def one_after_another():
    """The search's queries run one after the other, not in a pipeline (search/pipeline.py):
    Django then times each by the server's answer, not only by sending it."""
    from unittest import mock

    return mock.patch("search.pipeline.pipelined", return_value=False)


def hits(user, query):
    """How many results the page says it found (the sum over all kinds)."""
    from django.contrib.auth.models import AnonymousUser

    from search.language import clean, words
    from search.sources import Sources

    query = clean(query)
    if not words(query):
        return 0
    found = Sources(user or AnonymousUser()).hits(query)
    return sum(len(kind_hits) for kind_hits in found.values())


def sorted_sql(captured):
    return sorted(captured, key=lambda query: -float(query["time"]))


def data_description(data):
    from django.db import connection
    from django.db.models import Avg
    from django.db.models.functions import Length
    from wagtail.search.models import IndexEntry

    from library.models import LibraryDocument

    files = LibraryDocument.objects.aggregate(average=Avg(Length("text")))["average"] or 0
    size = ""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size(%s))", [IndexEntry._meta.db_table]
            )
            size = f" ({cursor.fetchone()[0]})"
    return (
        f"{data.materials:,} materials, {LibraryDocument.objects.count():,} files "
        f"(text {files / 1000:.0f} kB on average), {data.members:,} approved members, "
        f"{data.questions:,} questions with {data.answers:,} answers; "
        f"{IndexEntry.objects.count():,} search index entries{size}"
    )


def print_queries(roles):
    visitor, member = (role for role in roles if role.role.endswith(" new"))
    header = (
        f"{'kind':<20} {'query':<46} {'visitor ms':>10} {'hits':>5} {'SQL':>4}"
        f" {'member ms':>10} {'hits':>5} {'SQL':>4}"
    )
    print(header)
    print("-" * len(header))
    for seen, known in zip(visitor.queries, member.queries, strict=True):
        print(
            f"{seen.kind:<20} {seen.query:<46} {seen.median:>10.1f} {seen.hits:>5} "
            f"{len(seen.sql):>4} {known.median:>10.1f} {known.hits:>5} {len(known.sql):>4}"
        )
    print("(ms: median as a new query; hits: results over all kinds; SQL: queries)")


def print_summary(roles):
    header = (
        f"{'role':<17} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'SQL queries':>13}"
        f" {'SQL ms':>8} {'CPU p50':>8} {'CPU p95':>8}  target"
    )
    print(header)
    print("-" * len(header))
    for role in roles:
        counts = role.sql_counts()
        sql_ms = statistics.median(
            sum(float(query["time"]) for query in result.sql) * 1000 for result in role.queries
        )
        verdict = "ok" if role.p95() < TARGET_P95_MS else "TOO SLOW"
        print(
            f"{role.role:<17} {role.p50():>8.1f} {role.p95():>8.1f} {max(role.times()):>8.1f} "
            f"{f'{min(counts)}–{max(counts)}':>13} {sql_ms:>8.1f} {role.p50(cpu=True):>8.1f} "
            f"{role.p95(cpu=True):>8.1f}  p95 < {TARGET_P95_MS} ms: {verdict}"
        )
    print(
        "(p50/p95/max: server time of all timed requests; SQL queries: fewest–most per request;\n"
        " SQL ms: median over the queries of their SQL time in one request, run one after the\n"
        " other for it, not pipelined as when timed; CPU: this process's\n"
        " CPU time per request in ms, without the database's, which other load slows less)"
    )


if __name__ == "__main__":
    main()
