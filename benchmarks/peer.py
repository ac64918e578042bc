"""Render speed against a peer site: every page type of this app and a comparable page of the
peer, measured in turn with wrk, neither with a page cache (issue #28). Run by peer.sh.

    peer.py measure DIR APP_URL PEER_URL [BEFORE_URL]

DIR/pages.json (pages_report.py prepare) names this app's pages; PEER_PAGES the peer's
comparable page for each type, by default of wagtail/bakerydemo (PEER_PAGES_FILE, lines
`key path`, names others). BEFORE_URL is optional: the same app at another commit, measured
in the same rounds. Each round measures every page on every site, the order of the sites
turned by one each round, so that a busier moment of the machine falls on each in turn.
Prints the table and writes DIR/peer.json.
"""

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

from benchmarks.pages_report import parse_wrk  # noqa: E402

# The comparable page of wagtail/bakerydemo's demo content for each page type.
PEER_PAGES = {
    "start": "/",
    "news_list": "/blog/",
    "news_item": "/blog/icelandic-baking/",
    "section": "/breads/",
    "content": "/about/",
    "library": "/breads/",
    "library_facet": "/breads/",
    "material": "/breads/bolani/",
    "events": "/locations/",
    "congress": "/recipes/mincemeat-tart/",
    "search": "/search/?q=bread",
}
FACTOR = 3
ROUNDS = int(os.environ.get("ROUNDS", "3"))
DURATION = int(os.environ.get("DURATION", "5"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "8"))


def peer_pages():
    path = os.environ.get("PEER_PAGES_FILE")
    if not path:
        return PEER_PAGES
    return dict(line.split() for line in Path(path).read_text().splitlines() if line.strip())


def wrk(url, seconds, out=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip", url]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    if out:
        Path(out).write_text(result.stdout)


def measure(directory, app_url, peer_url, before_url=None):
    directory = Path(directory)
    (directory / "peer").mkdir(parents=True, exist_ok=True)
    pages = json.loads((directory / "pages.json").read_text())
    theirs = peer_pages()
    sites = [("app", app_url)] + ([("before", before_url)] if before_url else [])
    sites.append(("peer", peer_url))
    results = {page["key"]: {name: [] for name, _url in sites} for page in pages}
    for number in range(ROUNDS):
        order = sites[number % len(sites) :] + sites[: number % len(sites)]
        for page in pages:
            for name, base in order:
                path = theirs[page["key"]] if name == "peer" else page["path"]
                out = directory / "peer" / f"{number}-{page['key']}-{name}.txt"
                wrk(base.rstrip("/") + path, 1)  # warm-up
                wrk(base.rstrip("/") + path, DURATION, out)
                results[page["key"]][name].append(parse_wrk(out))
            print(f"  round {number + 1}/{ROUNDS} {page['label']}", flush=True)
    report = {
        "pages": pages,
        "peer_pages": theirs,
        "results": results,
        "load": os.getloadavg(),
        "rounds": ROUNDS,
        "duration": DURATION,
    }
    (directory / "peer.json").write_text(json.dumps(report, indent=1))
    table(report)


def ratio_range(ours, peers):
    ratios = [a["rps"] / b["rps"] for a, b in zip(ours, peers, strict=True)]
    return min(ratios), max(ratios)


def table(report):
    results = report["results"]
    before = "before" in next(iter(results.values()))
    header = f"{'page type':<22} {'app r/s':>8}" + (f" {'before':>7}" if before else "")
    header += f" {'peer r/s':>8} {'app/peer':>11}" + (f" {'before/peer':>11}" if before else "")
    header += "  target  peer page"
    print(header)
    print("-" * len(header))
    met = 0
    for page in report["pages"]:
        found = results[page["key"]]
        median = {name: statistics.median(r["rps"] for r in runs) for name, runs in found.items()}
        low, high = ratio_range(found["app"], found["peer"])
        met += low >= FACTOR
        line = f"{page['label']:<22} {median['app']:>8.0f}"
        line += f" {median['before']:>7.0f}" if before else ""
        line += f" {median['peer']:>8.0f} {low:>5.2f}–{high:<5.2f}"
        if before:
            b_low, b_high = ratio_range(found["before"], found["peer"])
            line += f" {b_low:>5.2f}–{b_high:<5.2f}"
        line += f"  {'ok' if low >= FACTOR else 'MISS':>6}  {report['peer_pages'][page['key']]}"
        print(line)
    print("-" * len(header))
    errors = sum(r["errors"] for runs in results.values() for rs in runs.values() for r in rs)
    print(
        f"app/peer: lowest–highest ratio of req/s over {report['rounds']} alternating rounds of "
        f"{report['duration']} s per page and site; target ≥ {FACTOR}× in every round. "
        f"Met {met} of {len(report['pages'])}. Failed requests: {errors}."
    )
    print(
        f"{os.cpu_count()} CPUs, load average at the end "
        f"{', '.join(f'{value:.1f}' for value in report['load'])}; wrk runs on the same machine."
    )


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "measure" and len(args) in (3, 4):
        measure(*args)
    elif command == "table" and len(args) == 1:
        table(json.loads((Path(args[0]) / "peer.json").read_text()))
    else:
        sys.exit(__doc__)
