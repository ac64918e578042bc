"""What one uncached render of each anonymous page type costs, in-process: SQL queries, Redis
round trips and CPU time, with the production settings and data of pages.sh.

    benchmarks/render.py [--renders 30] [--profile KEY] [--member] [--cold]

Runs after `benchmarks/pages.sh` has built its data (the database bbe_pages_benchmark) and
uses the same environment as its stack (benchmarks/stack.sh: production settings, Redis
database 7), with PAGE_CACHE=false. Each page is requested twice to warm up, then
`--renders` times; the table shows per render the SQL queries, the Redis round trips (each
command or pipeline sent to the server) and the median CPU time of this process, which
other load on the machine distorts less than the wall-clock time. `--profile KEY` prints
cProfile's 30 costliest functions (cumulative) for that page; `--member` renders the pages
as an approved member; `--cold` gives the caches new versions before each render, as a
publication does, so that nothing the site keeps is found (the first visitor's render after
an editor's change). Targets (issue #28): Redis round trips ≤ 5 and SQL queries ≤ 10 per
anonymous render.
"""

import argparse
import cProfile
import os
import pstats
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

BENCH_DIR = os.environ.get("BENCHMARK_DIR", "/tmp/bbe-benchmark")
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/bbe_pages_benchmark",
    "REDIS_URL": "redis://127.0.0.1:6379/7",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "MEDIA_ROOT": f"{BENCH_DIR}/bbe_pages_benchmark-media-postgresql",
    "STATIC_ROOT": f"{BENCH_DIR}/pages/static",
    "BASE_URL": "http://127.0.0.1:8401",
}
MAX_QUERIES = 10
MAX_ROUND_TRIPS = 5


class RoundTrips:
    """Counts what this process sends to Redis: one command or one pipeline each."""

    count = 0

    def install(self):
        from redis.connection import AbstractConnection

        send = AbstractConnection.send_packed_command
        counter = self

        def counted(connection, command, check_health=True):
            counter.count += 1
            return send(connection, command, check_health)

        AbstractConnection.send_packed_command = counted


def member_client(client):
    from django.contrib.auth.models import Group

    from community.models import MemberProfile, MemberStatus

    profile = (
        MemberProfile.objects.filter(
            status=MemberStatus.APPROVED, user__groups=Group.objects.get(name="Mitglieder")
        )
        .select_related("user")
        .first()
    )
    client.force_login(profile.user)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--profile", metavar="KEY")
    parser.add_argument("--member", action="store_true")
    parser.add_argument("--cold", action="store_true", help="new cache versions each render")
    args = parser.parse_args()
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    os.environ["PAGE_CACHE"] = "false"

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.pages_report import HOST, PAGE_TYPES, page_paths
    from home.caching import new_versions

    def prepare():
        if args.cold:
            new_versions()

    trips = RoundTrips()
    trips.install()
    client = Client(HTTP_HOST=HOST)
    if args.member:
        member_client(client)
    paths = page_paths()
    kind = "cold (new cache versions)" if args.cold else "warm caches"
    print(f"load {os.getloadavg()[0]:.1f}, {args.renders} renders per page, {kind}")
    print(f"{'page':<22} {'SQL':>4} {'Redis':>5} {'CPU ms':>7}  path")
    for key, label, _baseline in PAGE_TYPES:
        path = paths[key]
        for _ in range(2):
            client.get(path)
        prepare()
        with CaptureQueriesContext(connection) as captured:
            before = trips.count
            response = client.get(path)
            round_trips = trips.count - before
        queries = len(captured)  # before the next request clears the log
        assert response.status_code == 200, (path, response.status_code)
        profiler = cProfile.Profile() if key == args.profile else None
        cpu = []
        for _ in range(args.renders):
            prepare()
            started = time.process_time()
            if profiler:
                profiler.enable()
            client.get(path)
            if profiler:
                profiler.disable()
            cpu.append((time.process_time() - started) * 1000)
        flags = ("!" if queries > MAX_QUERIES else " ") + (
            "!" if round_trips > MAX_ROUND_TRIPS else " "
        )
        print(
            f"{label:<22} {queries:>4} {round_trips:>5} {statistics.median(cpu):>7.1f}"
            f" {flags}{path}"
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
