from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")

    def ready(self):
        from home import site_cache

        site_cache.connect()
        from home import frontend_cache

        frontend_cache.connect()
