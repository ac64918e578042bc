"""/healthz for the load balancer: JSON about database, cache and search; 503 only when the
database is gone. The services really are unreachable (tests/config/conftest.py)."""

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from tests.config.conftest import CLOSED_PORT, DEAD_REDIS_URL

HEALTHZ = "/healthz"
NONE_LATE = {"failed": 0, "overdue": 0}
EVERYTHING_OK = {
    "database": "ok",
    "cache": "ok",
    "search": "ok",
    "mail": NONE_LATE,
    "tasks": NONE_LATE,
}


@pytest.mark.django_db
def test_healthz_reports_every_service_ok():
    response = Client().get(HEALTHZ)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == EVERYTHING_OK
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies  # no session, no CSRF cookie


@pytest.mark.django_db
def test_healthz_counts_tasks_the_worker_has_not_taken_for_five_minutes(settings, time_machine):
    from home.tasks import deliver_mail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver_mail.enqueue(1)
    assert Client().get(HEALTHZ).json()["tasks"] == NONE_LATE

    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=6))  # no worker ran

    assert Client().get(HEALTHZ).json()["tasks"] == {"failed": 0, "overdue": 1}


@pytest.mark.django_db
def test_healthz_answers_any_host_name_and_head_requests():
    """Balancers often ask by IP address, and some only with HEAD."""
    client = Client(HTTP_HOST="10.0.0.7")

    assert client.get(HEALTHZ).status_code == 200
    assert client.head(HEALTHZ).status_code == 200


def test_healthz_answers_503_while_the_database_is_down(database_outage):
    database_outage.start()

    response = Client().get(HEALTHZ)

    assert response.status_code == 503
    # Nothing but the states: no host, port, path or error text.
    assert response.json() == {"database": "error", "cache": "ok", "search": "error"}


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "home.cache_backends.RedisCache",
            "LOCATION": DEAD_REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
)
def test_healthz_reports_redis_down_but_the_node_keeps_serving():
    response = Client().get(HEALTHZ)

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "error",
        "search": "ok",
        "mail": NONE_LATE,
        "tasks": NONE_LATE,
    }


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "home.cache_backends.RedisCache",
            "LOCATION": DEAD_REDIS_URL,
        }
    }
)
def test_healthz_reports_redis_down_even_where_cache_errors_are_not_ignored():
    response = Client().get(HEALTHZ)

    assert response.status_code == 200
    assert response.json()["cache"] == "error"


@pytest.mark.django_db
@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{CLOSED_PORT}"],
            "INDEX_PREFIX": "bbe_",
            "TIMEOUT": 5,
        }
    }
)
def test_healthz_reports_elasticsearch_down_but_the_node_keeps_serving():
    response = Client().get(HEALTHZ)

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "search": "error",
        "mail": NONE_LATE,
        "tasks": NONE_LATE,
    }
