from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from library.importer import COLUMNS, MaterialImporter, RowError, read_csv
from library.models import LibraryIndexPage


class Command(BaseCommand):
    help = (
        "Create or update materials of the knowledge database from a CSV file (columns: "
        + ", ".join(COLUMNS)
        + ") and a folder with their files. Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="CSV file, UTF-8 or Windows-1252, ; or , separated")
        parser.add_argument("--files", metavar="DIR", help="folder with the files the rows name")

    def handle(self, *args, **options):
        translation.activate("de")
        library = LibraryIndexPage.objects.first()
        if library is None:
            raise CommandError(_("There is no knowledge database page to import into."))
        try:
            records = read_csv(options["csv_file"])
        except OSError as error:
            raise CommandError(
                _("The file cannot be read: %(error)s") % {"error": error.strerror}
            ) from None
        except RowError as error:
            raise CommandError(str(error)) from None
        progress = self.progress_bar if self.stdout.isatty() else None
        report = MaterialImporter(library, options["files"]).run(records, progress)
        self.print_report(report)
        if report.rejected:
            count = len(report.rejected)
            raise CommandError(
                ngettext("%(count)s row was rejected.", "%(count)s rows were rejected.", count)
                % {"count": count}
            )

    def progress_bar(self, done, total):
        width = 30
        filled = width * done // total
        self.stdout.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}", ending="")
        if done == total:
            self.stdout.write("")

    def print_report(self, report):
        for label, keys in (
            (_("created"), report.created),
            (_("updated"), report.updated),
            (_("unchanged"), report.unchanged),
        ):
            self.stdout.write(f"{label}: {len(keys)}" + (f" ({', '.join(keys)})" if keys else ""))
        rejected = _("rejected")
        self.stdout.write(f"{rejected}: {len(report.rejected)}")
        for number, reason in report.rejected:
            self.stdout.write(
                self.style.ERROR(
                    "  " + _("row %(number)s: %(reason)s") % {"number": number, "reason": reason}
                )
            )
