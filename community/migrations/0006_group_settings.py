"""Whether members found working groups themselves: a site setting the BBE team (groups
Moderation and Redaktion) changes in the admin."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

TEAM = ("Moderation", "Redaktion")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="community", codename="change_groupsettings"
    )
    for group in Group.objects.filter(name__in=TEAM):
        group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0005_working_groups'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='GroupSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('members_create_groups', models.BooleanField(default=False, help_text='When ticked, every approved member may found a working group and moderates it. Otherwise only the BBE team creates groups, in »Working groups«.', verbose_name='members may create working groups')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'working groups',
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
