"""The group Moderation may review accounts (and sees the log of privacy requests); the
languages members can name; the Site framework gets the platform's real domain and name,
so e-mails and links name the platform, not example.com."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATION_PERMISSIONS = ["change_memberprofile", "view_memberprofile", "view_privacyrequest"]

LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("ar", "Arabisch"),
    ("fa", "Persisch (Farsi, Dari)"),
    ("ps", "Paschtu"),
    ("ku", "Kurdisch"),
    ("ti", "Tigrinya"),
    ("so", "Somali"),
    ("tr", "Türkisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("fr", "Französisch"),
    ("es", "Spanisch"),
    ("sgn-de", "Deutsche Gebärdensprache"),
]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderation = Group.objects.get(name="Moderation")
    moderation.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="community", codename__in=MODERATION_PERMISSIONS
        )
    )

    SpokenLanguage = apps.get_model("community", "SpokenLanguage")
    for order, (code, name) in enumerate(LANGUAGES):
        SpokenLanguage.objects.get_or_create(
            code=code, defaults={"name": name, "sort_order": order}
        )

    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={
            "domain": urlsplit(settings.BASE_URL).netloc,
            "name": settings.WAGTAIL_SITE_NAME,
        },
    )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="Moderation").permissions.remove(
        *Permission.objects.filter(content_type__app_label="community")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("home", "0002_groups"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
