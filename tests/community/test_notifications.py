"""Who hears of what: replies, answers, followed discussions, accepted answers and newly
published news, materials and events become notifications of the right members; the
e-mail at once; the list on the site, its unread count in the header and the settings."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.models import PageViewRestriction

from community.comments.rules import target_key, target_url
from community.models import (
    Frequency,
    Notification,
    NotificationKind,
    NotificationSetting,
)
from community.notifications.digest import send_digests
from community.notifications.emails import unsubscribe_url
from home.mail import deliver_due
from home.models import OutgoingMail
from tests.community.conftest import MONDAY
from tests.factories import (
    AgendaSessionFactory,
    AnswerFactory,
    CommentFactory,
    CongressPageFactory,
    EventPageFactory,
    FollowFactory,
    MaterialPageFactory,
    MemberProfileFactory,
    NewsPageFactory,
    NotificationFactory,
    NotificationSettingFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.helpers import soup, text_of, translated
from tests.home.test_outbox import LOCMEM, minutes_later, server_down  # noqa: F401 -- fixture

pytestmark = pytest.mark.django_db

REPLY = NotificationKind.REPLY
QUERY_BUDGET = 15  # everything a member's request costs, session and user included


@pytest.fixture
def material(library):
    return MaterialPageFactory(parent=library, title="Leitfaden Patenschaften")


def post_comment(client, user, target, text="Danke, das hilft uns weiter.", parent=None):
    """`user` writes a comment (an answer on a question; with `parent` a reply) with the
    site's comment form, which notifies; returns it."""
    client.force_login(user)
    data = {"target": target_key(target), "comment": text, "next": target_url(target)}
    if parent is not None:
        data["parent"] = parent.pk
    response = client.post(reverse("community:comment_post"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return XtdComment.objects.filter(user=user).latest("pk")


def publish(page):
    """Publishes the page's latest state as an editor does in the admin."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return restriction


def titles_of(user, kind=None):
    notifications = Notification.objects.filter(recipient=user)
    if kind:
        notifications = notifications.filter(kind=kind)
    return sorted(notifications.values_list("title", flat=True))


def kinds_of(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# --- Comments, answers, follows, accepted answers -------------------------------------------


def test_a_reply_notifies_the_author_of_the_comment_but_not_the_replier(
    client, member, other_member, material
):
    comment = post_comment(client, member, material, "Wer hat Erfahrung damit?")
    reply = post_comment(client, other_member, material, "Wir, gerne.", parent=comment)

    [notification] = Notification.objects.filter(recipient=member)
    assert notification.kind == REPLY
    assert notification.target == reply
    assert "Leitfaden Patenschaften" in notification.title
    assert notification.url == f"{material.url}#comment-{reply.pk}"
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_an_answer_notifies_the_asker_and_the_asker_answering_hears_nothing(
    client, member, other_member
):
    question = QuestionFactory(author=member, title="Wie gewinnen wir Patinnen?")

    post_comment(client, other_member, question, "Über die Freiwilligenagentur.")
    post_comment(client, member, question, "Danke, das probieren wir.")

    assert titles_of(member) == [
        translated(_("New answer to your question “%(title)s”"), title="Wie gewinnen wir Patinnen?")
    ]
    [notification] = Notification.objects.filter(recipient=member)
    assert notification.url.startswith(reverse("community:question", args=[question.pk]))
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_followers_of_a_discussion_hear_of_new_comments_except_their_own(
    client, member, other_member, moderator, material
):
    for user in (member, moderator):
        FollowFactory(user=user, target=material)

    post_comment(client, member, material, "Ein Hinweis zur Seite 4.")

    assert kinds_of(moderator) == [REPLY]
    assert titles_of(moderator) == [
        translated(_("New comment on “%(title)s”"), title="Leitfaden Patenschaften")
    ]
    assert not Notification.objects.filter(recipient=member).exists()
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_a_comment_on_a_congress_session_links_to_its_discussion(
    client, member, other_member, events_index
):
    session = AgendaSessionFactory(congress=CongressPageFactory(parent=events_index))
    FollowFactory(user=member, target=session)

    comment = post_comment(client, other_member, session, "Gibt es die Folien?")

    [notification] = Notification.objects.filter(recipient=member)
    discussion = reverse("community:session_discussion", args=[session.pk])
    assert notification.url == f"{discussion}#comment-{comment.pk}"


def test_who_has_several_reasons_hears_of_a_comment_once_with_the_closest(
    client, member, other_member
):
    question = QuestionFactory(author=member, title="Dolmetscher gesucht")
    FollowFactory(user=member, target=question)
    first = post_comment(client, member, question, "Nachtrag: für Arabisch.")
    FollowFactory(user=other_member, target=question)

    post_comment(client, other_member, question, "Fragen Sie beim Landesnetzwerk.", parent=first)

    assert titles_of(member) == [
        translated(_("Reply to your comment on “%(title)s”"), title="Dolmetscher gesucht")
    ]


def test_an_accepted_answer_notifies_its_author(client, member, other_member):
    question = QuestionFactory(author=member, title="Versicherung für Ehrenamtliche?")
    reply = AnswerFactory(
        question=question, user=other_member, comment="Die Sammelversicherung des Landes greift."
    )
    client.force_login(member)

    client.post(reverse("community:accept_answer", args=[question.pk, reply.pk]))

    [notification] = Notification.objects.filter(recipient=other_member)
    assert notification.kind == NotificationKind.ACCEPTED
    assert notification.target == reply
    assert "Versicherung für Ehrenamtliche?" in notification.title
    assert not Notification.objects.filter(recipient=member).exists()


# --- First publication of news, materials and events ----------------------------------------


def test_first_publication_of_news_notifies_every_approved_member_once(
    member, other_member, pending, news_index
):
    news = NewsPageFactory(parent=news_index, title="Förderaufruf 2031", live=False)

    publish(news)

    assert kinds_of(member) == [NotificationKind.NEWS]
    assert kinds_of(other_member) == [NotificationKind.NEWS]
    assert titles_of(member) == [translated(_("News: %(title)s"), title="Förderaufruf 2031")]
    assert Notification.objects.get(recipient=member).url == news.url
    assert not Notification.objects.filter(recipient=pending).exists()


def test_republishing_does_not_notify_again(member, news_index):
    news = publish(NewsPageFactory(parent=news_index, live=False))
    newcomer = MemberProfileFactory().user

    news.title = "Förderaufruf 2031 (aktualisiert)"
    publish(news)

    assert Notification.objects.filter(recipient=member).count() == 1
    assert not Notification.objects.filter(recipient=newcomer).exists()


def test_a_new_material_notifies_only_members_of_its_topics(member, other_member, pending, library):
    topic, elsewhere = TopicFactory(name="Recht"), TopicFactory(name="Sport")
    member.member_profile.topics.set([topic, elsewhere])
    other_member.member_profile.topics.set([elsewhere])
    pending.member_profile.topics.set([topic])
    material = MaterialPageFactory(parent=library, topics=[topic], live=False)

    publish(material)

    assert kinds_of(member) == [NotificationKind.MATERIAL]
    assert kinds_of(other_member) == []
    assert kinds_of(pending) == []


def test_new_events_and_congresses_notify_every_approved_member(member, events_index):
    publish(EventPageFactory(parent=events_index, title="Netzwerktreffen Ost", live=False))
    publish(CongressPageFactory(parent=events_index, title="Fachkongress 2031", live=False))

    assert kinds_of(member) == [NotificationKind.EVENT, NotificationKind.EVENT]


def test_a_page_for_members_only_notifies_members_but_a_password_page_nobody(member, news_index):
    for_members = NewsPageFactory(parent=news_index, title="Intern", live=False)
    restrict(for_members, PageViewRestriction.GROUPS)
    secret = NewsPageFactory(parent=news_index, title="Geheim", live=False)
    restrict(secret, PageViewRestriction.PASSWORD, password="geheim")

    publish(for_members)
    publish(secret)

    assert titles_of(member) == [translated(_("News: %(title)s"), title="Intern")]


# --- E-mail at once -------------------------------------------------------------------------


def test_who_chose_at_once_gets_one_email_right_away_and_never_again(
    client, member, other_member, material, django_capture_on_commit_callbacks
):
    NotificationSettingFactory(user=member, kind=REPLY, frequency=Frequency.IMMEDIATELY)
    comment = post_comment(client, member, material, "Gibt es das auch auf Englisch?")

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, other_member, material, "Ja, ab Herbst.", parent=comment)

    [message] = mail.outbox
    assert message.to == [member.email]
    assert "Leitfaden Patenschaften" in message.subject
    assert f"{material.url}#comment-" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url(member, [REPLY])}>"
    assert unsubscribe_url(member, [REPLY]) in message.body
    assert Notification.objects.get(recipient=member).emailed_at is not None

    send_digests(now=timezone.now())
    assert len(mail.outbox) == 1


def test_a_reply_is_posted_while_the_mail_server_is_down_and_its_email_follows_once(
    client,
    member,
    other_member,
    material,
    server_down,  # noqa: F811 -- the fixture
    time_machine,
    django_capture_on_commit_callbacks,
):
    NotificationSettingFactory(user=member, kind=REPLY, frequency=Frequency.IMMEDIATELY)
    comment = post_comment(client, member, material, "Gibt es das auch auf Englisch?")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, other_member, material, "Ja, ab Herbst.", parent=comment)

    assert mail.outbox == []
    assert OutgoingMail.objects.get().status == "pending"
    server_down.MAIL_DELIVERY_BACKEND = LOCMEM
    minutes_later(time_machine, 2)
    deliver_due()
    deliver_due()

    [message] = mail.outbox
    assert message.to == [member.email]
    assert f"{material.url}#comment-" in message.body


def test_the_weekly_default_sends_nothing_at_once(
    client, member, other_member, material, django_capture_on_commit_callbacks
):
    comment = post_comment(client, member, material)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, other_member, material, "Antwort", parent=comment)

    assert mail.outbox == []
    assert Notification.objects.get(recipient=member).emailed_at is None


# --- The list on the site -------------------------------------------------------------------


def test_the_list_shows_the_newest_first_with_unread_marked_and_links(
    client, member, material, news_index
):
    news = NewsPageFactory(parent=news_index, title="Jahresbericht")
    older = NotificationFactory(
        recipient=member,
        kind=NotificationKind.MATERIAL,
        target=material,
        created_at=MONDAY,
        title="Material X",
    )
    newer = NotificationFactory(
        recipient=member,
        kind=NotificationKind.NEWS,
        target=news,
        created_at=MONDAY + timezone.timedelta(hours=1),
        title="Meldung Y",
    )
    older.read_at = MONDAY
    older.save()
    client.force_login(member)

    page = soup(client.get(reverse("community:notifications")))

    items = page.select(".notification")
    assert [text_of(item.select_one(".notification__title")) for item in items] == [
        "Meldung Y",
        "Material X",
    ]
    assert "notification--unread" in items[0]["class"]
    assert "notification--unread" not in items[1]["class"]
    assert items[0].select_one("a")["href"] == news.url
    assert newer.read_at is None


def test_marking_all_read_empties_the_unread_count(client, member, material):
    NotificationFactory(
        recipient=member, kind=NotificationKind.MATERIAL, target=material, created_at=MONDAY
    )
    client.force_login(member)
    assert "(1" in text_of(header_link(client))

    response = client.post(reverse("community:notifications_read"), follow=True)

    assert Notification.objects.get(recipient=member).read_at is not None
    assert not soup(response).select(".notification--unread")
    assert "(" not in text_of(header_link(client))


def test_the_list_is_paginated_by_twenty(client, member, library):
    for number in range(25):
        page = MaterialPageFactory(parent=library)
        NotificationFactory(
            recipient=member,
            kind=NotificationKind.MATERIAL,
            target=page,
            created_at=MONDAY,
            title=f"Material {number}",
        )
    client.force_login(member)

    first = soup(client.get(reverse("community:notifications")))
    second = soup(client.get(reverse("community:notifications") + "?page=2"))

    assert len(first.select(".notification")) == 20
    assert len(second.select(".notification")) == 5


def test_a_comment_hidden_by_a_moderator_is_listed_without_title_and_link(
    client, member, other_member, material
):
    comment = CommentFactory(target=material, user=other_member)
    NotificationFactory(
        recipient=member,
        kind=REPLY,
        target=comment,
        created_at=MONDAY,
        title="Neue Antwort mit Beleidigung",
    )
    comment.is_public = False
    comment.save()
    client.force_login(member)

    page = soup(client.get(reverse("community:notifications")))

    assert "Beleidigung" not in page.get_text()
    assert not page.select(".notification a.notification__title")


def test_a_script_in_a_question_title_is_escaped_in_the_list_and_plain_in_the_email(
    client, member, other_member, django_capture_on_commit_callbacks
):
    NotificationSettingFactory(user=member, kind=REPLY, frequency=Frequency.IMMEDIATELY)
    question = QuestionFactory(
        author=member, title='<script>alert("x")</script><img src=x onerror=alert(1)>'
    )
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, other_member, question, "Antwort")
    client.force_login(member)

    html = client.get(reverse("community:notifications")).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    [message] = mail.outbox
    assert '<script>alert("x")</script><img src=x onerror=alert(1)>' in message.body
    assert "&lt;" not in message.body + message.subject
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])


# --- Header count ---------------------------------------------------------------------------


def header_link(client, url="/"):
    page = soup(client.get(url))
    return page.select_one(f'.account-menu a[href="{reverse("community:notifications")}"]')


def test_the_header_shows_the_unread_count_of_the_logged_in_user(
    client, member, other_member, material
):
    for user, count in ((member, 3), (other_member, 1)):
        for number in range(count):
            page = MaterialPageFactory(parent=material.get_parent())
            NotificationFactory(
                recipient=user,
                kind=NotificationKind.MATERIAL,
                target=page,
                created_at=MONDAY,
                title=f"M{number}",
            )
    client.force_login(member)

    assert "(3" in text_of(header_link(client))


def test_visitors_see_no_notifications_link_and_cost_no_query(client, home_page):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        link = header_link(client)

    assert link is None
    assert not any("community_notification" in query["sql"] for query in queries)


# --- Settings -------------------------------------------------------------------------------


def test_settings_default_to_weekly_and_are_saved_per_kind(client, member):
    client.force_login(member)
    page = soup(client.get(reverse("community:notification_settings")))
    selects = page.select("form.notification-settings__form select")
    assert len(selects) == len(NotificationKind)
    for select in selects:
        assert select.select_one("option[selected]")["value"] == Frequency.WEEKLY
        assert page.select_one(f'label[for="{select["id"]}"]')

    data = {kind.value: Frequency.WEEKLY for kind in NotificationKind}
    data |= {"reply": Frequency.IMMEDIATELY, "news": Frequency.NEVER}
    response = client.post(reverse("community:notification_settings"), data, follow=True)

    assert soup(response).select_one(".message--success")
    chosen = dict(NotificationSetting.objects.filter(user=member).values_list("kind", "frequency"))
    assert chosen["reply"] == Frequency.IMMEDIATELY
    assert chosen["news"] == Frequency.NEVER
    assert chosen["event"] == Frequency.WEEKLY


def test_an_invalid_choice_is_refused_with_an_announced_error(client, member):
    client.force_login(member)
    data = {kind.value: Frequency.WEEKLY for kind in NotificationKind} | {"news": "hourly"}

    response = client.post(reverse("community:notification_settings"), data)

    assert response.status_code == 200
    assert soup(response).select_one('[role="alert"]')
    assert not NotificationSetting.objects.filter(user=member).exists()


def test_the_dashboard_links_to_the_notification_settings(client, member, home_page):
    client.force_login(member)
    page = soup(client.get(reverse("community:dashboard")))

    assert page.select_one(f'.shortcuts a[href="{reverse("community:notification_settings")}"]')


# --- Query budget ---------------------------------------------------------------------------


def add_notifications(member, other_member, library, news_index, count):
    """`count` notifications of every kind: about comments on pages and questions,
    answers accepted, materials and news."""
    question = QuestionFactory(author=other_member)
    for number in range(count):
        which = number % 4
        if which == 0:
            target = CommentFactory(target=MaterialPageFactory(parent=library), user=other_member)
        elif which == 1:
            target = AnswerFactory(question=question, user=other_member)
        elif which == 2:
            target = MaterialPageFactory(parent=library)
        else:
            target = NewsPageFactory(parent=news_index)
        kind = [REPLY, NotificationKind.ACCEPTED, NotificationKind.MATERIAL, "news"][which]
        NotificationFactory(
            recipient=member,
            kind=kind,
            target=target,
            created_at=MONDAY + timezone.timedelta(minutes=number),
        )


def queries_of_the_list(client):
    url = reverse("community:notifications")
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [5, 60])
def test_the_list_stays_within_the_query_budget(
    client, member, other_member, library, news_index, count
):
    add_notifications(member, other_member, library, news_index, count)
    client.force_login(member)

    assert queries_of_the_list(client) <= QUERY_BUDGET


def test_the_query_count_of_the_list_does_not_grow(
    client, member, other_member, library, news_index
):
    client.force_login(member)
    add_notifications(member, other_member, library, news_index, 5)
    with_five = queries_of_the_list(client)

    add_notifications(member, other_member, library, news_index, 55)

    assert queries_of_the_list(client) == with_five
