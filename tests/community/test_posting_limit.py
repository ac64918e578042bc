"""The hourly limit holds when a member posts many times at once (several tabs, a script, a
double click): comments, answers and questions sent simultaneously store exactly the
allowance, the rest is refused. The author's user row is locked while the posts of the
last hour are counted and the new one is stored (community/comments/limits.py).

The threads need a database with concurrent connections: PostgreSQL, which production
runs (and CI too). The suite's SQLite database is in memory with a shared cache, where a
connection that meets another one's open write fails at once (»database table is
locked«) instead of waiting, so simultaneous requests there test nothing but that. On
every database: a question's form checks early, but what decides is the count under the
lock."""

import threading

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from community.comments.limits import POST_LIMIT_REACHED
from community.models import Question
from tests.factories import (
    LibraryIndexPageFactory,
    MaterialPageFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.helpers import soup, text_of

LIMIT = 3
RACERS = 8
POST = reverse("community:comment_post")
NEW_QUESTION = reverse("community:question_new")

concurrent_connections = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs concurrent connections (PostgreSQL); the suite runs on PostgreSQL in CI too",
)


def key(target):
    content_type = ContentType.objects.get_for_model(target)
    return f"{content_type.app_label}.{content_type.model}:{target.pk}"


def posts(kind, material, question, topic):
    """What the racer number `n` sends for `kind`: (address, form data)."""
    comment = (POST, {"target": key(material), "comment": "Ein Kommentar.", "next": "/"})
    answer = (POST, {"target": key(question), "comment": "Eine Antwort.", "next": "/"})
    new_question = (
        NEW_QUESTION,
        {"title": "Wie finden wir Patinnen?", "text": "Bei uns …", "topics": [topic.pk]},
    )
    by_kind = {
        "comments": [comment],
        "answers": [answer],
        "questions": [new_question],
        "all three": [comment, answer, new_question],
    }[kind]
    return [by_kind[n % len(by_kind)] for n in range(RACERS)]


def posted_by(user):
    return (
        XtdComment.objects.filter(user=user).count() + Question.objects.filter(author=user).count()
    )


# Committed data, as the threads use their own connections; the serialized rollback restores
# what the migrations created (default Site, groups) for the tests after this one.
@concurrent_connections
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("kind", ["comments", "answers", "questions", "all three"])
def test_simultaneous_posts_at_the_limit_store_exactly_the_allowance(
    home_page, member, other_member, settings, kind
):
    settings.COMMUNITY_POSTS_PER_HOUR = LIMIT
    material = MaterialPageFactory(parent=LibraryIndexPageFactory(parent=home_page))
    topic = TopicFactory(name="Wohnen")
    question = QuestionFactory(author=other_member, topics=[topic])
    sent = posts(kind, material, question, topic)
    clients = []
    for _racer in range(RACERS):
        client = Client()
        client.force_login(member)
        clients.append(client)
    start = threading.Barrier(RACERS)
    statuses, errors = [], []

    def race(client, address, data):
        try:
            start.wait()
            statuses.append(client.post(address, data).status_code)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=race, args=(client, *post))
        for client, post in zip(clients, sent, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert posted_by(member) == LIMIT
    # Stored: sent on (302). Refused: the comment form again (429) or the question form
    # with the message (200).
    assert sorted(statuses).count(302) == LIMIT
    assert all(status in (200, 429) for status in statuses if status != 302)


@pytest.mark.django_db
def test_a_question_is_refused_at_the_limit_even_when_the_forms_early_check_let_it_pass(
    client, member, settings, monkeypatch
):
    """What another request stores between the form's check and the save is counted: here
    the form checked before the member's last post of the hour was stored."""
    settings.COMMUNITY_POSTS_PER_HOUR = LIMIT
    topic = TopicFactory(name="Wohnen")
    for number in range(LIMIT):
        QuestionFactory(author=member, title=f"Frage {number}", topics=[topic])
    monkeypatch.setattr("community.questions.forms.may_post", lambda user: True)
    client.force_login(member)

    response = client.post(
        NEW_QUESTION, {"title": "Noch eine Frage", "text": "Bei uns …", "topics": [topic.pk]}
    )

    assert response.status_code == 200
    alert = text_of(soup(response).select_one('main [role="alert"]'))
    assert str(POST_LIMIT_REACHED) in alert
    assert posted_by(member) == LIMIT
