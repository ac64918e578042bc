"""/healthz: can this node serve? For the load balancer and monitoring.

Answers JSON such as {"database": "ok", "cache": "ok", "search": "error", "mail": {"failed":
0, "overdue": 0}, "tasks": {"failed": 0, "overdue": 0}} (the outgoing e-mails that failed
for good or wait too long, the background tasks that failed or wait too long): HTTP 503 when the
database cannot be reached (the balancer takes the node out), 200 otherwise (without cache or
search the node still serves pages). It needs no session and no login (nor an allowed host
name or HTTPS: no other middleware runs), never answers 500 and tells nothing about the
services but "ok" or "error"; the reasons go to the log.
"""

import logging
import secrets
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# config/urls.py routes it, but DatabaseOutageMiddleware answers it before other middleware.
HEALTH_PATH = "/healthz"
# How long the search backend may take to answer the ping (seconds).
SEARCH_PING_TIMEOUT = 2


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    """A value written to the cache can be read back. (django-redis set to ignore errors
    answers a dead Redis with None instead of raising.)"""
    key = f"healthz:{secrets.token_hex(8)}"
    cache.set(key, "ok", 10)
    answered = cache.get(key) == "ok"
    cache.delete(key)
    return answered


def search_answers():
    # Imported here: this module is imported while logging is configured, before models.
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    client = getattr(backend, "es", None)  # Wagtail's Elasticsearch and OpenSearch backends
    if client is not None:
        return client.options(request_timeout=SEARCH_PING_TIMEOUT).ping()
    # The database backend: a search that finds nothing is fine, an error is not.
    list(backend.search("healthz", Page)[:1])
    return True


def status_of(name, check):
    try:
        if check():
            return "ok"
        logger.warning("Health check: the %s does not answer", name)
    except Exception:
        logger.warning("Health check: the %s failed", name, exc_info=True)
    return "error"


@never_cache  # Cache-Control: no-store, for every proxy on the way
@require_safe
def healthz(request):
    checks = {"database": database_answers, "cache": cache_answers, "search": search_answers}
    report = {name: status_of(name, check) for name, check in checks.items()}
    if report["database"] == "ok":
        report["mail"] = mail_counts()
        report["tasks"] = task_counts()
    return JsonResponse(report, status=200 if report["database"] == "ok" else 503)


def mail_counts():
    """Outgoing e-mails that failed for good, and those waiting longer than a retry takes
    (the task worker is not running): for monitoring, which alerts on either above 0."""
    from home.mail import overdue_count
    from home.models import OutgoingMail

    try:
        failed = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count()
        return {"failed": failed, "overdue": overdue_count()}
    except Exception:
        logger.warning("Health check: the outbox cannot be read", exc_info=True)
        return "error"


def task_counts():
    """Tasks that failed in the last day, and those waiting longer than five minutes for the
    task worker (it is not running, or cannot keep up): for monitoring, like mail_counts()."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    late = now - timedelta(minutes=5)
    # A task to run at once has the latest possible date as its time to run.
    due_long_ago = Q(run_after__lt=late) | Q(run_after=get_date_max(), enqueued_at__lt=late)
    try:
        failed = DBTaskResult.objects.failed().filter(finished_at__gte=now - timedelta(days=1))
        overdue = DBTaskResult.objects.ready().filter(due_long_ago)
        return {"failed": failed.count(), "overdue": overdue.count()}
    except Exception:
        logger.warning("Health check: the tasks cannot be read", exc_info=True)
        return "error"
