"""Smoke test of the production stack through nginx and Varnish (standard library only).

    python deploy/smoke.py https://127.0.0.1:8143 --cafile cert.pem [--wait 60]
        [--reload-pidfile gunicorn.pid]

Run it from the project directory with the app's environment (DJANGO_SETTINGS_MODULE and the
variables of .env.example): it asks `manage.py shell` for the addresses to try, sets the
password of the demo member mitglied@example.org (SMOKE_PASSWORD, or a random one), and
publishes a news page. With --reload-pidfile it last reloads gunicorn as `systemctl
reload` does, under traffic. Meant for the
demo content (`make prod-demo`), not for a live site. Exits 1 if a check fails.
"""

import argparse
import contextlib
import gzip
import http.cookiejar
import json
import os
import re
import secrets
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent.parent
MEMBER_EMAIL = "mitglied@example.org"
PAGE_TYPES = (
    "homepage",
    "contentpage",
    "newsindexpage",
    "newspage",
    "libraryindexpage",
    "materialpage",
    "eventindexpage",
    "congresspage",
)

FACTS = """
import json, os
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

pages = {}
for model in %(types)r:
    page = Page.objects.live().public().filter(content_type__model=model).order_by("path").first()
    pages[model] = page.url if page else None
news = Page.objects.live().public().filter(content_type__model="newspage").order_by("path").first()
document = get_document_model().objects.filter(
    collection__name="Wissensdatenbank: nur für Mitglieder"
).first()
image = get_image_model().objects.first()
member = get_user_model().objects.get(email=%(email)r)
member.set_password(os.environ["SMOKE_PASSWORD"])
member.save()
print(json.dumps({
    "pages": pages,
    "news": {"id": news.pk, "url": news.url, "list": news.get_parent().url},
    "document": {
        "url": document.url,
        "file": document.file.name,
        "on_disk": os.path.exists(document.file.path),
    },
    "image": image.get_rendition("width-400").url,
    "original_image": image.file.url,
}))
"""

PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(pk=%(id)d).specific
page.title = %(title)r
page.save_revision().publish()
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """GET and POST against the proxy, without following redirects, optionally with cookies."""

    def __init__(self, base, context, cookies=False):
        self.base = base
        self.jar = http.cookiejar.CookieJar() if cookies else None
        handlers = [urllib.request.HTTPSHandler(context=context), NoRedirect()]
        if self.jar is not None:
            handlers.append(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, path, data=None, method=None, headers=None):
        url = urllib.parse.urljoin(self.base, path)
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 - the https base given on the command line
            url, data=body, method=method, headers=headers or {}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")


class Report:
    def __init__(self):
        self.failures = 0

    def check(self, ok, text):
        print(f"{'ok  ' if ok else 'FAIL'} {text}", flush=True)
        self.failures += not ok
        return ok


def django_shell(code, **env):
    result = subprocess.run(  # noqa: S603 - our own manage.py with our own code
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=APP_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py shell failed:\n{result.stderr}")
    return result.stdout


def wait_for(client, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if client.request("/")[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"{client.base} did not answer within {seconds} s.")
        time.sleep(0.5)


def check_pages(report, visitor, pages):
    for model, url in pages.items():
        if not report.check(url is not None, f"the demo has a live public {model}"):
            continue
        status, _, _ = visitor.request(url)
        status2, headers, _ = visitor.request(url)
        report.check(
            status == status2 == 200 and headers["X-Cache"] == "HIT",
            f"{model} {url}: {status}, again {status2} X-Cache {headers['X-Cache']}"
            f" ({headers['Cache-Control']})",
        )


def check_compressed(report, visitor, url):
    """Varnish keeps pages gzip-compressed: browsers get them so, other clients plain."""
    request = urllib.request.Request(  # noqa: S310 - the https base given on the command line
        urllib.parse.urljoin(visitor.base, url), headers={"Accept-Encoding": "gzip"}
    )
    with visitor.opener.open(request, timeout=30) as response:
        encoding, body = response.headers.get("Content-Encoding"), response.read()
    _, headers, plain = visitor.request(url)
    report.check(
        encoding == "gzip"
        and headers.get("Content-Encoding") is None
        and gzip.decompress(body).decode() == plain,
        f"{url}: gzip for browsers ({encoding}, {len(body):,} bytes), plain for others"
        f" ({len(plain.encode()):,} bytes)",
    )


def check_never_cached(report, client, path, who):
    answers = [client.request(path) for _ in range(2)]
    caches = [headers["X-Cache"] for _, headers, _ in answers]
    report.check(
        "HIT" not in caches,
        f"{path} for {who}: {[status for status, _, _ in answers]}, X-Cache {caches}",
    )


def check_files(report, visitor, facts):
    document = facts["document"]
    status, headers, _ = visitor.request(document["url"])
    report.check(
        status == 302 and headers["Location"].startswith("/konto/login/"),
        f"members-only document {document['url']} for a visitor: {status} -> {headers['Location']}",
    )
    media_path = "/media/" + document["file"]
    status, _, _ = visitor.request(media_path)
    report.check(
        status == 404 and document["on_disk"],
        f"{media_path} (on disk: {document['on_disk']}) from nginx: {status}",
    )
    status, _, _ = visitor.request("/media/members/photo.jpg")
    report.check(status == 404, f"/media/members/… from nginx: {status}")
    for path in (facts["image"], facts["original_image"]):
        status, headers, _ = visitor.request(path)
        report.check(
            status == 200 and headers["Content-Type"].startswith("image/"),
            f"image {path}: {status} {headers['Content-Type']}",
        )
    status, _, _ = visitor.request("/", method="PURGE")
    report.check(status == 405, f"PURGE through nginx: {status}")


def check_publish(report, visitor, news):
    title = f"Smoke-Test {secrets.token_hex(3)}: neue Tandems in Leipzig"
    for path in (news["url"], news["list"]):
        visitor.request(path)
        _, headers, body = visitor.request(path)
        report.check(
            headers["X-Cache"] == "HIT" and title not in body,
            f"{path} cached before publishing: X-Cache {headers['X-Cache']}",
        )
    django_shell(PUBLISH % {"id": news["id"], "title": title})
    published = time.monotonic()
    for path in (news["url"], news["list"]):
        while True:
            _, headers, body = visitor.request(path)
            elapsed = time.monotonic() - published
            if title in body or elapsed > 1:
                break
            time.sleep(0.05)
        report.check(
            title in body and elapsed <= 1,
            f"{path} shows the new title {elapsed:.2f} s after publishing"
            f" (X-Cache {headers['X-Cache']})",
        )


def check_member(report, member, facts, password):
    status, _, body = member.request("/konto/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    report.check(status == 200 and token, f"login form: {status}")
    if not token:
        return
    status, headers, _ = member.request(
        "/konto/login/",
        data={"login": MEMBER_EMAIL, "password": password, "csrfmiddlewaretoken": token[1]},
        headers={"Referer": member.base + "/konto/login/", "Origin": member.base},
    )
    if not report.check(status == 302, f"member logs in: {status} -> {headers['Location']}"):
        return
    news = facts["news"]["url"]
    answers = [member.request(news) for _ in range(2)]
    report.check(
        all(
            status == 200 and headers["X-Cache"] != "HIT" and "private" in headers["Cache-Control"]
            for status, headers, _ in answers
        )
        and all('action="/konto/logout/"' in body for _, _, body in answers),
        f"{news} for the logged-in member: X-Cache "
        f"{[headers['X-Cache'] for _, headers, _ in answers]}, "
        f"{answers[-1][1]['Cache-Control']}, with the logout button",
    )
    status, headers, _ = member.request(facts["document"]["url"])
    report.check(
        status == 200 and headers["X-Cache"] != "HIT",
        f"members-only document for the member: {status} {headers['Content-Type']}",
    )
    check_never_cached(report, member, "/netzwerk/", "the member")


def check_mail(report, seconds=20):
    """An e-mail goes into the outbox and the task worker delivers it to the mail server."""
    pk = django_shell(
        "from django.core.mail import send_mail; from home.models import OutgoingMail; "
        "send_mail('Rauchtest', 'Zustellung durch den Worker.', None, ['smoke@example.org']); "
        "print(OutgoingMail.objects.latest('pk').pk)"
    ).strip()
    started, status = time.monotonic(), ""
    while time.monotonic() - started < seconds and status != "sent":
        time.sleep(0.5)
        status = django_shell(
            f"from home.models import OutgoingMail; print(OutgoingMail.objects.get(pk={pk}).status)"
        ).strip()
    report.check(
        status == "sent",
        f"e-mail through the outbox and the task worker: {status} "
        f"after {time.monotonic() - started:.1f} s",
    )


def running(pid):
    """Whether the process runs (a zombie that its parent has not collected yet does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def check_reload(report, base, context, pidfile, seconds=60):
    """USR2 to the master, as `systemctl reload bbe-gunicorn` sends it: a new master loads the
    code and takes over on the same socket; no request made meanwhile fails."""
    old = int(Path(pidfile).read_text())
    answers, stop = [], threading.Event()

    def traffic():
        client = Client(base, context)
        while not stop.is_set():
            try:
                answers.append(client.request("/suche/?q=Patenschaft")[0])
            except OSError as error:
                answers.append(repr(error))

    threads = [threading.Thread(target=traffic) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    os.kill(old, signal.SIGUSR2)
    started, new = time.monotonic(), old
    while time.monotonic() - started < seconds and (new == old or running(old)):
        time.sleep(0.2)
        with contextlib.suppress(FileNotFoundError, ValueError):  # being rewritten
            new = int(Path(pidfile).read_text())
    took = time.monotonic() - started
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join()
    failed = [answer for answer in answers if answer != 200]
    report.check(
        new != old and running(new) and not running(old) and not failed,
        f"reload under traffic: master {old} -> {new} in {took:.1f} s, "
        f"{len(answers)} requests, failed: {failed[:5] or 0}",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "base", help="the site's address through nginx, e.g. https://127.0.0.1:8143"
    )
    parser.add_argument("--cafile", help="the certificate nginx presents (self-signed)")
    parser.add_argument("--wait", type=float, default=0, help="seconds to wait for the site")
    parser.add_argument("--reload-pidfile", help="gunicorn's pid file: reload it under traffic")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    context = ssl.create_default_context(cafile=args.cafile)
    visitor = Client(base, context)
    if args.wait:
        wait_for(visitor, args.wait)

    password = os.environ.get("SMOKE_PASSWORD") or secrets.token_urlsafe(16)
    facts = json.loads(
        django_shell(FACTS % {"types": PAGE_TYPES, "email": MEMBER_EMAIL}, SMOKE_PASSWORD=password)
    )
    report = Report()
    print(f"Smoke test of {base} (nginx -> Varnish -> gunicorn)")
    check_pages(report, visitor, facts["pages"])
    check_compressed(report, visitor, "/")
    check_files(report, visitor, facts)
    for path in ("/suche/?q=Patenschaft", "/admin/login/", "/konto/login/"):
        check_never_cached(report, visitor, path, "a visitor")
    check_publish(report, visitor, facts["news"])
    check_member(report, Client(base, context, cookies=True), facts, password)
    check_mail(report)
    if args.reload_pidfile:
        check_reload(report, base, context, args.reload_pidfile)
    if report.failures:
        sys.exit(f"{report.failures} check(s) failed.")
    print("All checks passed.")


if __name__ == "__main__":
    main()
