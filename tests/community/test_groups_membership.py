"""Joining and leaving working groups as members and group moderators do it on the site:
joining an open group, asking to join and the moderators' answer with a German message by
e-mail, invitations from a member's profile, leaving, removing a member, archiving, and
founding a group where the site settings allow it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from community.groups.models import GroupMembership, GroupSettings, Joining, WorkingGroup
from tests.factories import MemberProfileFactory, TopicFactory

pytestmark = pytest.mark.django_db

ACTIVE = GroupMembership.State.ACTIVE


@pytest.fixture
def group_moderator(db):
    return MemberProfileFactory(
        user__email="gustav.leitung@example.org", display_name="Gustav Leitung"
    ).user


def make_group(group_moderator, joining=Joining.REQUEST, **fields):
    group = WorkingGroup.objects.create(
        name="AG Wohnraum",
        purpose="Wohnraum für Geflüchtete finden.",
        joining=joining,
        **fields,
    )
    GroupMembership.objects.create(
        group=group, user=group_moderator, role=GroupMembership.Role.MODERATOR
    )
    return group


def url(name, group, *args):
    return reverse(f"community:{name}", args=[group.slug, *args])


def state_of(user, group):
    found = GroupMembership.objects.filter(user=user, group=group).first()
    return found.state if found else None


def test_a_member_joins_an_open_group_and_sees_its_members(client, member, group_moderator):
    group = make_group(group_moderator, joining=Joining.OPEN)
    client.force_login(member)
    assert "Gustav Leitung" not in client.get(group.get_absolute_url()).content.decode()

    response = client.post(url("group_join", group), follow=True)

    assert state_of(member, group) == ACTIVE
    page = response.content.decode()
    assert "Sie sind jetzt Mitglied von »AG Wohnraum«." in page
    assert "Gustav Leitung" in page
    assert "Mira Mitglied" in page


def test_a_request_reaches_the_moderators_who_accept_it_with_a_message(
    client, member, group_moderator, mailoutbox
):
    group = make_group(group_moderator)
    client.force_login(member)
    client.post(url("group_join", group), {"request-message": "Ich leite ein Wohnprojekt."})

    assert state_of(member, group) == GroupMembership.State.REQUESTED
    (request_mail,) = mailoutbox
    assert request_mail.to == ["gustav.leitung@example.org"]
    assert "Mira Mitglied" in request_mail.body
    assert "Ich leite ein Wohnprojekt." in request_mail.body
    assert "mira.member@example.org" not in request_mail.body

    client.force_login(group_moderator)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Ich leite ein Wohnprojekt." in page
    found = GroupMembership.objects.get(user=member, group=group)
    client.post(
        url("group_decide", group, found.pk),
        {"accept": "1", f"decision-{found.pk}-message": "Willkommen in der AG!"},
    )

    assert state_of(member, group) == ACTIVE
    answer = mailoutbox[-1]
    assert answer.to == ["mira.member@example.org"]
    assert answer.subject == "Willkommen in »AG Wohnraum«"
    assert "Willkommen in der AG!" in answer.body
    assert group.get_absolute_url() in answer.body


def test_a_declined_request_ends_with_the_moderators_message(
    client, member, group_moderator, mailoutbox
):
    group = make_group(group_moderator)
    found = GroupMembership.objects.create(
        group=group, user=member, state=GroupMembership.State.REQUESTED
    )
    client.force_login(group_moderator)

    client.post(
        url("group_decide", group, found.pk),
        {"decline": "1", f"decision-{found.pk}-message": "Die AG ist schon voll besetzt."},
    )

    assert state_of(member, group) is None
    answer = mailoutbox[-1]
    assert answer.to == ["mira.member@example.org"]
    assert "abgelehnt" in answer.body
    assert "Die AG ist schon voll besetzt." in answer.body


def test_a_too_long_message_gets_a_german_error_and_keeps_the_text(client, member, group_moderator):
    group = make_group(group_moderator)
    client.force_login(member)
    text = "Wohnraum " * 150

    response = client.post(url("group_join", group), {"request-message": text})

    assert response.status_code == 400
    page = response.content.decode()
    assert "höchstens 1000 Zeichen" in page
    assert text.strip() in page
    assert state_of(member, group) is None


def test_only_the_groups_moderators_answer_requests(client, member, other_member, group_moderator):
    group = make_group(group_moderator)
    found = GroupMembership.objects.create(
        group=group, user=member, state=GroupMembership.State.REQUESTED
    )
    GroupMembership.objects.create(group=group, user=other_member)
    client.force_login(other_member)

    response = client.post(url("group_decide", group, found.pk), {"accept": "1"})

    assert response.status_code == 403
    assert state_of(member, group) == GroupMembership.State.REQUESTED
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Beitrittsanfragen" not in page
    assert "Mira Mitglied" not in page


def test_an_invitation_from_the_profile_opens_even_a_secret_group(
    client, member, group_moderator, mailoutbox
):
    group = make_group(group_moderator, joining=Joining.INVITATION, visibility="secret")
    client.force_login(member)
    assert client.get(group.get_absolute_url()).status_code == 404

    client.force_login(group_moderator)
    profile_url = reverse("community:profile", args=[member.member_profile.pk])
    assert "Zu einer Arbeitsgruppe einladen" in client.get(profile_url).content.decode()
    client.post(
        reverse("community:group_invite", args=[member.member_profile.pk]),
        {"invite-group": group.pk, "invite-message": "Wir brauchen Ihre Erfahrung."},
    )

    invitation = mailoutbox[-1]
    assert invitation.to == ["mira.member@example.org"]
    assert "Gustav Leitung" in invitation.body
    assert "Wir brauchen Ihre Erfahrung." in invitation.body
    client.force_login(member)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Sie sind zu dieser Arbeitsgruppe eingeladen." in page
    assert "Gustav Leitung" not in page  # the content is the members'
    client.post(url("group_accept_invitation", group))
    assert state_of(member, group) == ACTIVE


def test_a_member_cannot_invite_into_a_group_they_do_not_moderate(
    client, member, other_member, group_moderator
):
    group = make_group(group_moderator)
    client.force_login(other_member)
    profile_url = reverse("community:profile", args=[member.member_profile.pk])
    assert "Zu einer Arbeitsgruppe einladen" not in client.get(profile_url).content.decode()

    response = client.post(
        reverse("community:group_invite", args=[member.member_profile.pk]),
        {"invite-group": group.pk},
        follow=True,
    )

    assert state_of(member, group) is None
    assert "Bitte wählen Sie eine Ihrer Arbeitsgruppen." in response.content.decode()


def test_leaving_asks_first_and_then_takes_the_content_away(client, member, group_moderator):
    group = make_group(group_moderator, visibility="secret")
    GroupMembership.objects.create(group=group, user=member)
    client.force_login(member)

    confirm = client.get(url("group_leave", group)).content.decode()
    assert "Arbeitsgruppe »AG Wohnraum« verlassen?" in confirm
    assert state_of(member, group) == ACTIVE

    response = client.post(url("group_leave", group), follow=True)

    assert state_of(member, group) is None
    assert response.redirect_chain[-1][0] == reverse("community:groups")
    assert "Sie haben »AG Wohnraum« verlassen." in response.content.decode()
    assert client.get(group.get_absolute_url()).status_code == 404


def test_a_moderator_removes_a_member_who_hears_of_it(client, member, group_moderator, mailoutbox):
    group = make_group(group_moderator)
    found = GroupMembership.objects.create(group=group, user=member)
    client.force_login(group_moderator)

    assert "Mira Mitglied" in client.get(url("group_remove", group, found.pk)).content.decode()
    client.post(url("group_remove", group, found.pk))

    assert state_of(member, group) is None
    assert mailoutbox[-1].to == ["mira.member@example.org"]
    assert mailoutbox[-1].subject == "Sie sind nicht mehr Mitglied von »AG Wohnraum«"


def test_an_archived_group_takes_nobody_new(client, member, group_moderator):
    group = make_group(group_moderator, joining=Joining.OPEN)
    client.force_login(group_moderator)
    client.post(url("group_archive", group))
    group.refresh_from_db()
    assert group.is_archived

    client.force_login(member)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "archiviert" in page
    assert "Der Gruppe beitreten" not in page
    response = client.post(url("group_join", group), follow=True)
    assert state_of(member, group) is None
    assert "Diese Arbeitsgruppe ist archiviert" in response.content.decode()


def test_members_found_groups_once_the_setting_allows_it(client, member, site):
    topic = TopicFactory(name="Wohnen")
    client.force_login(member)
    assert client.get(reverse("community:group_new")).status_code == 403
    GroupSettings.objects.update_or_create(site=site, defaults={"members_create_groups": True})

    past = timezone.localdate() - datetime.timedelta(days=1)
    fields = {
        "name": "AG Übergänge in Ausbildung",
        "purpose": "Wie Patenschaften den Weg in die Ausbildung begleiten.",
        "topics": [topic.pk],
        "visibility": "closed",
        "joining": "request",
    }
    refused = client.post(reverse("community:group_new"), {**fields, "ends_on": past})
    assert "Das geplante Ende liegt in der Vergangenheit." in refused.content.decode()
    assert "AG Übergänge in Ausbildung" in refused.content.decode()

    response = client.post(reverse("community:group_new"), fields, follow=True)

    group = WorkingGroup.objects.get(slug="ag-uebergaenge-in-ausbildung")
    assert response.redirect_chain[-1][0] == group.get_absolute_url()
    assert GroupMembership.objects.get(group=group, user=member).role == "moderator"
    assert "Sie moderieren diese Arbeitsgruppe." in response.content.decode()


def test_my_area_lists_my_groups_with_waiting_requests(
    client, member, other_member, group_moderator
):
    group = make_group(group_moderator)
    GroupMembership.objects.create(
        group=group, user=other_member, state=GroupMembership.State.REQUESTED
    )
    invited = WorkingGroup.objects.create(name="AG Sprache", purpose="…")
    GroupMembership.objects.create(
        group=invited, user=group_moderator, state=GroupMembership.State.INVITED
    )
    client.force_login(group_moderator)

    page = client.get(reverse("community:dashboard")).content.decode()

    assert "AG Wohnraum" in page
    assert "1 Beitrittsanfrage" in page
    assert "AG Sprache" in page
    assert "Sie sind eingeladen" in page
