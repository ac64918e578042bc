from django.core.management.base import BaseCommand

from events import waiting_list


class Command(BaseCommand):
    help = (
        "Let offers from the waiting list that were not accepted in time expire, let "
        "registrations whose e-mail address was not confirmed in time lapse, and offer the "
        "free places to the next confirmed people waiting, for every congress that is not "
        "over. Idempotent; run it every few minutes from cron or a systemd timer."
    )

    def handle(self, *args, **options):
        processed = waiting_list.process_waiting_list()
        self.stdout.write(
            f"Offers expired: {processed.expired}; unconfirmed registrations lapsed: "
            f"{processed.lapsed}; places offered: {processed.offered}."
        )
