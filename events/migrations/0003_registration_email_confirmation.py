"""Registrations confirm their e-mail address (events/waiting_list.py): the fields for it,
the state »lapsed«, and the congress's hours to confirm. Registrations made before count
as confirmed, at the time they were made."""

import django.core.validators
from django.db import migrations, models
from django.db.models import F


def confirm_existing(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    Registration.objects.filter(email_confirmed_at__isnull=True).update(
        email_confirmed_at=F("created_at")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_event_managers'),
    ]

    operations = [
        migrations.AddField(
            model_name='congresspage',
            name='confirmation_hours',
            field=models.PositiveSmallIntegerField(default=24, help_text='Visitors who register without logging in confirm their e-mail address with a link we send them; until then their place or their spot on the waiting list is held provisionally. Registrations not confirmed within this time lapse and free their place. Members logged in with a verified address need no link.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='hours to confirm the e-mail address'),
        ),
        migrations.AddField(
            model_name='registration',
            name='confirmation_expires_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='to be confirmed by'),
        ),
        migrations.AddField(
            model_name='registration',
            name='confirmation_key',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='registration',
            name='email_confirmed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='e-mail address confirmed at'),
        ),
        migrations.AlterField(
            model_name='registration',
            name='state',
            field=models.CharField(choices=[('confirmed', 'Registered'), ('waiting', 'Waiting list'), ('offered', 'Place offered'), ('cancelled', 'Cancelled'), ('expired', 'Offer expired'), ('lapsed', 'Lapsed (not confirmed)')], db_index=True, max_length=20, verbose_name='state'),
        ),
        migrations.RunPython(confirm_existing, migrations.RunPython.noop, elidable=True),
    ]
