"""The digest: one e-mail per member with what they have not been sent, in sections, as
each member chose (daily every day, weekly on Mondays, never not at all), without what
they may no longer see, never the same item twice; and the one-click unsubscribe link."""

import datetime
import io
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from community.models import (
    Frequency,
    GroupMembership,
    GroupThread,
    MemberStatus,
    Notification,
    NotificationKind,
    WorkingGroup,
)
from community.models import NotificationSetting as Setting
from community.notifications.digest import MAX_AGE, SECTIONS, send_digests
from community.notifications.emails import UNSUBSCRIBE_SALT, unsubscribe_url
from tests.community.conftest import MONDAY, TUESDAY, WEDNESDAY_BEFORE
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    EventPageFactory,
    MaterialPageFactory,
    NewsPageFactory,
    NotificationFactory,
    QuestionFactory,
)
from tests.helpers import links_in, soup, translated

pytestmark = pytest.mark.django_db

NEWS, MATERIAL, EVENT = NotificationKind.NEWS, NotificationKind.MATERIAL, NotificationKind.EVENT
REPLY, ACCEPTED = NotificationKind.REPLY, NotificationKind.ACCEPTED
GROUP = NotificationKind.GROUP


def thread_in_group_of(member):
    """A discussion in a working group the member belongs to."""
    group = WorkingGroup.objects.create(name="AG Wohnraum", purpose="Wohnraum finden.")
    GroupMembership.objects.create(group=group, user=member)
    return GroupThread.objects.create(group=group, title="Mietverträge für WGs", text="…")


@pytest.fixture
def week(member, other_member, library, news_index, events_index):
    """A week's activity: a news item, a material, an event, an answer to the member's
    question, an accepted answer of theirs and a new discussion in their working group; the
    other member hears of the news only."""
    question = QuestionFactory(author=member, title="Wie finden wir Patinnen?")
    their_question = QuestionFactory(author=other_member, title="Fahrtkosten erstatten?")
    things = {
        NEWS: NewsPageFactory(parent=news_index, title="Förderaufruf 2031"),
        MATERIAL: MaterialPageFactory(parent=library, title="Leitfaden Vormundschaft"),
        EVENT: EventPageFactory(parent=events_index, title="Netzwerktreffen Ost"),
        REPLY: AnswerFactory(
            question=question, user=other_member, comment="Über die Kirchengemeinden."
        ),
        ACCEPTED: AnswerFactory(
            question=their_question, user=member, comment="Ja, bis 30 Cent je Kilometer."
        ),
        GROUP: thread_in_group_of(member),
    }
    titles = {
        NEWS: "Meldung: Förderaufruf 2031",
        MATERIAL: "Neues Material: Leitfaden Vormundschaft",
        EVENT: "Neue Veranstaltung: Netzwerktreffen Ost",
        REPLY: "Neue Antwort auf Ihre Frage „Wie finden wir Patinnen?“",
        ACCEPTED: "Ihre Antwort auf „Fahrtkosten erstatten?“ wurde akzeptiert",
        GROUP: "Neue Diskussion in „AG Wohnraum“: „Mietverträge für WGs“",
    }
    for day, (kind, thing) in enumerate(things.items()):
        created = WEDNESDAY_BEFORE + datetime.timedelta(days=day % 4, hours=day)
        NotificationFactory(
            recipient=member, kind=kind, target=thing, created_at=created, title=titles[kind]
        )
    NotificationFactory(
        recipient=other_member,
        kind=NEWS,
        target=things[NEWS],
        created_at=WEDNESDAY_BEFORE,
        title=titles[NEWS],
    )
    return {"things": things, "titles": titles}


def digest_to(user):
    [message] = [message for message in mail.outbox if message.to == [user.email]]
    return message


def choose(user, frequency, kinds=tuple(NotificationKind)):
    for kind in kinds:
        Setting.objects.update_or_create(user=user, kind=kind, defaults={"frequency": frequency})


# --- What goes out when ---------------------------------------------------------------------


def test_the_weekly_digest_is_one_email_per_member_with_its_sections_in_order(
    member, other_member, week
):
    assert MONDAY.weekday() == 0

    report = send_digests(now=MONDAY)

    assert (report.digests, report.notifications) == (2, 7)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [member.email, other_member.email]
    )
    body = digest_to(member).body
    sections = [translated(title).upper() for title, kinds in SECTIONS]
    assert [body.index(section) for section in sections] == sorted(
        body.index(section) for section in sections
    )
    for title in week["titles"].values():
        assert title in body
    page_links = [link for link in links_in(body) if "/abbestellen/" not in link]
    assert f"{settings.BASE_URL}{week['things'][NEWS].url}" in page_links
    question_link = reverse("community:question", args=[week["things"][REPLY].object_pk])
    assert any(question_link in link for link in page_links)
    other_body = digest_to(other_member).body
    assert "Förderaufruf 2031" in other_body and sections[-1] not in other_body


def test_weekly_kinds_wait_for_monday_while_daily_kinds_go_out_every_day(member, week):
    choose(member, Frequency.DAILY, [REPLY, ACCEPTED])

    send_digests(now=TUESDAY - datetime.timedelta(days=7))  # before the week's activity
    send_digests(now=MONDAY - datetime.timedelta(days=1))  # Sunday

    sunday = digest_to(member).body
    assert week["titles"][REPLY] in sunday and week["titles"][ACCEPTED] in sunday
    assert week["titles"][NEWS] not in sunday
    mail.outbox.clear()

    send_digests(now=MONDAY)

    monday = digest_to(member).body
    assert week["titles"][NEWS] in monday and week["titles"][EVENT] in monday
    assert week["titles"][REPLY] not in monday


def test_an_item_of_a_kind_chosen_at_once_that_was_not_sent_comes_with_the_next_run(member, week):
    choose(member, Frequency.IMMEDIATELY, [EVENT])  # chosen after the event arrived

    send_digests(now=TUESDAY)

    body = digest_to(member).body
    assert week["titles"][EVENT] in body
    assert week["titles"][NEWS] not in body


def test_a_member_who_chose_never_gets_no_digest_but_keeps_the_list(client, member, week):
    choose(member, Frequency.NEVER)

    send_digests(now=MONDAY)

    assert [message.to for message in mail.outbox if message.to == [member.email]] == []
    assert not Notification.objects.filter(recipient=member, emailed_at__isnull=False).exists()
    client.force_login(member)
    assert len(soup(client.get(reverse("community:notifications"))).select(".notification")) == len(
        week["things"]
    )


def test_a_second_run_sends_nothing_new(member, other_member, week):
    send_digests(now=MONDAY)
    sent = len(mail.outbox)

    report = send_digests(now=MONDAY + datetime.timedelta(hours=1))

    assert (report.digests, len(mail.outbox)) == (0, sent)


def test_only_approved_members_get_digests(member, pending, library):
    material = MaterialPageFactory(parent=library)
    NotificationFactory(
        recipient=pending, kind=MATERIAL, target=material, created_at=WEDNESDAY_BEFORE
    )
    suspended = member
    suspended.member_profile.status = MemberStatus.SUSPENDED
    suspended.member_profile.save()
    NotificationFactory(
        recipient=suspended, kind=MATERIAL, target=material, created_at=WEDNESDAY_BEFORE
    )

    assert send_digests(now=MONDAY).digests == 0
    assert mail.outbox == []


def test_items_older_than_the_maximum_age_stay_on_the_site_only(member, library):
    old = NotificationFactory(
        recipient=member,
        kind=MATERIAL,
        target=MaterialPageFactory(parent=library),
        created_at=MONDAY - MAX_AGE,
    )

    send_digests(now=MONDAY)

    assert mail.outbox == []
    old.refresh_from_db()
    assert old.emailed_at is None


# --- Nothing the member may no longer see ---------------------------------------------------


def test_a_comment_hidden_before_the_digest_is_left_out(member, other_member, library):
    material = MaterialPageFactory(parent=library, title="Leitfaden")
    hidden = CommentFactory(target=material, user=other_member, comment="Werbung")
    kept = CommentFactory(target=material, user=other_member, comment="Hilfreich")
    NotificationFactory(
        recipient=member,
        kind=REPLY,
        target=hidden,
        created_at=WEDNESDAY_BEFORE,
        title="Kommentar mit Werbung",
    )
    NotificationFactory(
        recipient=member,
        kind=REPLY,
        target=kept,
        created_at=WEDNESDAY_BEFORE,
        title="Kommentar hilfreich",
    )
    hidden.is_public = False
    hidden.save()

    send_digests(now=MONDAY)

    body = digest_to(member).body
    assert "Kommentar hilfreich" in body
    assert "Werbung" not in body


def test_unpublished_pages_hidden_questions_and_deleted_things_are_left_out(
    member, other_member, library, news_index
):
    unpublished = NewsPageFactory(parent=news_index, title="Zurückgezogen")
    deleted = MaterialPageFactory(parent=library, title="Gelöscht")
    question = QuestionFactory(author=other_member, title="Versteckte Frage")
    on_hidden_question = AnswerFactory(question=question, user=other_member)
    shown = MaterialPageFactory(parent=library, title="Bleibt")
    for kind, thing, title in [
        (NEWS, unpublished, "Zurückgezogen"),
        (MATERIAL, deleted, "Gelöscht"),
        (REPLY, on_hidden_question, "Versteckte Frage"),
        (MATERIAL, shown, "Bleibt"),
    ]:
        NotificationFactory(
            recipient=member, kind=kind, target=thing, created_at=WEDNESDAY_BEFORE, title=title
        )
    unpublished.unpublish()
    deleted.delete()
    question.is_public = False
    question.save()

    send_digests(now=MONDAY)

    body = digest_to(member).body
    assert "Bleibt" in body
    for gone in ("Zurückgezogen", "Gelöscht", "Versteckte Frage"):
        assert gone not in body


# --- The e-mail -----------------------------------------------------------------------------


def test_the_digest_is_plain_text_and_user_text_stays_as_written(member, other_member):
    question = QuestionFactory(author=member, title='<script>alert("x")</script> & Co.')
    NotificationFactory(
        recipient=member,
        kind=REPLY,
        target=AnswerFactory(question=question, user=other_member),
        created_at=WEDNESDAY_BEFORE,
        title=f"Antwort: {question}",
    )

    send_digests(now=MONDAY)

    message = digest_to(member)
    assert '<script>alert("x")</script> & Co.' in message.body
    assert "&lt;" not in message.body and "&amp;" not in message.body
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])


def test_every_digest_has_one_unsubscribe_link_per_kind_and_the_one_click_headers(member, week):
    send_digests(now=MONDAY)

    message = digest_to(member)
    for kind in NotificationKind:
        assert unsubscribe_url(member, [kind]) in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<{unsubscribe_url(member, list(NotificationKind))}>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


# --- Unsubscribing --------------------------------------------------------------------------


def unsubscribe_path(user, kinds):
    return urlparse(unsubscribe_url(user, kinds)).path


def test_the_unsubscribe_link_asks_first_and_then_ends_that_kind_only(member):
    choose(member, Frequency.DAILY)
    path = unsubscribe_path(member, [NEWS])
    visitor = Client()

    page = soup(visitor.get(path))
    assert page.select_one("form[method=post] button")
    assert Setting.objects.get(user=member, kind=NEWS).frequency == Frequency.DAILY

    response = visitor.post(path)

    assert response.status_code == 200
    assert soup(response).select_one('[role="status"]')
    chosen = dict(Setting.objects.filter(user=member).values_list("kind", "frequency"))
    assert chosen.pop(NEWS) == Frequency.NEVER
    assert set(chosen.values()) == {Frequency.DAILY}


def test_mail_programmes_unsubscribe_with_one_post_without_csrf_token(member, week):
    send_digests(now=MONDAY)
    header = digest_to(member).extra_headers["List-Unsubscribe"]
    mail_programme = Client(enforce_csrf_checks=True)

    response = mail_programme.post(
        urlparse(header.strip("<>")).path, {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert set(Setting.objects.filter(user=member).values_list("frequency", flat=True)) == {
        Frequency.NEVER
    }
    mail.outbox.clear()
    more_news = NewsPageFactory(parent=week["things"][NEWS].get_parent())
    NotificationFactory(
        recipient=member, kind=NEWS, target=more_news, created_at=MONDAY, title="Noch eine Meldung"
    )
    send_digests(now=MONDAY + datetime.timedelta(days=7))
    assert mail.outbox == []


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.Signer(salt="another.salt").sign_object([1, "news"]),
        signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object([1, "everything"]),
        signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"user": 1}),
    ],
    ids=["garbage", "other-salt", "unknown-kind", "wrong-shape"],
)
def test_a_forged_or_damaged_token_changes_nothing(client, member, token):
    for method in (client.get, client.post):
        response = method(reverse("community:unsubscribe", args=[token]))
        assert response.status_code == 404
    assert not Setting.objects.filter(user=member).exists()


def test_a_tampered_token_of_another_member_is_refused(client, member, other_member):
    members_token = unsubscribe_path(member, [NEWS]).rstrip("/").rsplit("/", 1)[1]
    others_payload = signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object([other_member.pk, "news"])
    forged = f"{others_payload.rsplit(':', 1)[0]}:{members_token.rsplit(':', 1)[1]}"

    response = client.post(reverse("community:unsubscribe", args=[forged]))

    assert response.status_code == 404
    assert not Setting.objects.exists()


# --- The command ----------------------------------------------------------------------------


def test_the_command_sends_the_due_digests_and_reports_them(member, library):
    choose(member, Frequency.DAILY)
    material = MaterialPageFactory(parent=library)
    NotificationFactory(
        recipient=member,
        kind=MATERIAL,
        target=material,
        created_at=timezone.now() - datetime.timedelta(hours=2),
    )
    out = io.StringIO()

    call_command("send_digests", stdout=out)
    call_command("send_digests", stdout=out)

    assert len(mail.outbox) == 1
    assert out.getvalue().splitlines() == [
        "1 digest(s) sent with 1 notification(s).",
        "0 digest(s) sent with 0 notification(s).",
    ]
