"""Members comment on materials, news, content pages, congress sessions and questions:
posting (members only, checked on the server), replies two levels deep, what is refused
and how (German messages, the text kept), the hourly limit, correcting within the edit
window, reporting, following, and the price in queries of a long discussion."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments.signals import comment_was_posted
from django_comments_xtd.models import XtdComment
from wagtail.models import PageViewRestriction

from community.models import Follow, Question
from tests.factories import (
    AgendaSessionFactory,
    AnswerFactory,
    CommentFactory,
    CongressPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    MaterialPageFactory,
    MemberProfileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    QuestionFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

POST = reverse("community:comment_post")
FOLLOW = reverse("community:follow")


@pytest.fixture
def material(library):
    return MaterialPageFactory(parent=library, title="Leitfaden Patenschaftsanbahnung")


def key(target):
    """How a form names what it comments on: "app_label.model:pk"."""
    content_type = ContentType.objects.get_for_model(target)
    return f"{content_type.app_label}.{content_type.model}:{target.pk}"


def post(client, target, text, parent=None, next_url=None):
    data = {"target": key(target), "comment": text, "next": next_url or "/"}
    if parent is not None:
        data["parent"] = parent.pk
    return client.post(POST, data)


def minutes_ago(minutes):
    """When a comment written `minutes` ago was submitted (for setting the scene)."""
    return timezone.now() - datetime.timedelta(minutes=minutes)


def messages_of(response):
    return [text_of(message) for message in soup(response).select(".messages .message")]


def alert_of(response):
    return text_of(soup(response).select_one('[role="alert"]'))


def typed_text(response):
    return soup(response).select_one("textarea[name=comment]").string or ""


# --- Posting --------------------------------------------------------------------------------


def test_member_comments_on_a_material_and_finds_the_comment_on_its_page(client, member, material):
    client.force_login(member)

    response = post(client, material, "Sehr hilfreich für unser Erstgespräch.", None, material.url)

    comment = XtdComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{material.url}#comment-{comment.pk}"
    page = client.get(material.url)
    shown = soup(page).select_one(f"#comment-{comment.pk}")
    assert "Sehr hilfreich für unser Erstgespräch." in text_of(shown)
    author = shown.select_one(".comment__author a")
    assert text_of(author) == "Mira Mitglied"
    assert author["href"] == reverse("community:profile", args=[member.member_profile.pk])
    assert messages_of(page) == ["Ihr Kommentar ist veröffentlicht."]
    assert text_of(soup(page).select_one("#discussion-title")) == "Diskussion (1)"


def test_a_stored_comment_keeps_no_email_and_no_ip_address(client, member, material):
    client.force_login(member)
    post(client, material, "Danke!")

    comment = XtdComment.objects.get()
    assert comment.user_email == ""
    assert comment.ip_address is None
    assert comment.user_name == "Mira Mitglied"
    assert comment.is_public and comment.level == 0


@pytest.mark.parametrize("role", ["pending", "editor"])
def test_accounts_without_approval_cannot_post(client, material, role, request):
    client.force_login(request.getfixturevalue(role))

    response = post(client, material, "Darf ich das?")

    assert response.status_code == 403
    assert not XtdComment.objects.exists()


def test_visitor_is_sent_to_log_in_and_nothing_is_posted(client, material):
    response = post(client, material, "Anonym?", next_url=material.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not XtdComment.objects.exists()


def test_the_posting_address_takes_no_get(client, member):
    client.force_login(member)
    assert client.get(POST).status_code == 405


def test_posting_tells_the_notifications_that_a_comment_was_posted(client, member, material):
    heard = []

    def listener(sender, comment, request, **kwargs):
        heard.append((sender, comment.comment))

    comment_was_posted.connect(listener)
    try:
        client.force_login(member)
        post(client, material, "Hallo zusammen")
    finally:
        comment_was_posted.disconnect(listener)

    assert heard == [(XtdComment, "Hallo zusammen")]


def test_an_address_of_another_site_is_not_followed_after_posting(client, member, material):
    client.force_login(member)

    response = post(client, material, "Hallo", next_url="https://example.com/")

    assert response["Location"].startswith(material.url + "#comment-")


# --- Replies --------------------------------------------------------------------------------


def test_a_reply_shows_below_its_comment(client, member, other_member, material):
    first = CommentFactory(
        target=material, user=other_member, comment="Wie macht ihr das Matching?"
    )
    client.force_login(member)

    post(client, material, "Mit einem Fragebogen.", parent=first)

    reply = XtdComment.objects.get(parent_id=first.pk, level=1)
    page = soup(client.get(material.url))
    replies = page.select(f"#comment-{first.pk} ~ .comment-list--replies .comment")
    assert [element["id"] for element in replies] == [f"comment-{reply.pk}"]
    assert "Mit einem Fragebogen." in text_of(replies[0])


def test_a_reply_to_a_reply_is_refused_and_the_text_kept(client, member, other_member, material):
    first = CommentFactory(
        target=material, user=other_member, comment="Wie macht ihr das Matching?"
    )
    reply = CommentFactory(
        target=material, user=member, comment="Mit einem Fragebogen.", parent=first
    )
    client.force_login(member)

    response = post(client, material, "Und noch tiefer?", parent=reply)

    assert response.status_code == 400
    assert "nicht auf eine Antwort" in alert_of(response)
    assert typed_text(response) == "Und noch tiefer?"
    assert XtdComment.objects.count() == 2


def test_a_reply_to_a_comment_of_another_page_is_refused(client, member, library, material):
    other = MaterialPageFactory(parent=library)
    elsewhere = CommentFactory(target=other, user=member, comment="Anderswo")
    client.force_login(member)

    response = post(client, material, "Antwort", parent=elsewhere)

    assert response.status_code == 404
    assert XtdComment.objects.count() == 1


def test_the_thread_lists_comments_oldest_first(client, member, other_member, material):
    CommentFactory(
        target=material, user=other_member, comment="Erster Beitrag", submit_date=minutes_ago(30)
    )
    CommentFactory(
        target=material, user=member, comment="Zweiter Beitrag", submit_date=minutes_ago(10)
    )
    client.force_login(member)

    page = soup(client.get(material.url))

    texts = [text_of(p) for p in page.select(".comment-list > li > .comment .comment__text")]
    assert texts == ["Erster Beitrag", "Zweiter Beitrag"]


# --- What is refused ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  "], ids=["empty", "whitespace"])
def test_an_empty_comment_is_refused(client, member, material, text):
    client.force_login(member)

    response = post(client, material, text)

    assert response.status_code == 400
    assert alert_of(response) == "Bitte schreiben Sie etwas, bevor Sie es absenden."
    assert not XtdComment.objects.exists()


def test_a_too_long_comment_is_refused_and_the_text_kept(client, member, material):
    client.force_login(member)
    text = "Patenschaft " * 251  # 3012 characters

    response = post(client, material, text)

    assert response.status_code == 400
    assert "höchstens 3000 Zeichen" in alert_of(response)
    assert typed_text(response).strip() == text.strip()
    assert not XtdComment.objects.exists()


@override_settings(COMMUNITY_POSTS_PER_HOUR=2)
def test_the_hours_limit_stops_the_third_comment_and_keeps_its_text(client, member, material):
    client.force_login(member)
    post(client, material, "Eins")
    post(client, material, "Zwei")

    response = post(client, material, "Drei")

    assert response.status_code == 429
    assert "Stunde" in alert_of(response)
    assert typed_text(response) == "Drei"
    assert XtdComment.objects.count() == 2


def test_an_unpublished_page_takes_no_comments(client, member, material):
    material.unpublish()
    client.force_login(member)

    assert post(client, material, "Hallo").status_code == 404
    assert not XtdComment.objects.exists()


def test_a_page_with_comments_switched_off_takes_none_and_shows_no_discussion(
    client, member, library
):
    quiet = MaterialPageFactory(parent=library, comments_enabled=False)
    client.force_login(member)

    assert post(client, quiet, "Hallo").status_code == 404
    assert soup(client.get(quiet.url)).select_one("#discussion") is None


def test_a_page_for_another_group_takes_no_comments_from_members(client, member, home_page):
    internal = ContentPageFactory(parent=home_page, comments_enabled=True)
    restriction = PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Redaktion")])
    client.force_login(member)

    assert post(client, internal, "Hallo").status_code == 404


def test_members_comment_on_members_only_pages(client, member, home_page):
    internal = ContentPageFactory(parent=home_page, comments_enabled=True)
    restriction = PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Mitglieder")])
    client.force_login(member)

    assert post(client, internal, "Intern").status_code == 302
    assert "Intern" in text_of(soup(client.get(internal.url)).select_one("#discussion"))


def test_a_news_page_has_a_discussion_and_a_content_page_only_when_switched_on(
    client, member, home_page
):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    legal = ContentPageFactory(parent=home_page)
    client.force_login(member)

    assert soup(client.get(news.url)).select_one("#discussion") is not None
    assert soup(client.get(legal.url)).select_one("#discussion") is None
    assert post(client, legal, "Hallo").status_code == 404


# --- Sessions and questions -----------------------------------------------------------------


@pytest.fixture
def session(home_page):
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page))
    return AgendaSessionFactory(congress=congress, title="Werkstatt Lotsenprojekte")


def test_member_discusses_a_congress_session(client, member, session):
    url = reverse("community:session_discussion", args=[session.pk])
    client.force_login(member)

    response = post(client, session, "Wer war dabei?", next_url=url)

    assert response["Location"].startswith(url + "#comment-")
    page = soup(client.get(url))
    assert text_of(page.select_one("h1")) == "Werkstatt Lotsenprojekte"
    assert "Wer war dabei?" in text_of(page.select_one("#discussion"))


def test_the_agenda_links_each_session_to_its_discussion(client, member, session):
    CommentFactory(target=session, user=member, comment="Hallo")

    page = soup(client.get(session.congress.url))

    link = page.select_one(
        f'a[href="{reverse("community:session_discussion", args=[session.pk])}"]'
    )
    assert text_of(link).startswith("Diskussion (1)")


def test_a_session_of_an_unpublished_congress_takes_no_comments(client, member, session):
    session.congress.unpublish()
    client.force_login(member)

    assert post(client, session, "Hallo").status_code == 404
    url = reverse("community:session_discussion", args=[session.pk])
    assert client.get(url).status_code == 404


@pytest.fixture
def question(member):
    return QuestionFactory(
        author=member, title="Wie finden wir Patinnen?", text="Wir suchen seit Monaten."
    )


def test_an_answer_to_a_question_renews_its_activity(client, home_page, other_member, question):
    before = question.last_activity_at
    client.force_login(other_member)

    response = post(client, question, "Über die Freiwilligenagentur.", next_url="/")

    question.refresh_from_db()
    assert response.status_code == 302
    assert question.last_activity_at > before
    assert messages_of(client.get("/")) == ["Ihre Antwort ist veröffentlicht."]


def test_a_hidden_question_takes_no_answers(client, other_member, question):
    Question.objects.filter(pk=question.pk).update(is_public=False)
    client.force_login(other_member)

    assert post(client, question, "Antwort").status_code == 404


def answers_on_the_page(client, question):
    page = soup(client.get(question.get_absolute_url()))
    return page, page.select(".comment-list > li > .comment")


def test_a_questions_answers_show_the_accepted_one_first(
    client, member, other_member, moderator, question
):
    first = AnswerFactory(
        question=question, user=other_member, comment="Über Aushänge", submit_date=minutes_ago(30)
    )
    accepted = AnswerFactory(
        question=question,
        user=moderator,
        comment="Über die Freiwilligenagentur",
        submit_date=minutes_ago(10),
    )
    Question.objects.filter(pk=question.pk).update(accepted_answer=accepted)
    client.force_login(other_member)

    page, answers = answers_on_the_page(client, question)

    assert text_of(page.select_one("#discussion-title")) == "Antworten (2)"
    assert [answer["id"] for answer in answers] == [f"comment-{accepted.pk}", f"comment-{first.pk}"]
    assert text_of(answers[0].select_one(".comment__badge")) == "Akzeptierte Antwort"
    assert answers[1].select_one(".comment__badge") is None


def test_the_asker_may_accept_an_answer_others_may_not(client, member, other_member, question):
    answer = AnswerFactory(
        question=question, user=other_member, comment="Über die Freiwilligenagentur"
    )
    accept = reverse("community:accept_answer", args=[question.pk, answer.pk])

    client.force_login(member)
    _page, as_asker = answers_on_the_page(client, question)
    client.force_login(other_member)
    _page, as_other = answers_on_the_page(client, question)

    button = as_asker[0].select_one(f'form[action="{accept}"] button')
    assert text_of(button) == "Als Antwort akzeptieren"
    assert as_other[0].select_one(f'form[action="{accept}"]') is None


# --- Editing --------------------------------------------------------------------------------


def edit_url(comment):
    return reverse("community:comment_edit", args=[comment.pk])


def test_author_corrects_the_comment_within_the_edit_window(client, member, material):
    comment = CommentFactory(
        target=material, user=member, comment="Tippfehlr", submit_date=minutes_ago(5)
    )
    client.force_login(member)

    form = client.get(edit_url(comment))
    response = client.post(edit_url(comment), {"comment": "Tippfehler"})

    assert typed_text(form) == "Tippfehlr"
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.comment == "Tippfehler"
    page = soup(client.get(material.url))
    assert text_of(page.select_one(f"#comment-{comment.pk} .comment__text")) == "Tippfehler"


def test_the_own_comment_offers_editing_only_within_the_window(client, member, material):
    fresh = CommentFactory(
        target=material, user=member, comment="Frisch", submit_date=minutes_ago(2)
    )
    old = CommentFactory(target=material, user=member, comment="Alt", submit_date=minutes_ago(20))
    client.force_login(member)

    page = soup(client.get(material.url))

    assert page.select_one(f'#comment-{fresh.pk} a[href="{edit_url(fresh)}"]') is not None
    assert page.select_one(f'#comment-{old.pk} a[href="{edit_url(old)}"]') is None


def test_after_the_window_the_comment_stays_as_it_is(client, member, material):
    comment = CommentFactory(
        target=material, user=member, comment="Alt", submit_date=minutes_ago(16)
    )
    client.force_login(member)

    response = client.post(edit_url(comment), {"comment": "Neu"})

    assert response.status_code == 403
    assert "15 Minuten" in text_of(soup(response).select_one(".lead"))
    comment.refresh_from_db()
    assert comment.comment == "Alt"


def test_nobody_edits_someone_elses_comment(client, member, other_member, material):
    comment = CommentFactory(
        target=material, user=other_member, comment="Meins", submit_date=minutes_ago(1)
    )
    client.force_login(member)

    response = client.post(edit_url(comment), {"comment": "Deins"})

    assert response.status_code == 403
    assert text_of(soup(response).select_one(".lead")) == (
        "Sie können nur Ihre eigenen Kommentare bearbeiten."
    )
    comment.refresh_from_db()
    assert comment.comment == "Meins"


def test_an_edit_to_nothing_is_refused(client, member, material):
    comment = CommentFactory(
        target=material, user=member, comment="Text", submit_date=minutes_ago(1)
    )
    client.force_login(member)

    response = client.post(edit_url(comment), {"comment": "  "})

    assert response.status_code == 400
    assert alert_of(response) == "Bitte schreiben Sie etwas, bevor Sie es absenden."
    comment.refresh_from_db()
    assert comment.comment == "Text"


# --- Reporting and following ----------------------------------------------------------------


def flag_url(comment):
    return reverse("community:comment_flag", args=[comment.pk])


def test_member_reports_a_comment_once(client, member, other_member, material):
    comment = CommentFactory(target=material, user=other_member, comment="Werbung für mein Produkt")
    client.force_login(member)

    first = client.post(flag_url(comment), {"next": material.url}, follow=True)
    response = client.post(flag_url(comment), {"next": material.url}, follow=True)

    assert messages_of(first) == ["Danke, das Moderationsteam sieht sich den Kommentar an."]
    assert (
        CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).count() == 1
    )
    shown = soup(response).select_one(f"#comment-{comment.pk}")
    assert text_of(shown.select_one(".comment__flagged")) == "Gemeldet"


def test_the_own_comment_cannot_be_reported(client, member, material):
    comment = CommentFactory(target=material, user=member, comment="Meins")
    client.force_login(member)

    page = soup(client.get(material.url))
    client.post(flag_url(comment), {"next": material.url})

    assert page.select_one(f'#comment-{comment.pk} form[action="{flag_url(comment)}"]') is None
    assert not CommentFlag.objects.exists()


def test_reporting_needs_approval(client, pending, other_member, material):
    comment = CommentFactory(target=material, user=other_member, comment="Text")
    client.force_login(pending)

    assert client.post(flag_url(comment)).status_code == 403
    assert not CommentFlag.objects.exists()


def test_member_follows_a_discussion_and_stops(client, member, material):
    client.force_login(member)

    client.post(FOLLOW, {"target": key(material), "action": "follow", "next": material.url})
    following = soup(client.get(material.url)).select_one(".discussion__follow button")
    client.post(FOLLOW, {"target": key(material), "action": "unfollow", "next": material.url})
    not_following = soup(client.get(material.url)).select_one(".discussion__follow button")

    assert text_of(following) == "Nicht mehr folgen"
    assert text_of(not_following) == "Diskussion folgen"
    assert not Follow.objects.exists()


def test_following_twice_keeps_one_follow(client, member, material):
    client.force_login(member)
    for _time in range(2):
        response = client.post(FOLLOW, {"target": key(material), "next": material.url})

    assert response["Location"] == f"{material.url}#discussion"
    assert Follow.objects.filter(user=member, object_id=material.pk).count() == 1


@pytest.mark.parametrize("role", ["visitor", "pending"])
def test_only_members_follow(client, material, role, request):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))

    response = client.post(FOLLOW, {"target": key(material), "next": material.url})

    assert response.status_code in (302, 403)
    assert not Follow.objects.exists()


# --- Queries --------------------------------------------------------------------------------


def add_discussion(material, count):
    """`count` comments by different members, every other one with a reply."""
    for number in range(count):
        author = MemberProfileFactory().user
        comment = CommentFactory(target=material, user=author, comment=f"Beitrag {number}")
        if number % 2 == 0:
            CommentFactory(
                target=material, user=author, comment=f"Antwort auf {number}", parent=comment
            )


def measuring(client):
    """How many queries the second request of a page costs (the first fills caches)."""

    def queries(page):
        assert client.get(page.url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        return len(captured), soup(response)

    return queries


def test_a_long_discussion_costs_the_material_page_a_fixed_number_of_queries(client, library):
    """The discussion adds at most three queries to the page (the comments with their
    authors and the member's reports; following; membership, unless known already), as
    many for 5 comments as for 50."""
    quiet = MaterialPageFactory(parent=library, comments_enabled=False)
    material = MaterialPageFactory(parent=library)
    client.force_login(UserFactory(groups=["Mitglieder"]))
    queries = measuring(client)

    without, _page = queries(quiet)
    add_discussion(material, 5)
    few, page = queries(material)
    assert len(page.select(".comment")) == 8
    add_discussion(material, 45)
    many, page = queries(material)

    assert len(page.select(".comment")) == 76
    assert few == many
    assert many <= without + 3


def test_the_number_of_comments_costs_a_visitor_one_query(client, library):
    quiet = MaterialPageFactory(parent=library, comments_enabled=False)
    material = MaterialPageFactory(parent=library)
    queries = measuring(client)

    without, _page = queries(quiet)
    add_discussion(material, 5)
    few, _page = queries(material)
    add_discussion(material, 45)
    many, page = queries(material)

    assert text_of(page.select_one("#discussion-title")) == "Diskussion (76)"
    assert few == many == without + 1
