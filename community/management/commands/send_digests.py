from django.core.management.base import BaseCommand, CommandError

from community.notifications.digest import send_digests


class Command(BaseCommand):
    help = (
        "Sends each approved member one e-mail with their notifications not yet e-mailed. "
        "Run it once a day (cron or a systemd timer): kinds set to the daily digest go out "
        "every day, kinds set to the weekly digest with the run on a Monday, kinds set to "
        "»at once« whose e-mail did not go out with the next run. Only items of the last "
        "30 days that the member may still see; each item is sent once, so running it "
        "again sends nothing new."
    )

    def handle(self, *args, **options):
        report = send_digests()
        self.stdout.write(
            f"{report.digests} digest(s) sent with {report.notifications} notification(s)."
        )
        if report.failed:
            raise CommandError(f"{report.failed} digest(s) could not be sent (see the log).")
