from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Knowledge database")

    def ready(self):
        from home.site_cache import rebuild_after_changes
        from library.facets import rebuild_catalogues

        rebuild_after_changes(rebuild_catalogues)
