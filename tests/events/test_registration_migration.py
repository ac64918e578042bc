"""Migration events.0003: registrations made before the confirmation step count as
confirmed, so nobody registered already has to confirm or lapses."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.models import Registration, RegistrationState
from tests.factories import CongressPageFactory, EventIndexPageFactory

BEFORE = [("events", "0002_event_managers")]
AFTER = [("events", "0003_registration_email_confirmation")]


# Schema changes on SQLite need to run outside a transaction; the serialized rollback
# restores what the migrations created for the tests after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_registrations_made_before_the_confirmation_step_count_as_confirmed(home_page):
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=1)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldRegistration = old_apps.get_model("events", "Registration")
    made_at = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    for name, state in (("Anna", "confirmed"), ("Ben", "waiting")):
        registration = OldRegistration.objects.create(
            congress_id=congress.pk,
            name=name,
            email=f"{name.lower()}@example.org",
            privacy_consent_at=made_at,
            state=state,
            token=f"token-{name}",
        )
        OldRegistration.objects.filter(pk=registration.pk).update(created_at=made_at)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    anna, ben = Registration.objects.order_by("name")
    assert anna.email_confirmed_at == ben.email_confirmed_at == made_at
    assert not anna.awaits_confirmation and not ben.awaits_confirmation
    assert anna.get_state_display() == RegistrationState.CONFIRMED.label
    assert ben.position == 1
