"""The moderators (group Moderation) correct and delete the discussions of working groups in
the admin; they read every group already."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_groupthread", "change_groupthread", "delete_groupthread"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="community", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="Moderation"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("community", "0007_group_threads"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
