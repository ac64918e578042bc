"""Moderation of comments in the admin (»Kommentare«): moderators see reported comments
first, then the newest; they hide a comment (it disappears from the page at once, with its
replies), show it again, dismiss the reports or delete it. Nobody else gets there.

Texts asserted in German come from Wagtail's catalogue or locale/de; the list is asserted
by its content (texts, numbers)."""

import pytest
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from tests.community.test_comments import minutes_ago
from tests.factories import (
    CommentFactory,
    CommentFlagFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

LIST = reverse("community_comments:index")
MODERATE = reverse("community_comments:moderate")


@pytest.fixture
def material(home_page):
    return MaterialPageFactory(parent=LibraryIndexPageFactory(parent=home_page))


def report(comment, *users):
    for user in users:
        CommentFlagFactory(comment=comment, user=user)


def listed(response):
    """(text, reports) of each row, in order."""
    return [
        (text_of(row.select_one(".comment-admin__comment")), text_of(row.select("td")[4]))
        for row in soup(response).select("tbody tr")
    ]


def moderate(client, action, comment, **extra):
    return client.post(MODERATE, {"action": action, "pk": comment.pk, "next": LIST, **extra})


def shown_texts(client, page):
    return [text_of(text) for text in soup(client.get(page.url)).select(".comment__text")]


def test_moderator_sees_reported_comments_first_then_the_newest(
    client, moderator, member, other_member, material
):
    CommentFactory(
        target=material, user=member, comment="Alt und gemeldet", submit_date=minutes_ago(300)
    )
    CommentFactory(target=material, user=member, comment="Mittel", submit_date=minutes_ago(200))
    CommentFactory(target=material, user=member, comment="Neu", submit_date=minutes_ago(100))
    report(XtdComment.objects.get(comment="Alt und gemeldet"), other_member, moderator)
    client.force_login(moderator)

    response = client.get(LIST)

    assert response.status_code == 200
    assert listed(response) == [("Alt und gemeldet", "2"), ("Neu", "0"), ("Mittel", "0")]


def test_the_list_shows_texts_escaped_and_no_email_address(client, moderator, member, material):
    CommentFactory(target=material, user=member, comment="<script>alert(1)</script>")
    client.force_login(moderator)

    response = client.get(LIST)

    cell = soup(response).select_one("tbody .comment-admin__comment")
    assert cell.select("script") == []
    assert "<script>alert(1)</script>" in text_of(cell)
    assert member.email not in response.content.decode()


def test_a_hidden_comment_and_its_replies_disappear_from_the_page_at_once(
    client, moderator, member, other_member, material
):
    comment = CommentFactory(target=material, user=other_member, comment="Unpassend")
    CommentFactory(target=material, user=member, comment="Antwort darauf", parent=comment)
    CommentFactory(target=material, user=member, comment="Bleibt")
    client.force_login(moderator)

    response = moderate(client, "hide", comment)

    assert response.status_code == 302
    assert response["Location"] == LIST
    client.force_login(member)
    assert shown_texts(client, material) == ["Bleibt"]
    client.logout()
    section = soup(client.get(material.url)).select_one("#discussion")
    assert text_of(section.select_one("h2")) == "Diskussion (1)"


def test_a_hidden_comment_can_be_shown_again(client, moderator, member, material):
    comment = CommentFactory(target=material, user=member, comment="Doch in Ordnung")
    client.force_login(moderator)

    moderate(client, "hide", comment)
    moderate(client, "show", comment)

    assert shown_texts(client, material) == ["Doch in Ordnung"]


def test_deleting_asks_first_then_removes_the_comment(client, moderator, member, material):
    comment = CommentFactory(target=material, user=member, comment="Beleidigend")
    client.force_login(moderator)

    asked = moderate(client, "delete", comment)
    comment.refresh_from_db()
    assert asked.status_code == 200
    assert "Beleidigend" in text_of(soup(asked).select_one("blockquote"))
    assert not comment.is_removed

    moderate(client, "delete", comment, confirmed="1")

    comment.refresh_from_db()
    assert comment.is_removed
    assert shown_texts(client, material) == []
    row = soup(client.get(LIST)).select_one("tbody tr")
    assert row.select("form") == []  # nothing more to do with it


def test_dismissing_the_reports_keeps_the_comment_and_ends_its_priority(
    client, moderator, member, other_member, material
):
    reported = CommentFactory(
        target=material, user=member, comment="Gemeldet, aber harmlos", submit_date=minutes_ago(60)
    )
    CommentFactory(target=material, user=member, comment="Neuer", submit_date=minutes_ago(1))
    report(reported, other_member)
    client.force_login(moderator)

    moderate(client, "dismiss", reported)

    assert listed(client.get(LIST)) == [("Neuer", "0"), ("Gemeldet, aber harmlos", "0")]
    assert "Gemeldet, aber harmlos" in shown_texts(client, material)


def test_a_hidden_reported_comment_no_longer_comes_first(
    client, moderator, member, other_member, material
):
    reported = CommentFactory(
        target=material, user=member, comment="Gemeldet", submit_date=minutes_ago(60)
    )
    CommentFactory(target=material, user=member, comment="Neuer", submit_date=minutes_ago(1))
    report(reported, other_member)
    client.force_login(moderator)

    moderate(client, "hide", reported)

    assert listed(client.get(LIST)) == [("Neuer", "0"), ("Gemeldet", "1")]


@pytest.mark.parametrize("role", ["member", "editor"])
def test_only_moderators_moderate(client, material, member, role, request):
    comment = CommentFactory(target=material, user=member, comment="Bleibt stehen")
    client.force_login(request.getfixturevalue(role))

    listing = client.get(LIST)
    response = moderate(client, "hide", comment)

    assert listing.status_code in (302, 403)
    assert response.status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.is_public


def test_the_moderator_filters_the_reported_comments(
    client, moderator, member, other_member, material
):
    reported = CommentFactory(target=material, user=member, comment="Gemeldet")
    CommentFactory(target=material, user=member, comment="Unauffällig")
    report(reported, other_member)
    client.force_login(moderator)

    response = client.get(LIST, {"state": "reported"})

    assert listed(response) == [("Gemeldet", "1")]
