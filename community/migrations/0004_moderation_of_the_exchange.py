"""The group Moderation hides and deletes comments and questions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

PERMISSIONS = Q(
    content_type__app_label="django_comments_xtd",
    codename__in=["view_xtdcomment", "change_xtdcomment", "delete_xtdcomment"],
) | Q(
    content_type__app_label="community",
    codename__in=["view_question", "change_question", "delete_question"],
)


def grant(apps, schema_editor):
    for label in ("community", "django_comments_xtd"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Moderation").permissions.add(*Permission.objects.filter(PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Moderation").permissions.remove(
        *Permission.objects.filter(PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_exchange_collections_notifications"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
