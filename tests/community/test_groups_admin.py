"""The BBE team creates working groups in the admin and appoints their moderators; members of
the network have no admin access to them."""

import pytest

from community.groups.models import GroupMembership, WorkingGroup

pytestmark = pytest.mark.django_db

URL = "/admin/community/groups/"


def new_group(client, moderator_of_group):
    return client.post(
        URL + "new/",
        {
            "name": "AG Wohnraum",
            "slug": "",
            "purpose": "Wie finden Geflüchtete und ihre PatInnen bezahlbaren Wohnraum?",
            "visibility": "closed",
            "joining": "request",
            "ends_on": "2027-06-30",
            "archived_at": "",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-user": moderator_of_group.pk,
            "memberships-0-role": "moderator",
            "memberships-0-state": "active",
            "memberships-0-id": "",
            "memberships-0-DELETE": "",
        },
    )


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_the_bbe_team_creates_a_group_and_appoints_its_moderator(client, people, member, role):
    client.force_login(people[role])

    response = new_group(client, member)

    assert response.status_code == 302, response.content.decode()[:2000]
    group = WorkingGroup.objects.get()
    assert group.slug == "ag-wohnraum"
    (membership,) = group.memberships.all()
    assert (membership.user, membership.role) == (member, GroupMembership.Role.MODERATOR)
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("role", ["member", "pending"])
def test_members_of_the_network_cannot_manage_groups_in_the_admin(client, people, role):
    client.force_login(people[role])

    assert client.get(URL).status_code == 302  # to the login or the site
    assert new_group(client, people["member"]).status_code == 302
    assert not WorkingGroup.objects.exists()


def test_moderators_correct_and_delete_a_discussion_that_editors_do_not_see(client, people, member):
    from community.groups.models import GroupThread

    group = WorkingGroup.objects.create(name="Steuerungsrunde", purpose="…", visibility="secret")
    thread = GroupThread.objects.create(
        group=group, author=member, title="Vertraulich", text="Telefonnummer 0171 1234567"
    )
    threads = "/admin/community/group-discussions/"
    client.force_login(people["editor"])
    assert client.get(threads).status_code == 302  # no permission: back to the dashboard
    assert client.get(URL).status_code == 200

    client.force_login(people["moderator"])
    assert "Vertraulich" in client.get(threads).content.decode()
    client.post(
        f"{threads}edit/{thread.pk}/", {"title": "Vertraulich", "text": "[entfernt: Telefon]"}
    )
    thread.refresh_from_db()
    assert thread.text == "[entfernt: Telefon]"
    client.post(f"{threads}delete/{thread.pk}/")
    assert not GroupThread.objects.exists()
