"""Mixed traffic against the running app, for load.sh.

    load.py prepare OUT.json    (Django, production settings) sessions of approved members,
                                the pages to read, the materials to comment on, the congress
    load.py run PLAN.json BASE_URL SECONDS OUT.json [RESTART_COMMAND]
                                (standard library only) the traffic; with a restart command,
                                runs it once in the middle
    load.py verify OUT.json     (Django) every acknowledged comment and registration stored

Visitors read the pages of each type. Members read pages and material pages, post comments
on material pages through their form (CSRF token from the page) and register for the
congress. Members are signed in with sessions created in the database (Django's
`Client.force_login`, the same session store as a login), not through the login form,
whose rate limits would refuse a burst of logins from one address.

An error is any answer other than the expected one (200 for reading, a redirect to the new
comment or to the new registration for writing), or any failed connection, except a 503
with the German maintenance page while the restart runs and for a few seconds after it.
"""

import http.client
import itertools
import json
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

MEMBERS = 300
COMMENTED_MATERIALS = 20
VISITORS = 4  # threads
MEMBER_THREADS = 4
MAINTENANCE_TEXT = "vorübergehend nicht erreichbar"
RECOVERY_SECONDS = 5  # 503s allowed after the restart command returned (connect timeout: 3 s)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TARGET = re.compile(r'name="target" value="([^"]+)"')


# --- prepare (Django) ---------------------------------------------------------------------


def prepare(out):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from benchmarks.library_data import material_key
    from benchmarks.pages_report import find_pages
    from benchmarks.search_data import MEMBER_EMAIL, is_approved
    from library.models import AccessLevel, MaterialPage

    numbers = [n for n in range(1, MEMBERS * 2) if is_approved(n)][:MEMBERS]
    users = get_user_model().objects.filter(email__in=[MEMBER_EMAIL.format(n) for n in numbers])
    sessions = []
    for user in users:
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    materials = (
        MaterialPage.objects.live()
        .public()
        .filter(access_level=AccessLevel.PUBLIC)
        .filter(source_id__in=[material_key(n) for n in range(100, 400)])
        .order_by("source_id")[:COMMENTED_MATERIALS]
    )
    pages = find_pages()
    plan = {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "sessions": sessions,
        "pages": [page.url for page in pages.values()],
        "materials": [material.url for material in materials],
        "register": pages["congress"].url + "anmelden/",
    }
    Path(out).write_text(json.dumps(plan))
    print(f"{len(sessions)} member sessions, {len(materials)} materials to comment on.")


# --- run (standard library) ---------------------------------------------------------------


class Run:
    def __init__(self, plan, base, seconds):
        self.plan = plan
        self.base = urlsplit(base)
        self.seconds = seconds
        self.lock = threading.Lock()
        self.members = itertools.cycle(plan["sessions"])
        self.counts = Counter()  # (action, status)
        self.errors = []
        self.comments = []
        self.registrations = []
        self.outage_503 = []  # times of maintenance answers
        self.restart = None  # (started, finished)
        self.numbers = itertools.count(1)
        self.stamp = int(time.time())
        self.started = time.monotonic()

    def now(self):
        return time.monotonic() - self.started

    def next_member(self):
        with self.lock:
            return next(self.members)

    def in_outage(self, at):
        if self.restart is None:
            return False
        started, finished = self.restart
        return started <= at and (finished is None or at <= finished + RECOVERY_SECONDS)

    def record(self, action, status, body, ok, at):
        with self.lock:
            self.counts[(action, status)] += 1
            if ok:
                return True
            if status == 503 and MAINTENANCE_TEXT in body and self.in_outage(at):
                self.outage_503.append(at)
                return False
            self.errors.append(f"{at:6.1f} s {action}: {status} {body[:120]!r}")
            return False


class Browser:
    """One keep-alive connection with the cookies it sends."""

    def __init__(self, run, cookies=None):
        self.run = run
        self.cookies = cookies or {}
        self.connection = None

    def request(self, method, path, fields=None):
        headers = {"Host": self.run.base.netloc, "User-Agent": "bbe-load"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):  # a kept-alive connection the server closed: once more
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.run.base.hostname, self.run.base.port, timeout=30
                )
            try:
                self.connection.request(method, path, body, headers)
                response = self.connection.getresponse()
                text = response.read().decode(errors="replace")
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if attempt == 2 or method == "POST":
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                if name == "csrftoken":
                    self.cookies[name] = rest.split(";")[0]
            return response.status, response.headers, text
        raise AssertionError("unreachable")

    def do(self, action, method, path, fields=None, expect=None):
        """One request; True when it answered as expected (`expect(status, headers)`, or
        200), and the answer."""
        try:
            status, headers, text = self.request(method, path, fields)
        except OSError as error:
            self.connection = None
            self.run.record(action, "connection", repr(error), False, self.run.now())
            return False, None, ""
        ok = expect(status, headers) if expect else status == 200
        # The time of the answer: a request sent just before the restart may see it.
        return self.run.record(action, status, text, ok, self.run.now()), headers, text


def visitor(run, rng):
    browser = Browser(run)
    while run.now() < run.seconds:
        browser.do("visitor reads", "GET", rng.choice(run.plan["pages"]))


def member(run, rng):
    while run.now() < run.seconds:
        browser = Browser(run, {run.plan["session_cookie"]: run.next_member()})
        action = rng.random()
        if action < 0.5:
            browser.do("member reads", "GET", rng.choice(run.plan["pages"]))
        elif action < 0.85:
            comment(run, browser, rng)
        else:
            register(run, browser)


def comment(run, browser, rng):
    path = rng.choice(run.plan["materials"])
    ok, _headers, page = browser.do("member reads material", "GET", path)
    if not (ok and TOKEN.search(page) and TARGET.search(page)):
        if ok:
            run.record("comment form", "missing", page, False, run.now())
        return
    fields = {
        "csrfmiddlewaretoken": TOKEN.search(page).group(1),
        "target": TARGET.search(page).group(1),
        "comment": f"Lasttest {run.stamp}: eine Rückfrage zum Material.",
        "next": path,
    }
    ok, headers, _ = browser.do(
        "member posts comment",
        "POST",
        "/netzwerk/kommentare/neu/",
        fields,
        lambda status, headers: status == 302 and "#comment-" in headers.get("Location", ""),
    )
    if ok:
        with run.lock:
            run.comments.append(int(headers["Location"].rsplit("#comment-", 1)[1]))


def register(run, browser):
    path = run.plan["register"]
    ok, _headers, page = browser.do("member opens registration", "GET", path)
    if not ok:
        return
    match = TOKEN.search(page)
    number = next(run.numbers)
    fields = {
        "csrfmiddlewaretoken": match.group(1) if match else "",
        "name": f"Lasttest {number}",
        "organisation": "Benchmark e. V.",
        "email": f"load-{run.stamp}-{number}@example.org",
        "privacy_consent": "on",
    }
    ok, headers, _ = browser.do(
        "member registers",
        "POST",
        path,
        fields,
        lambda status, headers: status == 302 and "/anmeldung/" in headers.get("Location", ""),
    )
    if ok:
        with run.lock:
            run.registrations.append(headers["Location"].rstrip("/").rsplit("/", 1)[1])


def restart_database(run, command):
    time.sleep(run.seconds / 2)
    started = run.now()
    run.restart = (started, None)
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)  # noqa: S602
    run.restart = (started, run.now())
    if result.returncode:
        run.errors.append(f"restart command failed: {result.stderr.strip()}")


def run_load(plan_file, base, seconds, out, restart_command=None):
    run = Run(json.loads(Path(plan_file).read_text()), base, float(seconds))
    threads = [
        threading.Thread(target=visitor, args=(run, random.Random(n))) for n in range(VISITORS)
    ] + [
        threading.Thread(target=member, args=(run, random.Random(100 + n)))
        for n in range(MEMBER_THREADS)
    ]
    if restart_command:
        threads.append(threading.Thread(target=restart_database, args=(run, restart_command)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if not run.counts:
        run.errors.append("no request was made")
    report(run)
    Path(out).write_text(
        json.dumps(
            {"comments": run.comments, "registrations": run.registrations, "errors": run.errors}
        )
    )
    return 1 if run.errors else 0


def report(run):
    elapsed = run.now()
    print(f"{VISITORS} visitor and {MEMBER_THREADS} member threads, {elapsed:.0f} s")
    print(f"{'action':<28} {'status':>10} {'count':>7}")
    for (action, status), count in sorted(run.counts.items(), key=str):
        print(f"{action:<28} {status!s:>10} {count:>7}")
    total = sum(run.counts.values())
    print(f"{'all':<28} {'':>10} {total:>7}  ({total / elapsed:.0f} requests/s)")
    if run.restart:
        started, finished = run.restart
        print(f"\nDatabase restart: from {started:.1f} s to {finished:.1f} s")
        if run.outage_503:
            print(
                f"  {len(run.outage_503)} answers 503 with the maintenance page, from "
                f"{min(run.outage_503):.1f} s to {max(run.outage_503):.1f} s"
            )
    print(f"\nAcknowledged: {len(run.comments)} comments, {len(run.registrations)} registrations")
    print(f"Errors: {len(run.errors)}")
    for error in run.errors[:20]:
        print(f"  {error}")


# --- verify (Django) ----------------------------------------------------------------------


def verify(out):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    import django

    django.setup()
    from django_comments_xtd.models import XtdComment

    from events.models import Registration

    acked = json.loads(Path(out).read_text())
    comments = XtdComment.objects.filter(pk__in=acked["comments"]).count()
    registrations = Registration.objects.filter(token__in=acked["registrations"]).count()
    print(
        f"In the database: {comments} of {len(acked['comments'])} acknowledged comments, "
        f"{registrations} of {len(acked['registrations'])} acknowledged registrations."
    )
    lost = len(acked["comments"]) - comments + len(acked["registrations"]) - registrations
    return 1 if lost else 0


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    commands = {"prepare": prepare, "run": run_load, "verify": verify}
    if command not in commands:
        sys.exit(__doc__)
    sys.exit(commands[command](*args))
