"""Working groups and their members; the BBE team (groups Moderation and Redaktion) creates
and manages them in the admin."""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

TEAM = ("Moderation", "Redaktion")
CODENAMES = [
    f"{action}_{model}"
    for action in ("add", "change", "delete", "view")
    for model in ("workinggroup", "groupmembership")
]


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
    for group in Group.objects.filter(name__in=TEAM):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="community", codename__in=CODENAMES).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0004_moderation_of_the_exchange'),
        ('library', '0007_text_status_being_read'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='WorkingGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='name')),
                ('slug', models.SlugField(blank=True, help_text='Made from the name when empty.', max_length=120, unique=True, verbose_name='web address')),
                ('purpose', models.TextField(help_text='What the group works on, in two or three sentences.', max_length=600, verbose_name='purpose')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='planned end')),
                ('visibility', models.CharField(choices=[('public', 'public'), ('closed', 'closed'), ('secret', 'secret')], default='closed', help_text='Public: everyone sees the group and its purpose, members of the network its content. Closed: members of the network see the group, only its members its content. Secret: only its members know the group.', max_length=10, verbose_name='visibility')),
                ('joining', models.CharField(choices=[('open', 'open'), ('request', 'on request'), ('invitation', 'by invitation only')], default='request', help_text="Open: every member of the network may join. On request: the group's moderators accept or decline. By invitation only: the moderators invite people.", max_length=10, verbose_name='joining')),
                ('archived_at', models.DateTimeField(blank=True, help_text='A finished group is read-only; its members still find its content.', null=True, verbose_name='archived')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created on')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='working_groups', to='library.topic', verbose_name='topics')),
            ],
            options={
                'verbose_name': 'working group',
                'verbose_name_plural': 'working groups',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='GroupMembership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('member', 'member'), ('moderator', 'group moderator')], default='member', max_length=10, verbose_name='role')),
                ('state', models.CharField(choices=[('active', 'member'), ('requested', 'asked to join'), ('invited', 'invited')], default='active', max_length=10, verbose_name='state')),
                ('message', models.TextField(blank=True, max_length=1000, verbose_name='message')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='since')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='group_memberships', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                ('group', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='community.workinggroup')),
            ],
            options={
                'verbose_name': 'group membership',
                'verbose_name_plural': 'group memberships',
                'constraints': [models.UniqueConstraint(fields=('group', 'user'), name='one_membership_per_group')],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
