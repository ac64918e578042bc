"""What the group Veranstaltungsmanagement may do: pages below »Veranstaltungen« (an index
page created later gets them when it is saved, see EventIndexPage.save), speakers, and the
registrations (view, change state). Redaktion gets the same on the models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODEL_PERMISSIONS = {
    "speaker": ["add", "change", "delete", "view"],
    "registration": ["change", "view"],
}


def model_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q()
    for model, actions in MODEL_PERMISSIONS.items():
        wanted |= Q(
            content_type__app_label="events",
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return Permission.objects.filter(wanted)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    managers = Group.objects.get(name="Veranstaltungsmanagement")
    managers.permissions.add(*model_permissions(apps))
    Group.objects.get(name="Redaktion").permissions.add(*model_permissions(apps))
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    for page in EventIndexPage.objects.all():
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=managers, page_id=page.pk, permission=permission
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ("Veranstaltungsmanagement", "Redaktion"):
        Group.objects.get(name=name).permissions.remove(*model_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("home", "0002_groups")]

    operations = [migrations.RunPython(grant, revoke)]
