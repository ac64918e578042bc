"""Redaktion keeps the search's synonyms and the editors' picks (promoted results), and
reads the report of search terms."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

CHANGE = ("add", "change", "delete", "view")
GRANTS = [
    ("search", "synonymgroup", CHANGE),
    ("search", "searchterm", ("view",)),
    ("wagtailsearchpromotions", "searchpromotion", CHANGE),
    ("wagtailsearchpromotions", "query", CHANGE),
]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q()
    for app_label, model, actions in GRANTS:
        wanted |= Q(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return Permission.objects.filter(wanted)


def grant(apps, schema_editor):
    # Permissions are normally created after `migrate` finishes; the group needs them now.
    for app_label in ("search", "wagtailsearchpromotions"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="Redaktion").permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="Redaktion").permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_default_synonyms"),
        ("home", "0002_groups"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
