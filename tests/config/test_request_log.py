"""One log line per request: method, path without query string, status, duration, user id;
never e-mail addresses or tokens. Production writes it as text or, with LOG_FORMAT=json, as
JSON lines."""

import json
import logging
import re

import pytest
from django.test import Client

from tests.config.conftest import DEAD_REDIS_URL
from tests.config.test_production_settings import PRODUCTION_ENV, manage, random_secret_key
from tests.factories import MemberProfileFactory

LOGGER = "config.request_log"


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)

    def lines():
        return [record for record in caplog.records if record.name == LOGGER]

    return lines


def test_a_visit_is_logged_once_without_its_query_string(client, home_page, request_log):
    client.get("/?email=anna.beispiel@example.org")

    (record,) = request_log()
    assert re.fullmatch(r"GET / 200 \d+(\.\d)?ms user=None", record.getMessage())
    assert record.http["path"] == "/"
    assert record.http["duration_ms"] > 0


def test_a_members_request_is_logged_with_the_user_id_and_no_e_mail(client, home_page, request_log):
    member = MemberProfileFactory(user__email="mira.member@example.org").user
    client.force_login(member)

    client.get("/netzwerk/mein-bereich/")

    (record,) = request_log()
    assert record.getMessage().endswith(f" 200 {record.http['duration_ms']}ms user={member.pk}")
    assert "mira" not in record.getMessage()


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/konto/confirm-email/MQ:1u2pXy:Ab3dEfGh1jKlMn0pQr/", "/konto/confirm-email/<redacted>/"),
        (
            "/konto/password/reset/key/2-c9xk1a-0a1b2c3d4e5f6a7b8c9d/",
            "/konto/password/reset/key/<redacted>/",
        ),
        (
            "/mein-programm/kalender/Zq7_k2LmN0pQrStUvWxYz1.ics",
            "/mein-programm/kalender/<redacted>",
        ),
        (
            "/meldungen/oeffentlichkeitsarbeit-fachkongress-2017/",
            "/meldungen/oeffentlichkeitsarbeit-fachkongress-2017/",
        ),
    ],
    ids=["email-confirmation", "password-reset", "calendar-token", "slug-kept"],
)
def test_keys_and_tokens_in_paths_are_not_logged(client, home_page, request_log, path, logged):
    client.get(path)

    (record,) = request_log()
    assert record.http["path"] == logged
    assert logged in record.getMessage()


def test_successful_health_checks_are_not_logged(client, db, request_log):
    assert client.get("/healthz").status_code == 200

    assert request_log() == []


def test_the_503_of_a_database_outage_is_logged_as_a_warning(database_outage, request_log):
    database_outage.start()

    Client(raise_request_exception=False).get("/")

    (record,) = request_log()
    assert record.levelname == "WARNING"
    assert record.http["status"] == 503


def production_log(**env):
    """What production writes to standard error for a redirected and a failed request:
    HTTP is sent to HTTPS, and /healthz fails with its database at a closed port."""
    code = (
        "from django.test import Client; c = Client(HTTP_HOST='example.org'); "
        "c.get('/robots.txt?email=a@example.org'); c.get('/healthz')"
    )
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/postgres",
        "REDIS_URL": DEAD_REDIS_URL,
        "SECRET_KEY": random_secret_key(),
        **env,
    }
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stderr.splitlines()


def test_production_logs_readable_lines_by_default():
    lines = [line for line in production_log() if f" {LOGGER}: " in line]

    assert len(lines) == 2
    assert re.search(
        r" INFO config\.request_log: GET /robots\.txt 301 [\d.]+ms user=None$", lines[0]
    )
    assert re.search(
        r" WARNING config\.request_log: GET /healthz 503 [\d.]+ms user=None$", lines[1]
    )


def test_production_logs_json_lines_with_log_format_json():
    entries = [
        json.loads(line) for line in production_log(LOG_FORMAT="json") if line.startswith("{")
    ]

    requests = [entry for entry in entries if entry["logger"] == LOGGER]
    assert [(entry["method"], entry["path"], entry["status"]) for entry in requests] == [
        ("GET", "/robots.txt", 301),
        ("GET", "/healthz", 503),
    ]
    assert all(entry["user_id"] is None and entry["duration_ms"] >= 0 for entry in requests)
    assert {"time", "level", "message"} <= requests[0].keys()
    # The health check's warnings about the database are JSON lines too.
    assert any(entry["logger"] == "config.health" for entry in entries)


def test_production_refuses_an_unknown_log_format():
    env = {**PRODUCTION_ENV, "SECRET_KEY": random_secret_key(), "LOG_FORMAT": "xml"}

    result = manage("check", **env)

    assert result.returncode != 0
    assert "LOG_FORMAT" in result.stderr
