from django.core.management.base import BaseCommand

from home.mail import deliver_due


class Command(BaseCommand):
    help = (
        "Sends the outgoing e-mails that are due (in case their task was lost) and marks "
        "those whose worker stopped while sending as failed. A timer runs it every five minutes."
    )

    def handle(self, *args, **options):
        sent, stuck = deliver_due()
        self.stdout.write(f"{sent} e-mail(s) sent, {stuck} marked failed after a stopped worker.")
