"""Error reports to Sentry: only when SENTRY_DSN is set, without personal data."""

import json

from config.error_reporting import without_query_string
from tests.config.test_production_settings import PRODUCTION_ENV, manage, random_secret_key

SENTRY_STATE = (
    "import json, sentry_sdk; c = sentry_sdk.get_client(); "
    "print(json.dumps({'active': c.is_active(), 'pii': c.options['send_default_pii'], "
    "'bodies': c.options['max_request_body_size'], "
    "'scrubbed': getattr(c.options['before_send'], '__name__', None)}))"
)


def sentry_state(**env):
    env = {**PRODUCTION_ENV, "SECRET_KEY": random_secret_key(), **env}
    result = manage("shell", "--no-imports", "-c", SENTRY_STATE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_reports_errors_without_personal_data_when_sentry_dsn_is_set():
    state = sentry_state(SENTRY_DSN="https://public@sentry.example.org/1")

    assert state == {
        "active": True,
        "pii": False,
        "bodies": "never",
        "scrubbed": "without_query_string",
    }


def test_production_reports_nothing_without_sentry_dsn():
    assert sentry_state()["active"] is False


def test_production_with_sentry_passes_the_deployment_checks():
    env = {**PRODUCTION_ENV, "SECRET_KEY": random_secret_key()}
    env["SENTRY_DSN"] = "https://public@sentry.example.org/1"

    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_query_strings_are_removed_from_error_reports():
    event = {"request": {"url": "https://example.org/suche/", "query_string": "q=Anna+Beispiel"}}

    assert without_query_string(event, {}) == {"request": {"url": "https://example.org/suche/"}}
