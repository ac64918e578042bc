import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# What is loaded by now lives as long as the worker: kept out of the garbage collector's
# full collections, which would otherwise scan all of Django and Wagtail every so often and
# hold up the request at hand by about 100 ms (benchmarks/common.py does the same).
gc.freeze()
