import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the local admin account for development and print its password once."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Admin account '{USERNAME}' exists; its password was printed when it was "
                "created (reset it with: .venv/bin/python manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, "admin@example.org", password)
        self.stdout.write(self.style.SUCCESS("Local admin account created (shown only this once):"))
        self.stdout.write(f"  URL:      {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"  User:     {USERNAME}")
        self.stdout.write(f"  Password: {password}")
