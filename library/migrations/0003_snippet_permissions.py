"""Redaktion manages the snippets the knowledge database brings: topics and material types,
and the organisations (carriers) of home."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

MODELS = [("library", "topic"), ("library", "materialtype"), ("home", "organisation")]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q()
    for app_label, model in MODELS:
        wanted |= Q(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in ("add", "change", "delete")],
        )
    return Permission.objects.filter(wanted)


def grant(apps, schema_editor):
    # Permissions are normally created after `migrate` finishes; the group needs them now.
    for app_label in ("home", "library"):
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
    dependencies = [("library", "0002_materials"), ("home", "0002_groups")]

    operations = [migrations.RunPython(grant, revoke)]
