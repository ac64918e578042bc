import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Every view imported now rather than on the first request: the workers forked from a
# preloaded master share them (config/gunicorn.py), and new code that does not import fails
# here, in the new master, before it replaces the one that serves.
get_resolver().url_patterns  # noqa: B018 - imported for its effect

# What is loaded by now lives as long as the worker: kept out of the garbage collector's
# full collections, which would otherwise scan all of Django and Wagtail every so often and
# hold up the request at hand by about 100 ms (benchmarks/common.py does the same).
gc.freeze()
