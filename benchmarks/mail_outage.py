"""Registrations while the mail server is down, and while it is slow (issue #22); run by
benchmarks/mail_outage.sh with the production settings it exports.

    mail_outage.py outage BASE_URL SMTP_PORT DIR   200 registrations, the mail server down
                                                  for the first 30 s: stored, answered,
                                                  delivered, duplicates
    mail_outage.py slow BASE_URL SMTP_PORT DIR     20 registrations one after the other with
                                                  a mail server that takes 2 s per message:
                                                  p50/p95 of the POST

Each registration is what a browser does: GET the form (CSRF cookie and token), POST it,
from an address of its own (X-Real-IP, CLIENT_IP_HEADER), so the per-address limit does not
apply.
"""

import datetime
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

sys.path[0] = str(Path(__file__).resolve().parent.parent)

SLUG = "fachkongress-mail-ausfall"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def setup():
    import django

    django.setup()


def prepare():
    """A congress with room for everyone, without registrations; an empty outbox."""
    from events.models import CongressPage, EventIndexPage

    congress = CongressPage.objects.filter(slug=SLUG).first()
    if congress is None:
        start = datetime.date.today() + datetime.timedelta(days=60)
        congress = EventIndexPage.objects.first().add_child(
            instance=CongressPage(
                title="Fachkongress (Mailausfall)",
                slug=SLUG,
                start_date=start,
                end_date=start + datetime.timedelta(days=1),
                venue_name="Tagesspiegel Verlagshaus",
                venue_address="Askanischer Platz 3, 10963 Berlin",
                registration_enabled=True,
            )
        )
    congress.capacity = 5000
    congress.registration_deadline = None
    congress.save_revision().publish()
    congress.registrations.all().delete()
    try:
        from home.models import OutgoingMail

        OutgoingMail.objects.all().delete()
    except ImportError:  # the code from before the outbox
        pass
    return congress.url


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def cookies_of(response):
    return {
        header.split("=", 1)[0]: header.split("=", 1)[1].split(";", 1)[0]
        for header in response.headers.get_all("Set-Cookie") or []
    }


def letters(number):
    """0 -> "Aaa", 1 -> "Aab", …: a name of letters for each number."""
    word = ""
    for _place in range(3):
        number, rest = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[rest] + word
    return word.capitalize()


def register(base, path, number):
    """One registration as a browser sends it; (status, seconds of the POST)."""
    address = f"10.{number // 250 % 250}.{number % 250}.{number % 7 + 1}"
    headers = {"X-Real-IP": address}
    form_url = f"{base}{path}anmelden/"
    with OPENER.open(urllib.request.Request(form_url, headers=headers), timeout=60) as response:
        page = response.read().decode()
        cookies = cookies_of(response)
    data = {
        "csrfmiddlewaretoken": TOKEN.search(page).group(1),
        "name": f"Teilnehmerin {letters(number)}",  # names take letters only
        "organisation": "Benchmark e. V.",
        "email": f"teilnehmerin-{number:03d}@example.org",
        "privacy_consent": "on",
    }
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    request = urllib.request.Request(
        form_url,
        data=urlencode(data).encode(),
        headers={**headers, "Cookie": cookie, "Referer": form_url},
    )
    started = time.monotonic()
    try:
        with OPENER.open(request, timeout=120) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.monotonic() - started


def sink(port, log, delay=0):
    command = [sys.executable, "-W", "ignore", "benchmarks/smtp_sink.py", str(port), str(log)]
    return subprocess.Popen([*command, "--delay", str(delay)])


def delivered(log):
    if not Path(log).exists():
        return []
    return [json.loads(line) for line in Path(log).read_text().splitlines()]


def outage(base, port, directory, count=200, down_seconds=30):
    setup()
    from events.models import Registration

    path = prepare()
    log = Path(directory) / "outage-mail.jsonl"
    log.unlink(missing_ok=True)
    started = time.monotonic()
    server = None

    def bring_back():
        nonlocal server
        time.sleep(down_seconds)
        server = sink(port, log)

    back = threading.Thread(target=bring_back)
    back.start()
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda number: register(base, path, number), range(count)))
    submitted = time.monotonic() - started
    back.join()
    deadline = time.monotonic() + 600
    while len(delivered(log)) < count and time.monotonic() < deadline:
        time.sleep(2)
    server.terminate()
    mails = delivered(log)
    keys = [(tuple(mail["to"]), mail["subject"]) for mail in mails]
    stored = Registration.objects.filter(congress__slug=SLUG).count()
    report = {
        "registrations_submitted": count,
        "submitted_in_seconds": round(submitted, 1),
        "mail_server_down_seconds": down_seconds,
        "responses": {
            str(status): [s for s, _t in results].count(status) for status, _t in results
        },
        "stored": stored,
        "mails_delivered": len(mails),
        "distinct_recipients": len({mail_to for mail_to, _s in keys}),
        "duplicates": len(keys) - len(set(keys)),
        "all_delivered_after_seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(report, indent=1))
    (Path(directory) / "outage.json").write_text(json.dumps(report, indent=1))


def slow(base, port, directory, count=20, delay=2.0):
    setup()
    path = prepare()
    log = Path(directory) / "slow-mail.jsonl"
    log.unlink(missing_ok=True)
    server = sink(port, log, delay)
    time.sleep(1)
    try:
        times = sorted(register(base, path, 1000 + number)[1] for number in range(count))
    finally:
        server.terminate()
    report = {
        "registrations": count,
        "mail_server_seconds_per_message": delay,
        "post_p50_seconds": round(times[len(times) // 2], 3),
        "post_p95_seconds": round(times[int(len(times) * 0.95) - 1], 3),
    }
    print(json.dumps(report, indent=1))
    (Path(directory) / "slow.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    commands = {"outage": outage, "slow": slow}
    if command not in commands or len(args) != 3:
        sys.exit(__doc__)
    base, port, directory = args
    commands[command](base.rstrip("/"), int(port), directory)
