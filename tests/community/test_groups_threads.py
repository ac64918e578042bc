"""Discussions in working groups: members start one and reply (the platform's comments),
the group's other members hear of a new discussion and the author of replies; who reads and
who writes follows the group's rules; a notification about a group's discussion reaches
nobody who may not (or no longer) read the group, in the site, at once or in the digest."""

import pytest
from django.test import Client
from django.urls import reverse

from community.groups.models import GroupMembership, GroupThread, WorkingGroup
from community.models import Frequency, Notification, NotificationKind, NotificationSetting
from community.notifications.digest import due_items
from tests.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
POST = reverse("community:comment_post")
NOTIFICATIONS = reverse("community:notifications")
ROLES = ["visitor", "pending", "member", "group_member", "group_moderator", "moderator", "editor"]
# The answer to a discussion's page per role (as ROLES), by the group's visibility.
MATRIX = {
    "public": ["login", 403, 200, 200, 200, 200, 403],
    "closed": ["login", 404, 404, 200, 200, 200, 404],
    "secret": ["login", 404, 404, 200, 200, 200, 404],
}


@pytest.fixture
def roles(people):
    group_member = MemberProfileFactory(
        user__email="greta.gruppe@example.org", display_name="Greta Gruppe"
    ).user
    group_moderator = MemberProfileFactory(
        user__email="gustav.leitung@example.org", display_name="Gustav Leitung"
    ).user
    return {**people, "group_member": group_member, "group_moderator": group_moderator}


def make_group(roles, visibility="closed", **fields):
    group = WorkingGroup.objects.create(
        name="AG Wohnraum", purpose="Wohnraum finden.", visibility=visibility, **fields
    )
    GroupMembership.objects.create(group=group, user=roles["group_member"])
    GroupMembership.objects.create(
        group=group, user=roles["group_moderator"], role=GroupMembership.Role.MODERATOR
    )
    return group


def start(client, group, title="Mietverträge für WGs", text="Wer hat Erfahrungen?"):
    return client.post(
        reverse("community:group_thread_new", args=[group.slug]),
        {"thread-title": title, "thread-text": text},
    )


def reply(client, thread, text):
    return client.post(POST, {"target": f"community.groupthread:{thread.pk}", "comment": text})


@pytest.mark.parametrize("visibility", list(MATRIX))
def test_who_reads_a_discussion(roles, visibility):
    group = make_group(roles, visibility)
    thread = GroupThread.objects.create(group=group, title="Mietverträge", text="Geheimer Text")
    for role, expected in zip(ROLES, MATRIX[visibility], strict=True):
        client = Client()
        if roles[role] is not None:
            client.force_login(roles[role])

        response = client.get(thread.get_absolute_url())

        if expected == "login":
            assert response["Location"].startswith(f"{LOGIN}?next="), role
        else:
            assert response.status_code == expected, role
            assert ("Geheimer Text" in response.content.decode()) == (expected == 200), role


def test_a_member_starts_a_discussion_the_others_hear_of_and_reply_to(client, roles):
    group = make_group(roles)
    client.force_login(roles["group_member"])

    response = start(client, group)

    thread = GroupThread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    (notice,) = Notification.objects.filter(kind=NotificationKind.GROUP)
    assert notice.recipient == roles["group_moderator"]
    assert notice.title == "Neue Diskussion in „AG Wohnraum“: „Mietverträge für WGs“"
    group_page = client.get(group.get_absolute_url()).content.decode()
    assert "Mietverträge für WGs" in group_page
    assert "0 Antworten" in group_page

    client.force_login(roles["group_moderator"])
    reply(client, thread, "Wir nutzen einen Mustervertrag der Caritas.")

    thread.refresh_from_db()
    assert thread.last_activity_at > thread.created_at
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Wir nutzen einen Mustervertrag der Caritas." in page
    assert "Nur die Mitglieder der Arbeitsgruppe lesen ihn." in page  # a closed group
    assert Notification.objects.filter(
        recipient=roles["group_member"], kind=NotificationKind.REPLY
    ).exists()
    assert "1 Antwort" in client.get(group.get_absolute_url()).content.decode()


def test_readers_of_a_public_group_do_not_write_in_it(client, roles):
    group = make_group(roles, "public")
    thread = GroupThread.objects.create(group=group, title="Mietverträge", text="…")
    client.force_login(roles["member"])

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Nur die Mitglieder der Arbeitsgruppe schreiben in ihren Diskussionen." in page
    assert reply(client, thread, "Darf ich?").status_code == 403
    assert start(client, group).status_code == 403
    assert GroupThread.objects.count() == 1
    assert not thread_comments(thread)


def thread_comments(thread):
    from community.comments.rules import visible_comments

    return list(visible_comments(thread))


def test_an_archived_group_is_read_only(client, roles):
    group = make_group(roles)
    thread = GroupThread.objects.create(group=group, title="Mietverträge", text="…")
    client.force_login(roles["group_moderator"])
    client.post(reverse("community:group_archive", args=[group.slug]))
    client.force_login(roles["group_member"])

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Die Arbeitsgruppe ist archiviert" in page
    assert reply(client, thread, "Noch ein Gedanke").status_code == 403
    assert start(client, group).status_code == 403


def test_a_discussion_without_a_topic_gets_a_german_error(client, roles):
    group = make_group(roles)
    client.force_login(roles["group_member"])

    response = start(client, group, title="", text="Mein Text bleibt erhalten.")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Dieses Feld muss ausgefüllt werden." in page
    assert "Mein Text bleibt erhalten." in page
    assert not GroupThread.objects.exists()


def test_someone_removed_from_a_group_no_longer_hears_of_its_discussions(
    client, roles, mailoutbox, django_capture_on_commit_callbacks
):
    group = make_group(roles)
    removed, stays = roles["group_member"], roles["member"]
    GroupMembership.objects.create(group=group, user=stays)
    for user in (removed, stays):
        NotificationSetting.objects.create(
            user=user, kind=NotificationKind.REPLY, frequency=Frequency.IMMEDIATELY
        )
    client.force_login(removed)
    start(client, group, title="Vertrauliche Mietliste")
    thread = GroupThread.objects.get()
    client.force_login(stays)
    client.post(reverse("community:follow"), {"target": f"community.groupthread:{thread.pk}"})
    GroupMembership.objects.filter(group=group, user=removed).delete()
    client.force_login(roles["group_moderator"])

    with django_capture_on_commit_callbacks(execute=True):
        reply(client, thread, "Die Adressen stehen in der Datei.")

    assert [message.to for message in mailoutbox] == [[stays.email]]
    notice = Notification.objects.get(recipient=removed, kind=NotificationKind.REPLY)
    client.force_login(removed)
    assert "Vertrauliche Mietliste" not in client.get(NOTIFICATIONS).content.decode()
    due = due_items(notice.created_at)
    assert removed not in due
    client.force_login(stays)
    assert "Vertrauliche Mietliste" in client.get(NOTIFICATIONS).content.decode()


def test_the_export_holds_the_members_discussions_and_replies(client, roles):
    group = make_group(roles)
    member = roles["group_member"]
    client.force_login(member)
    start(client, group)
    thread = GroupThread.objects.get()
    reply(client, thread, "Mein Beitrag")
    GroupMembership.objects.filter(group=group, user=member).delete()

    data = client.get(reverse("community:export")).json()

    kinds = {(c["kind"], c.get("title"), c["text"]) for c in data["contributions"]}
    assert ("discussion", "Mietverträge für WGs", "Wer hat Erfahrungen?") in kinds
    assert ("comment", None, "Mein Beitrag") in kinds


def add_threads(group, author, count, replies=2):
    from tests.factories import CommentFactory

    for number in range(count):
        thread = GroupThread.objects.create(
            group=group, author=author, title=f"Frage {number}", text="…"
        )
        for _reply in range(replies):
            CommentFactory(target=thread, user=author)


def test_a_groups_page_and_a_discussion_cost_the_same_queries_however_long(client, roles):
    from tests.community.test_groups_pages import queries_for

    group = make_group(roles)
    author = roles["group_member"]
    add_threads(group, author, 3)
    client.force_login(roles["group_moderator"])
    few = queries_for(client, group.get_absolute_url())
    thread = GroupThread.objects.first()
    short = queries_for(client, thread.get_absolute_url())

    add_threads(group, author, 100)
    from tests.factories import CommentFactory

    for _reply in range(40):
        CommentFactory(target=thread, user=roles["group_moderator"])

    assert queries_for(client, group.get_absolute_url()) == few
    assert queries_for(client, f"{group.get_absolute_url()}?page=4") == few
    assert queries_for(client, thread.get_absolute_url()) == short


def test_the_groups_moderator_deletes_a_discussion_with_its_replies(client, roles):
    from community.comments.rules import visible_comments

    group = make_group(roles)
    thread = GroupThread.objects.create(group=group, title="Doppelt gepostet", text="…")
    client.force_login(roles["group_member"])
    reply(client, thread, "Siehe die andere Diskussion.")
    delete = reverse("community:group_thread_delete", args=[group.slug, thread.pk])
    assert "Diskussion löschen" not in client.get(thread.get_absolute_url()).content.decode()
    assert client.post(delete).status_code == 403

    client.force_login(roles["group_moderator"])
    assert "»Doppelt gepostet« mit allen Antworten löschen?" in client.get(delete).content.decode()
    response = client.post(delete, follow=True)

    assert "Die Diskussion »Doppelt gepostet« ist gelöscht." in response.content.decode()
    assert not GroupThread.objects.exists()
    assert not visible_comments(thread).exists()


def test_deleting_a_group_takes_its_discussions_replies_along(client, roles):
    from community.comments.rules import visible_comments

    group = make_group(roles)
    thread = GroupThread.objects.create(group=group, title="Mietverträge", text="…")
    client.force_login(roles["group_member"])
    reply(client, thread, "Eine Antwort")

    group.delete()

    assert not visible_comments(thread).exists()
