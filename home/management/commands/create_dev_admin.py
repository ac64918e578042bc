import secrets
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.module_loading import module_has_submodule

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the local admin account for development and print its password once; give "
        "the demo content's logins (each app's demo.DEV_LOGINS) a password and print it once."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_admin is for local development only (DEBUG is off).")
        self.admin()
        for email, label in demo_logins():
            self.demo_login(email, label)

    def admin(self):
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

    def demo_login(self, email, label):
        """The demo creates its accounts without a password: the first run sets one."""
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            self.stdout.write(f"Demo {label} '{email}' is missing: load the demo content first.")
            return
        if user.has_usable_password():
            self.stdout.write(
                f"Demo {label} '{email}' has its password; it was printed when it was set "
                f"(reset it with: .venv/bin/python manage.py changepassword {user.username})."
            )
            return
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        self.stdout.write(self.style.SUCCESS(f"Demo {label} login (shown only this once):"))
        self.stdout.write(f"  URL:      {settings.BASE_URL.rstrip('/')}{reverse('account_login')}")
        self.stdout.write(f"  E-mail:   {email}")
        self.stdout.write(f"  Password: {password}")


def demo_logins():
    """(e-mail, label) of the logins that the apps' demo content creates, in app order.
    Found like the demo loader finds each app's demo, so that home imports no later app."""
    logins = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            logins += getattr(import_module(f"{app_config.name}.demo"), "DEV_LOGINS", [])
    return logins
