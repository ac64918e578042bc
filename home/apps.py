from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")

    def ready(self):
        from home import (
            caching,
            lookups,  # noqa: F401 -- registers the `__among` lookup
        )

        caching.connect()
