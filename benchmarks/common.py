"""What every benchmark script needs: Django set up on the benchmark's own database, progress
on a terminal, and server times of requests made with Django's test client."""

import gc
import os
import statistics
import sys
import time
from dataclasses import dataclass

SETTINGS_MODULE = "benchmarks.settings"


def setup_django():
    """Create the benchmark's database if it is missing, set up Django, migrate."""
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE

    import django
    from django.conf import settings

    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    if settings.VENDOR == "postgresql":
        create_postgres_database(settings.DATABASES["default"])
    django.setup()
    migrate()


def create_postgres_database(database):
    """CREATE DATABASE for the benchmark, through the server's `postgres` database."""
    import psycopg
    from psycopg import sql

    server = {
        "host": database["HOST"] or None,
        "port": database["PORT"] or None,
        "user": database["USER"] or None,
        "password": database["PASSWORD"] or None,
        "dbname": "postgres",
    }
    with psycopg.connect(**server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"]))
            )
            print(f"Created the PostgreSQL database {database['NAME']}.")


def migrate():
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Migrated in {time.perf_counter() - started:.1f} s.")


def analyze(sqlite_too=False):
    """Table statistics for the query planner, the same on every run. PostgreSQL: always
    VACUUM ANALYZE, as autovacuum does in production (the server here may run without it;
    on freshly loaded tables the library's list took 26 s instead of 0.1 s, and the text
    indexes keep what was just written in a list each search reads through). SQLite: ANALYZE
    only when asked; otherwise statistics from an earlier run are dropped, as nothing in
    the project ever gathers them (SQLite keeps them in its file)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
            print("Vacuumed and analyzed the tables (VACUUM ANALYZE).")
        elif sqlite_too:
            cursor.execute("ANALYZE")
            print("Analyzed the tables (ANALYZE).")
        else:
            cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    connection.close()  # the next connection plans with the statistics as they are now


def database_description():
    """»PostgreSQL 15.20« or »SQLite 3.40.1«, the database's name, and for SQLite whether it
    has table statistics."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]} (database {name})"
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        statistics = "with" if cursor.fetchone() else "without"
    return f"SQLite {connection.Database.sqlite_version} ({name}, {statistics} table statistics)"


def explain(sql):
    """The plan of a captured query: EXPLAIN ANALYZE on PostgreSQL (it runs the query),
    EXPLAIN QUERY PLAN on SQLite."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return [f"{'  ' * (parent > 0)}{detail}" for _id, parent, _unused, detail in cursor]


def machine_description():
    """Other work on the machine slows the requests down: the load says how much."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{os.cpu_count()} CPUs, load average {load}"


def progress(label, done, total):
    """A progress line that rewrites itself on a terminal; silent in a log."""
    if sys.stdout.isatty():
        end = "\n" if done == total else ""
        print(f"\r  {label}: {done:,}/{total:,}", end=end, flush=True)


# --- Measuring --------------------------------------------------------------------------------


@dataclass
class Timing:
    case: str
    p50: float
    p95: float
    max: float
    queries: int
    sql_ms: float  # the queries' own time in the request that counted them
    target_ms: float | None  # the p50 target, None for no target

    @property
    def verdict(self):
        if self.target_ms is None:
            return "–"
        return "ok" if self.p50 < self.target_ms else "TOO SLOW"


def timed_get(client, url):
    """Milliseconds for one GET through the whole middleware stack."""
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}.")
    return elapsed


def count_queries(client, url):
    """The SQL queries of one GET, slowest first (query counting slows the request down,
    so it runs apart from the timed requests)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return sorted(captured.captured_queries, key=lambda query: -float(query["time"]))


def settle():
    """Keeps what is loaded out of the garbage collector's full collections, as
    config/wsgi.py does in each worker: timings then show no collections of all of Django
    that a worker in production does not make."""
    gc.collect()
    gc.freeze()


def measure(client, case, url, requests, target_ms, before=lambda: None):
    """Warm up with one request that is not counted, then time `requests` requests, each
    after calling `before()` (untimed: e.g. to forget what the cache kept)."""
    timed_get(client, url)
    settle()
    times = []
    for _ in range(requests):
        before()
        times.append(timed_get(client, url))
    before()
    queries = count_queries(client, url)
    percentiles = statistics.quantiles(times, n=20, method="inclusive")
    sql_ms = sum(float(query["time"]) for query in queries) * 1000
    timing = Timing(
        case,
        statistics.median(times),
        percentiles[18],
        max(times),
        len(queries),
        sql_ms,
        target_ms,
    )
    return timing, queries


def print_table(timings):
    header = (
        f"{'case':<50} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8} {'SQL ms':>8}"
        "  target"
    )
    print(header)
    print("-" * len(header))
    for timing in timings:
        target = "" if timing.target_ms is None else f"p50 < {timing.target_ms:g} ms: "
        print(
            f"{timing.case:<50} {timing.p50:>8.1f} {timing.p95:>8.1f} {timing.max:>8.1f} "
            f"{timing.queries:>8} {timing.sql_ms:>8.0f}  {target}{timing.verdict}"
        )


def print_slowest_queries(case, queries, count=3, plan=False, width=1000):
    print(f"\n{case}: the {count} slowest of {len(queries)} queries")
    for query in queries[:count]:
        sql = query["sql"] if len(query["sql"]) <= width else f"{query['sql'][:width]} …"
        print(f"  {float(query['time']) * 1000:7.1f} ms  {sql}")
    if plan and queries:
        print("  Plan of the slowest:")
        for line in explain(queries[0]["sql"]):
            print(f"    {line}")
