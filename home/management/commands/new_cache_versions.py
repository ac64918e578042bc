from django.core.management.base import BaseCommand

from home.caching import new_versions


class Command(BaseCommand):
    help = (
        "Makes everything cached stale: new versions of every cache and a ban of the frontend "
        "cache. deploy/restore.sh runs it after a restore; `migrate` does the same by itself."
    )

    def handle(self, *args, **options):
        new_versions()
        self.stdout.write("New cache versions set; the frontend cache was told to forget all.")
