"""The demo's exchange: demo members discuss three materials and ask three questions with
answers, one of them solved; a second run adds nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from community.demo.exchange import generate_exchange
from community.models import Question
from community.questions.rules import answers
from home.demo import Report
from library.models import MaterialPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

SOLVED = "Wie gehen Sie mit Absagen von Patinnen kurz vor dem ersten Treffen um?"


@pytest.fixture
def exchange(demo_content, db):
    """The demo's exchange, as the demo loader built it (loaded once for the module,
    tests/conftest.py), with what it reported to have created of the exchange."""
    created = [
        line.removeprefix("created: ")
        for line in demo_content.splitlines()
        if line.startswith("created: ")
    ]
    about_exchange = ("question »", "comments on material")
    return Report(created=[line for line in created if line.startswith(about_exchange)])


def test_demo_members_ask_three_questions_one_solved_and_discuss_materials(exchange):
    questions = Question.objects.visible()
    assert questions.count() == 3
    assert [question.title for question in questions.solved()] == [SOLVED]
    for question in questions:
        assert question.author.member_profile.is_approved
        assert question.topics.exists() and question.materials.exists()
        given = answers(question)
        assert given.exists()
        assert question.last_activity_at >= max(comment.submit_date for comment in given)
    solved = questions.get(title=SOLVED)
    assert solved.accepted_answer in answers(solved)
    assert solved.accepted_answer.user != solved.author
    assert len(exchange.created) == 6

    # …and discuss three materials, with replies.
    on_materials = XtdComment.objects.filter(content_type__model="materialpage")
    assert on_materials.values("object_pk").distinct().count() == 3
    assert on_materials.filter(level=1).exists()
    assert not on_materials.exclude(user_email="").exists()
    for comment in XtdComment.objects.all():
        assert comment.is_public and comment.user.member_profile.is_approved
        assert comment.user_name == comment.user.member_profile.display_name


def test_second_run_creates_nothing(exchange):
    comments = set(XtdComment.objects.values_list("pk", "comment"))
    questions = set(Question.objects.values_list("pk", "last_activity_at", "accepted_answer"))

    again = Report()
    generate_exchange(again)

    assert again.created == []
    assert len(again.skipped) == 6
    assert set(XtdComment.objects.values_list("pk", "comment")) == comments
    assert set(Question.objects.values_list("pk", "last_activity_at", "accepted_answer")) == (
        questions
    )


def test_demo_member_reads_the_exchange(client, exchange):
    client.force_login(get_user_model().objects.get(email="mitglied@example.org"))

    listed = soup(client.get(reverse("community:questions")))
    assert len(listed.select(".question-teaser")) == 3
    solved = Question.objects.get(title=SOLVED)
    page = soup(client.get(solved.get_absolute_url()))
    assert text_of(page.select_one("h1")) == SOLVED
    assert "Koordinatorin ist immer dabei" in text_of(page.select_one(".discussion"))
    material = MaterialPage.objects.get(source_id="MSM-003")
    on_material = soup(client.get(material.url)).select_one(".material-questions")
    assert SOLVED in text_of(on_material)
