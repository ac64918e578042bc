"""Local development: `make run`. SQLite, a cache in files (.cache/), e-mails on the console."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

DEBUG = True
# A fixed key is fine on a developer's machine; production refuses to start without its own.
SECRET_KEY = _SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"  # after the outbox
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SERVE_MEDIA = True
