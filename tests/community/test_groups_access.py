"""Who may know of a working group, read it and moderate it (community/groups/access.py),
for each visibility and role: the rules every group surface will ask. A secret group is
known to its members, those it invites and the BBE's moderators only; the list of groups
someone may know of agrees with the rule for each group."""

import pytest
from django.contrib.auth.models import AnonymousUser

from community.groups import access
from community.groups.models import GroupMembership, Visibility, WorkingGroup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "pending", "member", "group_member", "group_moderator", "moderator", "editor"]
# (knows it exists, reads its content, moderates it) per role; "member" is invited (and so
# learns of the secret group, to answer the invitation), "pending" asked to join.
EXPECTED = {
    Visibility.PUBLIC: ["TFF", "TFF", "TTF", "TTF", "TTT", "TTT", "TFF"],
    Visibility.CLOSED: ["FFF", "FFF", "TFF", "TTF", "TTT", "TTT", "FFF"],
    Visibility.SECRET: ["FFF", "FFF", "TFF", "TTF", "TTT", "TTT", "FFF"],
}


@pytest.fixture
def roles(people):
    group_member = UserFactory(email="greta.gruppe@example.org", groups=["Mitglieder"])
    group_moderator = UserFactory(email="gustav.leitung@example.org", groups=["Mitglieder"])
    return {
        **people,
        "visitor": AnonymousUser(),
        "group_member": group_member,
        "group_moderator": group_moderator,
    }


def group_for(visibility, roles):
    group = WorkingGroup.objects.create(
        name=f"AG Wohnraum ({visibility})",
        purpose="Wohnraum für Geflüchtete finden.",
        visibility=visibility,
    )
    join = GroupMembership.objects.create
    join(group=group, user=roles["group_member"])
    join(group=group, user=roles["group_moderator"], role=GroupMembership.Role.MODERATOR)
    # Someone invited or asking to join is not a member yet.
    join(group=group, user=roles["pending"], state=GroupMembership.State.REQUESTED)
    join(group=group, user=roles["member"], state=GroupMembership.State.INVITED)
    return group


@pytest.mark.parametrize("visibility", list(EXPECTED))
def test_who_knows_reads_and_moderates_a_group(roles, visibility):
    group = group_for(visibility, roles)
    for role, expected in zip(ROLES, EXPECTED[visibility], strict=True):
        user = roles[role]
        found = "".join(
            "T" if rule(user, group) else "F"
            for rule in (access.may_know, access.may_read, access.may_moderate)
        )
        assert found == expected, (visibility, role)


def test_the_groups_someone_may_know_of_are_those_the_rule_allows(roles):
    groups = [group_for(visibility, roles) for visibility in EXPECTED]
    for role in ROLES:
        user = roles[role]
        listed = set(access.known_to(user))
        assert listed == {group for group in groups if access.may_know(user, group)}, role


def test_a_group_gets_a_german_web_address_from_its_name():
    group = WorkingGroup.objects.create(name="AG Qualifizierung für Ehrenamtliche", purpose="…")

    assert group.slug == "ag-qualifizierung-fuer-ehrenamtliche"
