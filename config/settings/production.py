"""Production: PostgreSQL, Redis, e-mail over SMTP, HTTPS behind a reverse proxy.

Refuses to start without SECRET_KEY, DATABASE_URL and REDIS_URL: there is no generated
fallback for any of them.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config.error_reporting import init_error_reporting

from .base import *  # noqa: F403
from .base import LOG_FORMAT, REDIS_URL, SECRET_KEY, SENTRY_DSN, env_bool

for _name, _value in (
    ("SECRET_KEY", SECRET_KEY),
    ("DATABASE_URL", os.environ.get("DATABASE_URL")),
    ("REDIS_URL", REDIS_URL),
):
    if not _value:
        raise ImproperlyConfigured(f"{_name} must be set in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Warnings and errors of every part, and one line per request (config/request_log.py), on
# standard error: readable lines, or JSON lines with LOG_FORMAT=json.
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be plain or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "config.request_log.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"config.request_log": {"level": "INFO"}},
}

init_error_reporting(SENTRY_DSN)
