"""One log line per request: method, path, status, duration in ms and the user's id.

Never the query string (searches, e-mail addresses in forms sent by GET) and never an
e-mail address; path segments that look like secrets (password reset and confirmation keys,
unsubscribe and calendar tokens) are replaced by <redacted>. Production logs these lines
through the logger "config.request_log" as plain text or, with LOG_FORMAT=json, as JSON
lines (JsonFormatter).
"""

import json
import logging
import re
import time
from datetime import UTC, datetime

from django.conf import settings

from config.health import HEALTH_PATH

logger = logging.getLogger(__name__)


def looks_secret(segment):
    """A run of 10 or more letters, digits or underscores that holds a digit or a capital
    letter: keys and tokens, not the lowercase words of slugs."""
    return any(
        len(run) >= 10 and any(char.isdigit() or char.isupper() for char in run)
        for run in re.findall(r"[A-Za-z0-9_]+", segment)
    )


def loggable_path(path):
    """The path without the segments that look like keys or tokens (static files keep
    their hashed names)."""
    if path.startswith(settings.STATIC_URL):
        return path
    return "/".join("<redacted>" if looks_secret(part) else part for part in path.split("/"))


def user_id(request):
    """The id of the user the request was answered for, or None. Only a user Django already
    loaded for the request (AuthenticationMiddleware's `_cached_user`): the log never causes
    a query of its own, which could fail while the database is down."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestLogMiddleware:
    """The outermost middleware, so it logs the status the client got and the whole time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        if request.path_info == HEALTH_PATH and response.status_code == 200:
            return response  # the balancer asks every few seconds: only failures are news
        fields = {
            "method": request.method,
            "path": loggable_path(request.path),
            "status": response.status_code,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "user_id": user_id(request),
        }
        logger.log(
            logging.WARNING if response.status_code >= 500 else logging.INFO,
            "%(method)s %(path)s %(status)s %(duration_ms)sms user=%(user_id)s",
            fields,
            extra={"http": fields},
        )
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, the request's fields
    for request lines, and the traceback where there is one."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "http", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
