from django.core.management.base import BaseCommand

from events import waiting_list


class Command(BaseCommand):
    help = (
        "Let offers from the waiting list that were not accepted in time expire and offer the "
        "free places to the next people waiting, for every congress that is not over. "
        "Idempotent; run it every few minutes from cron or a systemd timer."
    )

    def handle(self, *args, **options):
        expired, offered = waiting_list.process_waiting_list()
        self.stdout.write(f"Offers expired: {expired}; places offered: {offered}.")
