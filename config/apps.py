from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project package as an app: it wires the cache registry (config/caches.py), which
    reads the models of every app."""

    name = "config"
    verbose_name = "Configuration"

    def ready(self):
        from config import caches

        caches.connect()
