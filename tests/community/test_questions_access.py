"""Who may do what in the members' exchange: every address of the questions for a visitor,
an account waiting for approval, the asker, another member, a moderator and an editor of
the public site. Questions and answers are for approved members only; hidden questions
for moderators only; the asker and moderators accept answers."""

import pytest
from django.urls import reverse

from community.models import Question
from tests.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
ROLES = ["visitor", "pending", "member", "other_member", "moderator", "editor"]


@pytest.fixture
def question(home_page, member):
    return QuestionFactory(author=member)


@pytest.fixture
def hidden_question(member):
    return QuestionFactory(author=member, title="Ausgeblendete Frage", is_public=False)


def client_as(client, request, role):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    return client


def outcome(response):
    """'login', 'members only' (the page for accounts without member access), or the
    status code."""
    if response.status_code == 302 and response["Location"].startswith(LOGIN):
        return "login"
    if response.status_code == 403 and b"members-only" in response.content:
        return "members only"
    return response.status_code


READ = {
    "visitor": "login",
    "pending": "members only",
    "member": 200,
    "other_member": 200,
    "moderator": 200,
    "editor": "members only",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["community:questions", "community:question_new"])
def test_only_members_open_the_question_list_and_the_form(client, request, home_page, role, name):
    response = client_as(client, request, role).get(reverse(name))

    assert outcome(response) == READ[role]


@pytest.mark.parametrize("role", ROLES)
def test_only_members_read_a_question(client, request, question, role):
    response = client_as(client, request, role).get(question.get_absolute_url())

    assert outcome(response) == READ[role]
    if READ[role] == 200:
        assert question.title in response.content.decode()
    else:
        assert question.title not in response.content.decode()


HIDDEN = {**READ, "member": 404, "other_member": 404}


@pytest.mark.parametrize("role", ROLES)
def test_a_hidden_question_is_gone_for_everybody_but_moderators(
    client, request, hidden_question, role
):
    response = client_as(client, request, role).get(hidden_question.get_absolute_url())

    assert outcome(response) == HIDDEN[role]


ASK = {**READ, "member": 302, "other_member": 302, "moderator": 302}


@pytest.mark.parametrize("role", ROLES)
def test_only_members_ask_questions(client, request, home_page, role):
    topic = QuestionFactory(author=request.getfixturevalue("member")).topics.get()
    data = {"title": "Wer hat Erfahrung mit Tandems per Video?", "text": "Wir überlegen das."}

    response = client_as(client, request, role).post(
        reverse("community:question_new"), {**data, "topics": [topic.pk]}
    )

    assert outcome(response) == ASK[role]
    asked = Question.objects.filter(title=data["title"])
    assert asked.exists() == (ASK[role] == 302)


ACCEPT = {
    "visitor": "login",
    "pending": "members only",
    "member": 302,  # the asker
    "other_member": 403,
    "moderator": 302,
    "editor": "members only",
}


@pytest.mark.parametrize("role", ROLES)
def test_the_asker_and_moderators_accept_an_answer(client, request, question, other_member, role):
    reply = AnswerFactory(question=question, user=other_member)
    url = reverse("community:accept_answer", args=[question.pk, reply.pk])

    response = client_as(client, request, role).post(url)

    assert outcome(response) == ACCEPT[role]
    question.refresh_from_db()
    assert question.is_solved == (ACCEPT[role] == 302)


@pytest.mark.parametrize("role", ROLES)
def test_accepting_is_never_done_with_a_link(client, request, question, other_member, role):
    reply = AnswerFactory(question=question, user=other_member)
    url = reverse("community:accept_answer", args=[question.pk, reply.pk])

    response = client_as(client, request, role).get(url)

    assert response.status_code == 405
    question.refresh_from_db()
    assert not question.is_solved


def test_an_answer_to_a_hidden_question_is_accepted_by_moderators_only(
    client, hidden_question, member, other_member, moderator
):
    reply = AnswerFactory(question=hidden_question, user=other_member)
    url = reverse("community:accept_answer", args=[hidden_question.pk, reply.pk])

    client.force_login(member)
    assert client.post(url).status_code == 404
    client.force_login(moderator)
    assert client.post(url).status_code == 302
