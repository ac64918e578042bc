"""The people of the member area's tests, one per role of the access matrix; the sections
of the site that notifications are about; the clock of the digest."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from community.models import MemberStatus
from tests.factories import (
    MemberProfileFactory,
    NewsIndexPageFactory,
    OrganisationFactory,
    UserFactory,
)

PASSWORD = "ein-langes-testpasswort"

# The digest runs at fixed times, and notifications for it are made at fixed times: nobody
# sleeps.
BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime.datetime(2030, 3, 4, 6, 0, tzinfo=BERLIN)
TUESDAY = MONDAY + datetime.timedelta(days=1)
WEDNESDAY_BEFORE = MONDAY - datetime.timedelta(days=5)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Caritas Berlin", state="BE", city="Berlin")


@pytest.fixture
def member(organisation):
    """An approved member (group Mitglieder)."""
    return MemberProfileFactory(
        user__email="mira.member@example.org",
        user__first_name="Mira",
        user__last_name="Mitglied",
        organisation=organisation,
        state="BE",
        city="Berlin",
    ).user


@pytest.fixture
def other_member(db):
    return MemberProfileFactory(
        user__email="otto.other@example.org",
        user__first_name="Otto",
        user__last_name="Anders",
        state="HH",
        city="Hamburg",
    ).user


@pytest.fixture
def pending(db):
    """Signed up and verified, waiting for approval: logged in, no member access."""
    return MemberProfileFactory(
        user__email="paula.pending@example.org",
        user__first_name="Paula",
        user__last_name="Wartend",
        status=MemberStatus.PENDING,
        proposed_organisation="Neuer Verein e. V.",
    ).user


@pytest.fixture
def moderator(db):
    """BBE staff who approve accounts: in Moderation and, like all staff, in Mitglieder."""
    return UserFactory(email="moritz.moderation@example.org", groups=["Moderation", "Mitglieder"])


@pytest.fixture
def editor(db):
    """An editor of the public site (Redaktion): no member access of their own."""
    return UserFactory(email="erika.redaktion@example.org", groups=["Redaktion"])


@pytest.fixture
def people(member, other_member, pending, moderator, editor):
    """The roles of the access matrices, by name; the visitor is None (not logged in)."""
    return {
        "visitor": None,
        "pending": pending,
        "member": member,
        "other_member": other_member,
        "moderator": moderator,
        "editor": editor,
    }


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)
