from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo


class Command(BaseCommand):
    help = (
        "Build the demo site from the seed text: page tree, images, site settings. "
        "Idempotent: what exists already is skipped, never duplicated or overwritten."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        report = demo.generate()
        for line in report.created:
            self.stdout.write(f"created: {line}")
        for line in report.skipped:
            self.stdout.write(f"skipped (exists): {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(report.created)} created, {len(report.skipped)} skipped."
            )
        )
