"""One message per event in the outbox (home.mail.once); the group Moderation sees the
outbox and sends a failed message again (home/wagtail_hooks.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

CODENAMES = ["view_outgoingmail", "resend_outgoingmail"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="home", codename__in=CODENAMES)
    Group.objects.get(name="Moderation").permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="home", codename__in=CODENAMES)
    Group.objects.get(name="Moderation").permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("home", "0005_outgoingmail")]

    operations = [
        migrations.AlterModelOptions(
            name="outgoingmail",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [("resend_outgoingmail", "Can send a failed e-mail again")],
                "verbose_name": "outgoing e-mail",
                "verbose_name_plural": "outgoing e-mails",
            },
        ),
        migrations.AddField(
            model_name="outgoingmail",
            name="event",
            field=models.CharField(
                blank=True, max_length=200, null=True, unique=True, verbose_name="occasion"
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]
