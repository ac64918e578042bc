from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")

    def ready(self):
        from home import (
            frontend_cache,
            lookups,  # noqa: F401 -- registers the `__among` lookup
            site_cache,
        )

        site_cache.connect()
        site_cache.rebuild_after_changes(site_cache.rebuild_shared_values)
        frontend_cache.connect()
