"""Who reads the comments: approved members read the discussion; visitors and accounts
waiting for approval see how many comments there are, nothing of them. Nothing leaks:
no e-mail address, no Gravatar, no live markup from what members write, none of
django-comments-xtd's own addresses; a deleted account's comments stay, signed
»ehemaliges Mitglied«."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.community.conftest import PASSWORD
from tests.community.test_comments import key, post
from tests.factories import (
    AgendaSessionFactory,
    CommentFactory,
    CongressPageFactory,
    EventIndexPageFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

TEXT = "Wir nutzen den Leitfaden seit zwei Jahren in der Patenschaftsanbahnung."
POSTED = timezone.make_aware(datetime.datetime(2026, 3, 14, 9, 30))


@pytest.fixture
def material(home_page):
    return MaterialPageFactory(
        parent=LibraryIndexPageFactory(parent=home_page), title="Leitfaden Patenschaften"
    )


@pytest.fixture
def discussed(material, other_member):
    comment = CommentFactory(target=material, user=other_member, comment=TEXT)
    comment.submit_date = POSTED
    comment.save()
    return material


def discussion_of(response):
    return soup(response).select_one("#discussion")


def assert_nothing_of_the_comment(response):
    html = response.content.decode()
    assert TEXT not in html
    assert "Otto Anders" not in html
    assert "14. März 2026" not in html
    assert "2026-03-14" not in html
    assert soup(response).select(".comment") == []


def test_visitor_sees_the_number_of_comments_and_a_login_link_only(client, discussed):
    response = client.get(discussed.url)

    section = discussion_of(response)
    assert text_of(section.select_one("h2")) == "Diskussion (1)"
    assert "1 Kommentar von Mitgliedern des Netzwerks." in text_of(section)
    login = section.select_one(f'a[href^="{reverse("account_login")}"]')
    assert login["href"].endswith(f"?next={discussed.url}%23discussion")
    assert section.select_one("form") is None
    assert_nothing_of_the_comment(response)


def test_pending_account_sees_the_number_and_that_approval_is_pending(client, pending, discussed):
    client.force_login(pending)

    response = client.get(discussed.url)

    section = discussion_of(response)
    assert "1 Kommentar" in text_of(section)
    assert "Ihr Konto wartet auf die Freischaltung." in text_of(section)
    assert section.select_one("form") is None
    assert_nothing_of_the_comment(response)


def test_editor_without_membership_sees_only_the_number(client, editor, discussed):
    client.force_login(editor)

    response = client.get(discussed.url)

    assert "keinen Zugang" in text_of(discussion_of(response))
    assert_nothing_of_the_comment(response)


def test_member_reads_text_author_and_date(client, member, discussed):
    client.force_login(member)

    section = discussion_of(client.get(discussed.url))

    assert TEXT in text_of(section)
    assert text_of(section.select_one(".comment__author")) == "Otto Anders"
    assert section.select_one("time")["datetime"].startswith("2026-03-14T09:30")


def test_no_email_address_and_no_gravatar_reach_the_page(client, member, other_member, discussed):
    client.force_login(member)
    post(client, discussed, "Und noch ein Gedanke.")

    html = client.get(discussed.url).content.decode()

    assert other_member.email not in html
    assert member.email not in html
    assert "@example.org" not in html
    assert "gravatar" not in html.lower()


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[klick](javascript:alert(1))",
    ],
    ids=["script", "event-handler", "javascript-url", "markdown-link"],
)
def test_what_members_write_never_becomes_live_markup(client, member, material, payload):
    client.force_login(member)
    post(client, material, f"Schaut mal: {payload}")

    section = discussion_of(client.get(material.url))

    text = section.select_one(".comment__text")
    assert payload in text_of(text)  # shown as the text it is
    assert text.select("script, img") == []
    assert not any(
        attribute.startswith("on") for element in text.find_all(True) for attribute in element.attrs
    )
    assert all(
        not link["href"].lower().startswith("javascript") for link in section.select("a[href]")
    )


def test_a_web_address_in_a_comment_becomes_a_nofollow_link(client, member, material):
    client.force_login(member)
    post(client, material, "Mehr unter https://www.b-b-e.de/ dazu.")

    link = discussion_of(client.get(material.url)).select_one(".comment__text a")

    assert link["href"] == "https://www.b-b-e.de/"
    assert link["rel"] == ["nofollow", "ugc"]


@pytest.mark.parametrize(
    "path",
    [
        "/comments/api/library-materialpage/1/",
        "/comments/api/comment/",
        "/comments/count/library-materialpage/1/",
        "/comments/feeds/latest/",
        "/comments/post/",
        "/comments/flag/1/",
    ],
)
def test_the_addresses_of_django_comments_xtd_are_not_there(client, member, discussed, path):
    client.force_login(member)
    assert client.get(path).status_code == 404


def test_a_deleted_accounts_comments_stay_signed_former_member(
    client, member, other_member, discussed
):
    client.force_login(other_member)
    client.post(reverse("community:delete_account"), {"password": PASSWORD})
    client.force_login(member)

    section = discussion_of(client.get(discussed.url))

    comment = section.select_one(".comment")
    assert TEXT in text_of(comment)
    assert text_of(comment.select_one(".comment__author")) == "ehemaliges Mitglied"
    assert comment.select_one(".comment__author a") is None
    assert "Otto Anders" not in text_of(section)


def test_a_suspended_members_name_no_longer_links_to_the_profile(
    client, member, other_member, discussed
):
    other_member.is_active = False
    other_member.save()
    client.force_login(member)

    author = discussion_of(client.get(discussed.url)).select_one(".comment__author")

    assert text_of(author) == "Otto Anders"
    assert author.select_one("a") is None


# --- A congress session's discussion --------------------------------------------------------


@pytest.fixture
def session(home_page, other_member):
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page))
    session = AgendaSessionFactory(congress=congress, title="Forum Mentoring")
    CommentFactory(target=session, user=other_member, comment=TEXT)
    return session


def session_url(session):
    return reverse("community:session_discussion", args=[session.pk])


def test_visitor_sees_a_sessions_number_of_comments_only(client, session):
    response = client.get(session_url(session))

    assert response.status_code == 200
    assert text_of(soup(response).select_one("h1")) == "Forum Mentoring"
    assert text_of(discussion_of(response).select_one("h2")) == "Diskussion (1)"
    assert_nothing_of_the_comment(response)


def test_member_reads_a_sessions_discussion(client, member, session):
    client.force_login(member)

    response = client.get(session_url(session))

    assert TEXT in text_of(discussion_of(response))
    congress_link = soup(response).select_one(f'.lead a[href="{session.congress.url}"]')
    assert text_of(congress_link) == session.congress.title


def test_a_session_of_a_congress_for_another_group_is_not_found(client, member, session):
    restriction = PageViewRestriction.objects.create(
        page=session.congress, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(session_url(session)).status_code == 404
    client.force_login(member)
    assert client.get(session_url(session)).status_code == 200
    restriction.delete()


def test_following_a_page_one_may_not_see_is_refused(client, member, material):
    material.unpublish()
    client.force_login(member)

    response = client.post(reverse("community:follow"), {"target": key(material)})

    assert response.status_code == 404
