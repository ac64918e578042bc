"""Many people racing for the last place: exactly one gets it, the others go onto the waiting
list in order. The congress's row is locked while places are counted (PostgreSQL; SQLite
writes one at a time and is not what production runs)."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from events import waiting_list
from events.models import Registration, RegistrationState
from tests.factories import CongressPageFactory, EventIndexPageFactory

RACERS = 8

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="the row lock is what PostgreSQL does; the suite runs on PostgreSQL in CI too",
)


# Committed data, as the threads use their own connections; the serialized rollback restores
# what the migrations created (default Site, groups) for the tests after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_registrations_get_the_last_place_exactly_once(home_page):
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=1)
    start = threading.Barrier(RACERS)
    errors = []

    def race(number):
        try:
            start.wait()
            waiting_list.register(
                congress,
                {"name": f"Person {number}", "organisation": "", "email": f"p{number}@example.org"},
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(number,)) for number in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    states = list(Registration.objects.values_list("state", flat=True))
    assert states.count(RegistrationState.CONFIRMED) == 1
    assert states.count(RegistrationState.WAITING) == RACERS - 1
    waiting = Registration.objects.waiting()
    assert [registration.position for registration in waiting] == list(range(1, RACERS))
