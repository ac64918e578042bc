"""Server time of the knowledge database's list (LibraryIndexPage) at scale.

Builds, once, a site with the library and 5,000 materials in the benchmark's own database
(see benchmarks/settings.py), then times requests in-process with Django's test client:
the list without filters, with one and three filters, with free text, with free text and
three filters, and a material's page. Each list is also timed right after a change: after a
publication (the library's catalogue of facets, library/facets.py, was built again after
the editor's request) and, for information, after the cache was emptied (the catalogue is
built during the request). Free text is timed as a new query (its hits not kept,
library/browse.py) and repeated. Prints p50, p95 and max in ms, the SQL queries per
request, and whether each list case meets the target p50 < 50 ms (on PostgreSQL).

    # SQLite: a file under /tmp/bbe-benchmark/
    .venv/bin/python benchmarks/library.py [--materials 5000] [--requests 30]

    # PostgreSQL: the database bbe_benchmark on that server, created when missing
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bbe_benchmark \\
        .venv/bin/python benchmarks/library.py [--materials 5000] [--requests 30]

`--queries` also prints the slowest queries of each case, `--explain` with the plan of the
slowest (EXPLAIN ANALYZE on PostgreSQL). PostgreSQL's tables are analyzed before measuring,
as autovacuum keeps them in production; `--analyze` does it on SQLite too, where otherwise
statistics of an earlier run are dropped (nothing in the project gathers them).
`BENCHMARK_DIR` moves the SQLite file and the media folder (default /tmp/bbe-benchmark).
"""

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

# The project, not this folder, comes first: here `library` would be this script, not the app.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from benchmarks import common  # noqa: E402

TARGET_MS = 50


@dataclass
class Case:
    name: str
    url: str
    results: int | None = None  # materials in the list
    target_ms: float | None = TARGET_MS


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--materials", type=int, default=5000, help="materials in the library")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per case")
    parser.add_argument("--queries", action="store_true", help="print each case's slowest SQL")
    parser.add_argument(
        "--explain", action="store_true", help="--queries with the plan of the slowest"
    )
    parser.add_argument(
        "--analyze", action="store_true", help="ANALYZE on SQLite too (always on PostgreSQL)"
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    common.setup_django()
    from benchmarks import library_data

    print(f"Generating {args.materials:,} materials (only those missing) …")
    generation = library_data.ensure_library(args.materials, common.progress)
    print(
        f"Generation: {generation.created:,} materials created in {generation.seconds:.1f} s; "
        f"the library holds {generation.total:,}."
    )
    common.analyze(sqlite_too=args.analyze)
    run(cases(), args, generation.total)


def cases():
    """The requests to time, with how many materials each list shows."""
    from benchmarks.library_data import MATERIAL_TYPES, SEARCH_WORD, TOPICS, YEARS
    from library.models import LibraryIndexPage, MaterialPage, MaterialType, Topic

    library = LibraryIndexPage.objects.get()
    filters = {
        "topic": Topic.objects.get(name=TOPICS[0]).slug,
        "type": MaterialType.objects.get(name=MATERIAL_TYPES[0]).slug,
        "year": YEARS[len(YEARS) // 2],
    }
    lists = [
        Case("list: no filter", library.url),
        Case("list: 1 filter (topic)", query_url(library.url, topic=filters["topic"])),
        Case("list: 3 filters (topic, type, year)", query_url(library.url, **filters)),
        Case(f"list: q={SEARCH_WORD}", query_url(library.url, q=SEARCH_WORD)),
        Case("list: q + 3 filters", query_url(library.url, q=SEARCH_WORD, **filters)),
    ]
    for case in lists:
        case.results = count_results(library, case.url)
    detail = MaterialPage.objects.filter(documents__isnull=False, related_materials__isnull=False)
    material = detail.order_by("pk").first() or MaterialPage.objects.order_by("pk").first()
    return [*lists, Case("material page", material.url, target_ms=None)]


def query_url(path, **params):
    return f"{path}?{urlencode(params)}"


def count_results(library, url):
    """How many materials the list at `url` finds, as the page's heading says."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from library.browse import MaterialBrowser

    request = RequestFactory().get(url)
    request.user = AnonymousUser()
    return MaterialBrowser(request, library).total()


def run(cases, args, materials):
    from django.core.cache import cache
    from django.core.signals import request_finished, request_started
    from django.test import Client
    from modelsearch.backends import get_search_backend

    from home.caching import SEARCH, changed
    from library import facets
    from library.models import MaterialPage

    client = Client()
    material = cases[-1].url
    published = MaterialPage.objects.order_by("pk").first()  # republished unchanged

    def after_a_publication():
        """The first view of a list after an editor published a material in another
        worker: the catalogue was built again once that request's response was sent
        (home/caching.py), and this worker reads it from the cache."""
        request_started.send(sender=None)
        published.save_revision().publish()
        request_finished.send(sender=None)
        facets._kept.clear()

    def after_a_flush():
        """The first view of a list after the cache was emptied (a restart of Redis):
        nothing of the library is kept; the site's menus and settings are."""
        cache.clear()
        facets._kept.clear()
        client.get(material)

    def new_query():
        """A free text nobody asked since the search index last changed."""
        changed(SEARCH)

    timings, queries = [], {}
    for case in cases:
        views = [("", lambda: None, case.target_ms)]
        if case.results is not None:
            views = [
                ("after a flush", after_a_flush, None),
                ("after a publication", after_a_publication, case.target_ms),
                ("", lambda: None, case.target_ms),
            ]
        if "q=" in case.url:
            views[2:] = [
                ("new query", new_query, case.target_ms),
                ("repeated", lambda: None, case.target_ms),
            ]
        for view, before, target_ms in views:
            name = f"{case.name} ({view})" if view else case.name
            timing, queries[name] = common.measure(
                client, name, case.url, args.requests, target_ms, before
            )
            timings.append(timing)
    print(
        f"\n{common.database_description()}, search backend "
        f"{type(get_search_backend()).__name__}, {materials:,} materials, "
        f"{args.requests} timed requests per case after one to warm up; "
        f"{common.machine_description()}\n"
    )
    common.print_table(timings)
    found = [
        f"{case.name.removeprefix('list: ')} {case.results:,}"
        for case in cases
        if case.results is not None
    ]
    print("\nMaterials in the list: " + ", ".join(found))
    if args.queries or args.explain:
        for name, captured in queries.items():
            common.print_slowest_queries(name, captured, plan=args.explain)


if __name__ == "__main__":
    main()
