from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Build the demo site: the page tree from the seed text, images, site settings, and "
        "what each app adds in its demo.generate() (e.g. the knowledge database). "
        "Idempotent: what exists already is skipped, never duplicated or overwritten."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = skipped = 0
        # INSTALLED_APPS lists our apps in dependency order (home, library, …).
        for app_config in apps.get_app_configs():
            if not module_has_submodule(app_config.module, "demo"):
                continue
            report = import_module(f"{app_config.name}.demo").generate()
            for line in report.created:
                self.stdout.write(f"created: {line}")
            for line in report.skipped:
                self.stdout.write(f"skipped (exists): {line}")
            created, skipped = created + len(report.created), skipped + len(report.skipped)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content: {created} created, {skipped} skipped.")
        )
