"""Graceful answers while a service behind the site is down.

Database (PostgreSQL or the SQLite file) unreachable: every request is answered with the
German maintenance page, HTTP 503 with Retry-After, never a 500. Django opens a new
connection on the next request once the database is back (CONN_HEALTH_CHECKS drops a dead
persistent connection, a failed connect leaves none behind), so the site recovers by itself.

Cache (Redis) unreachable: django-redis ignores and logs the errors (production settings) and
sessions are read from the database (cached_db). allauth's rate limits cannot count without
the cache and refuse every attempt; `too_many_requests` then says that signing in is not
possible for the moment instead of »too many requests«.
"""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

from config.health import HEALTH_PATH, cache_answers, healthz

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


# Only if the template cannot be rendered (e.g. a deployment without collectstatic).
FALLBACK_PAGE = (
    '<!doctype html><html lang="de"><meta charset="utf-8">'
    "<title>Vorübergehend nicht erreichbar</title>"
    "<h1>Die Website ist vorübergehend nicht erreichbar</h1>"
    "<p>Bitte versuchen Sie es in einigen Minuten erneut.</p></html>"
)


def maintenance_response():
    """The German 503 page: a self-contained template, no database, no request context."""
    context = {"platform_name": settings.WAGTAIL_SITE_NAME}
    try:
        content = loader.render_to_string("503.html", context)
    except Exception:
        logger.exception("The maintenance page cannot be rendered")
        content = FALLBACK_PAGE
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def note_database_error(sender, request=None, **kwargs):
    """Django turns an exception raised in a middleware or an error handler into a 500
    response before the middleware around it sees it, but it sends got_request_exception
    first: mark the request, and DatabaseOutageMiddleware replaces that 500."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_unavailable = True


class DatabaseOutageMiddleware:
    """The outermost middleware but the request log: a request that failed because the
    database cannot be reached, in a view or in any middleware (sessions, authentication,
    Wagtail's redirects and site lookup), gets the maintenance page. It answers /healthz
    itself, before the middleware that may need the database."""

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(note_database_error, dispatch_uid=__name__)

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return healthz(request)
        try:
            response = self.get_response(request)
        except Exception:
            # Raised past Django's own handling, e.g. by the 500 page failing in turn.
            if not getattr(request, "database_unavailable", False):
                raise
        if getattr(request, "database_unavailable", False):
            return maintenance_response()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("The database is unavailable: %s", exception)
            request.database_unavailable = True
            return maintenance_response()
        return None


def too_many_requests(request):
    """allauth's answer when a rate limit refuses (handler429 in config/urls.py): the usual
    German 429 page, or, while the cache that counts the attempts does not answer, a 503
    saying that signing in and account changes are not possible for the moment."""
    if cache_answers():
        return render(request, "429.html", status=429)
    logger.error("Account request refused: the cache for the rate limits is unavailable")
    response = render(request, "503_accounts.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
