"""Helpers of pages.sh, run with the production settings it exports.

    pages_report.py prepare OUT.json   the page of each type, its SQL queries per render
    pages_report.py publish VARNISH_URL OUT.json
                                        titles published (PUBLISH_ROUNDS, quiet and with
                                        PUBLISH_LOAD processes beside): seconds until
                                        Varnish shows them
    pages_report.py table DIR          the table of pages.json, publish.json and wrk/*.txt

`prepare` counts the queries in-process with Django's test client (a second request after
a warm-up one, so caches are as warm as in the running app) and prints `key path` lines
for the shell.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

# (key, page type, req/s of the baseline in issue #10 or None)
PAGE_TYPES = [
    ("start", "start page", 95),
    ("news_list", "news list", 126),
    ("news_item", "news item", 157),
    ("section", "section page", 168),
    ("content", "content page below it", 134),
    ("library", "library list", None),
    ("library_facet", "library with a facet", None),
    ("material", "material page", None),
    ("events", "event index", None),
    ("congress", "congress page", None),
    ("search", "site search", None),
]
SEARCH_QUERY = "Patenschaft"
BASELINE_FACTOR = 3
TRIVIAL_SHARE = 0.05
MAX_QUERIES = 12
VARNISH_SHARE = 0.5
PUBLISH_SECONDS = 1.0
NEWS_SLUG = "benchmark-meldung-001"
HOST = "127.0.0.1"


def setup():
    import django

    django.setup()


# --- prepare ------------------------------------------------------------------------------


def find_pages():
    """The page measured for each type: the scale data's own where it has some."""
    from wagtail.models import Site

    from benchmarks.library_data import material_key
    from events.models import CongressPage, EventIndexPage
    from home.models import ContentPage, NewsIndexPage, NewsPage
    from library.models import AccessLevel, LibraryIndexPage, MaterialPage

    home = Site.objects.get(is_default_site=True).root_page
    section = (
        ContentPage.objects.child_of(home).live().public().filter(numchild__gt=0).order_by("path")
    ).first()
    material = (
        MaterialPage.objects.live()
        .public()
        .filter(
            access_level=AccessLevel.PUBLIC, source_id__in=[material_key(n) for n in range(1, 50)]
        )
        .order_by("source_id")
    ).first()
    return {
        "start": home,
        "news_list": NewsIndexPage.objects.live().first(),
        "news_item": NewsPage.objects.get(slug=NEWS_SLUG),
        "section": section,
        "content": ContentPage.objects.child_of(section).live().public().order_by("path").first(),
        "library": LibraryIndexPage.objects.live().first(),
        "material": material,
        "events": EventIndexPage.objects.live().first(),
        "congress": CongressPage.objects.get(slug="fachkongress-benchmark"),
    }


def page_paths():
    """{key: the address of the page measured for each type in PAGE_TYPES}."""
    from django.urls import reverse

    from library.models import Topic

    pages = find_pages()
    paths = {key: page.url for key, page in pages.items()}
    topic = Topic.objects.filter(materials__isnull=False).order_by("slug").first()
    paths["library_facet"] = f"{paths['library']}?topic={topic.slug}"
    paths["search"] = f"{reverse('search:search')}?q={SEARCH_QUERY}"
    return paths


def prepare(out):
    setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    paths = page_paths()
    rows = []
    for key, label, baseline in PAGE_TYPES:
        path = paths[key]
        client.get(path)  # warm-up
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{label} {path} answered {response.status_code}.")
        rows.append(
            {
                "key": key,
                "label": label,
                "baseline": baseline,
                "path": path,
                "queries": len(captured),
                "cache_control": response.get("Cache-Control", ""),
            }
        )
        print(key, path)
    Path(out).write_text(json.dumps(rows, indent=1))


# --- publish ------------------------------------------------------------------------------


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        headers = response.headers
        return headers.get("X-Cache", ""), headers.get("X-Page-Cache", ""), response.read().decode()


def publish_once(url, page):
    """Publishes a new title of `page` once Varnish holds the page at `url` (as an editor's
    click does: save a revision and publish it), then polls Varnish until it shows the title.
    The polls that reach the app after the purge say whether its own page cache answered."""
    from django.utils.html import escape

    fetch(url)
    cached_before = fetch(url)[0] == "HIT"
    title = f"{page.title.split(' · ')[0]} · {datetime.datetime.now():%H:%M:%S.%f}"
    started = time.monotonic()
    page.title = title
    page.save_revision().publish()
    published = time.monotonic()
    seconds, page_cache = None, []
    while time.monotonic() - started < 10:
        varnish, app, body = fetch(url)
        if varnish != "HIT":
            page_cache.append(app)
        if escape(title) in body:
            seconds = time.monotonic() - started
            break
        time.sleep(0.01)
    return {
        "page": url,
        "cached_before": cached_before,
        "publish_seconds": published - started,
        "visible_after": seconds,
        "app_page_cache_hits": page_cache.count("HIT"),
        "app_page_cache_misses": page_cache.count("MISS"),
    }


def publish(varnish, out):
    """PUBLISH_ROUNDS publications in turn: a news item's title on its page, the news list's
    title on the list (it is in the main menu: Varnish forgets everything), the newest news
    item's title on the start page (which lists it); first on the quiet machine, then with
    PUBLISH_LOAD CPU-bound processes beside them."""
    setup()
    from home.models import NewsPage

    item = NewsPage.objects.get(slug=NEWS_SLUG)
    newest = NewsPage.objects.live().order_by("-date", "-pk").first()
    news_list = item.get_parent().specific
    targets = [(item, item.url), (news_list, news_list.url), (newest, "/")]
    pages = [item, news_list, newest]
    titles = [page.title for page in pages]
    rounds = int(os.environ.get("PUBLISH_ROUNDS", "12"))
    result = {}
    for label, hogs in (("quiet", 0), ("busy", int(os.environ.get("PUBLISH_LOAD", "4")))):
        burner = [sys.executable, "-c", "while True: pass"]
        burners = [subprocess.Popen(burner) for _ in range(hogs)]
        try:
            time.sleep(3 if hogs else 0)
            rows = []
            for number in range(rounds):
                page, path = targets[number % len(targets)]
                rows.append(publish_once(varnish.rstrip("/") + path, page))
            load = os.getloadavg()[0]
        finally:
            for burner in burners:
                burner.kill()
        result[label] = {"processes_beside": hogs, "load": load, "rounds": rows}
        print(label, json.dumps(summary(rows)))
    for page, title in zip(pages, titles, strict=True):
        page.title = title
        page.save_revision().publish()
    Path(out).write_text(json.dumps(result, indent=1))


def summary(rows):
    seconds = [row["visible_after"] for row in rows]
    seen = sorted(second for second in seconds if second is not None)
    return {
        "publications": len(rows),
        "p50": seen[len(seen) // 2] if seen else None,
        "max": max(seen) if len(seen) == len(rows) else None,
        "publish_p50": sorted(row["publish_seconds"] for row in rows)[len(rows) // 2],
        "app_page_cache_hits": sum(row["app_page_cache_hits"] for row in rows),
        "app_page_cache_misses": sum(row["app_page_cache_misses"] for row in rows),
    }


# --- table --------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(path):
    """req/s, p50 and p99 in ms, and the failed requests of a `wrk --latency` output."""
    text = Path(path).read_text()

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M).groups()
        return float(value) * UNITS[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def verdict(ok):
    return "ok" if ok else "MISS"


def table(directory):
    directory = Path(directory)
    pages = json.loads((directory / "pages.json").read_text())
    trivial = parse_wrk(directory / "wrk" / "trivial.txt")
    static = parse_wrk(directory / "wrk" / "static.txt")
    published = json.loads((directory / "publish.json").read_text())
    met = total = 0

    header = (
        f"{'page type':<22} {'app r/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'SQL':>4} "
        f"{'%triv':>6} {'target r/s':>10} {'app':>4} {'SQL':>4} "
        f"{'Varnish r/s':>11} {'%static':>7} {'Varn.':>5} {'err':>4}"
    )
    print(header)
    print("-" * len(header))
    for page in pages:
        app = parse_wrk(directory / "wrk" / f"app-{page['key']}.txt")
        varnish = parse_wrk(directory / "wrk" / f"varnish-{page['key']}.txt")
        target = max(BASELINE_FACTOR * (page["baseline"] or 0), TRIVIAL_SHARE * trivial["rps"])
        checks = [
            app["rps"] >= target,
            page["queries"] <= MAX_QUERIES,
            varnish["rps"] >= VARNISH_SHARE * static["rps"],
        ]
        met, total = met + sum(checks), total + len(checks)
        print(
            f"{page['label']:<22} {app['rps']:>8.0f} {app['p50']:>7.1f} {app['p99']:>7.1f} "
            f"{page['queries']:>4} {100 * app['rps'] / trivial['rps']:>5.1f}% {target:>10.0f} "
            f"{verdict(checks[0]):>4} {verdict(checks[1]):>4} {varnish['rps']:>11.0f} "
            f"{100 * varnish['rps'] / static['rps']:>6.0f}% {verdict(checks[2]):>5} "
            f"{app['errors'] + varnish['errors']:>4}"
        )
    print("-" * len(header))
    print(
        f"{'trivial WSGI (ceiling)':<22} {trivial['rps']:>8.0f} {trivial['p50']:>7.1f} "
        f"{trivial['p99']:>7.1f}"
    )
    print(
        f"{'nginx static (ceiling)':<22} {static['rps']:>8.0f} {static['p50']:>7.1f} "
        f"{static['p99']:>7.1f}   (a saved copy of the start page)"
    )
    for label, run in published.items():
        numbers = summary(run["rounds"])
        visible = numbers["max"] is not None and numbers["max"] <= PUBLISH_SECONDS
        met, total = met + visible, total + 1
        worst = "never (10 s)" if numbers["max"] is None else f"{numbers['max']:.2f} s"
        print(
            f"\nPublished title visible through Varnish, {label} machine "
            f"({run['processes_beside']} CPU-bound processes beside, load {run['load']:.1f}): "
            f"p50 {numbers['p50']:.2f} s, max {worst} over {numbers['publications']} "
            f"publications (publish() p50 {numbers['publish_p50']:.2f} s; of the requests "
            f"Varnish passed on, the app's page cache answered {numbers['app_page_cache_hits']} "
            f"and missed {numbers['app_page_cache_misses']}; target max ≤ {PUBLISH_SECONDS:g} s): "
            f"{verdict(visible)}"
        )
    print(
        f"\nTargets: app r/s ≥ max({BASELINE_FACTOR}× the issue's baseline, "
        f"{100 * TRIVIAL_SHARE:g} % of trivial WSGI); SQL ≤ {MAX_QUERIES} queries per render; "
        f"Varnish ≥ {100 * VARNISH_SHARE:g} % of nginx static. Met {met} of {total}."
    )
    print(
        f"{os.cpu_count()} CPUs, load average "
        f"{', '.join(f'{value:.1f}' for value in os.getloadavg())}; wrk runs on the same "
        "machine. Absolute numbers depend on the machine, the shares hold better."
    )


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    commands = {"prepare": prepare, "publish": publish, "table": table}
    if command not in commands:
        sys.exit(__doc__)
    commands[command](*args)
