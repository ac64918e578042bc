"""The members' exchange (Fachaustausch): the list of questions with its filters, newest
activity first; asking a question; a question's page; accepting an answer; the questions
on a material's page and on »Mein Bereich«; the admin for moderators."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.models import PageViewRestriction

from community.comments.limits import POST_LIMIT_REACHED
from community.models import Question
from community.questions.signals import answer_accepted
from tests.factories import (
    AnswerFactory,
    MaterialPageFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

LIST = reverse("community:questions")
NEW = reverse("community:question_new")
QUERY_BUDGET = 15
DASHBOARD_BUDGET = QUERY_BUDGET + 1  # »Mein Bereich« also lists the member's working groups


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def housing():
    return TopicFactory(name="Wohnen", slug="wohnen")


@pytest.fixture
def law():
    return TopicFactory(name="Recht und Aufenthalt", slug="recht-und-aufenthalt")


QUESTIONS = ("%(counter)s question", "%(counter)s questions")
ANSWERS = ("%(counter)s answer", "%(counter)s answers")


def counted(number, forms):
    """The German text (»3 Fragen«) of the templates' {% blocktranslate count %}."""
    return ngettext(*forms, number) % {"counter": number}


def page_of(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return soup(response)


def listed_titles(page):
    return [text_of(title) for title in page.select(".question-teaser__title")]


def field_errors(page, name):
    return text_of(page.select_one(f"#id_{name}").find_parent(class_="form__field"))


# --- The list -------------------------------------------------------------------------------


def test_list_shows_each_question_with_topics_asker_answers_and_state(
    client, home_page, member, other_member, moderator, housing
):
    question = QuestionFactory(
        author=member, title="Wie finden wir bezahlbaren Wohnraum?", topics=[housing]
    )
    first = AnswerFactory(question=question, user=other_member)
    AnswerFactory(question=question, user=moderator, parent=first)  # a reply is no answer
    AnswerFactory(question=question, user=moderator, is_public=False)  # hidden by a moderator
    AnswerFactory(question=question, user=moderator, is_removed=True)
    AnswerFactory(question=question, user=moderator)
    question.accepted_answer = first
    question.save()

    page = page_of(client, other_member, LIST)

    teaser = page.select_one(".question-teaser")
    link = teaser.select_one(".question-teaser__title a")
    assert link["href"] == question.get_absolute_url()
    assert "Mira Mitglied" in text_of(teaser.select_one(".question-teaser__meta"))
    assert text_of(teaser.select_one(".question-teaser__answers")) == counted(2, ANSWERS)
    assert teaser.select_one(".tag--solved")
    assert [text_of(tag) for tag in teaser.select(".question-teaser__topics a")] == ["Wohnen"]
    assert "mira.member@example.org" not in page.decode()


def test_list_puts_the_newest_activity_first_and_leaves_out_hidden_questions(
    client, home_page, member
):
    QuestionFactory(author=member, title="Älteste Aktivität", last_activity_at=days_ago(9))
    QuestionFactory(author=member, title="Neueste Aktivität", last_activity_at=days_ago(1))
    QuestionFactory(author=member, title="Mittlere Aktivität", last_activity_at=days_ago(5))
    QuestionFactory(
        author=member, title="Ausgeblendet", last_activity_at=days_ago(0), is_public=False
    )

    page = page_of(client, member, LIST)

    assert listed_titles(page) == ["Neueste Aktivität", "Mittlere Aktivität", "Älteste Aktivität"]
    assert text_of(page.select_one("#results-title")) == counted(3, QUESTIONS)


def test_accepting_an_answer_moves_the_question_up(client, home_page, member, other_member):
    older = QuestionFactory(author=member, title="Ältere Frage", last_activity_at=days_ago(3))
    QuestionFactory(author=member, title="Neuere Frage", last_activity_at=days_ago(1))
    reply = AnswerFactory(question=older, user=other_member, submit_date=days_ago(2))
    client.force_login(member)

    client.post(reverse("community:accept_answer", args=[older.pk, reply.pk]))

    assert listed_titles(page_of(client, member, LIST)) == ["Ältere Frage", "Neuere Frage"]


def test_filters_by_topic_state_and_own_questions(
    client, home_page, member, other_member, housing, law
):
    mine_open = QuestionFactory(author=member, title="Meine offene Frage", topics=[housing])
    mine_solved = QuestionFactory(author=member, title="Meine gelöste Frage", topics=[law])
    mine_solved.accepted_answer = AnswerFactory(question=mine_solved, user=other_member)
    mine_solved.save()
    QuestionFactory(author=other_member, title="Andere offene Frage", topics=[housing, law])
    client.force_login(member)

    def titles(query):
        return set(listed_titles(soup(client.get(f"{LIST}?{query}"))))

    assert titles("topic=wohnen") == {"Meine offene Frage", "Andere offene Frage"}
    assert titles("state=open") == {"Meine offene Frage", "Andere offene Frage"}
    assert titles("state=solved") == {"Meine gelöste Frage"}
    assert titles("mine=1") == {"Meine offene Frage", "Meine gelöste Frage"}
    assert titles("mine=1&state=open&topic=wohnen") == {mine_open.title}
    # Unknown values are ignored.
    assert len(titles("topic=gibt-es-nicht&state=egal")) == 3


def test_chosen_filters_are_shown_and_each_can_be_removed(client, home_page, member, housing):
    QuestionFactory(author=member, topics=[housing])

    page = page_of(client, member, f"{LIST}?topic=wohnen&state=open&mine=1")

    chips = {text_of(link): link["href"] for link in page.select(".active-filters a")}
    assert chips["Thema: Wohnen × ({})".format(gettext("remove filter"))] == "?state=open&mine=1"
    assert page.select_one("#id_topic option[selected]")["value"] == "wohnen"
    assert page.select_one("#id_mine").has_attr("checked")


def test_empty_states_say_whether_nothing_was_asked_or_nothing_matches(
    client, home_page, member, housing
):
    page = page_of(client, member, LIST)
    assert page.select_one(".empty-state a")["href"] == NEW

    QuestionFactory(author=member)
    page = page_of(client, member, f"{LIST}?topic=wohnen")
    assert listed_titles(page) == []
    assert page.select_one(".empty-state a")["href"] == LIST


def test_list_shows_twenty_questions_a_page(client, home_page, member):
    topic = TopicFactory()
    for number in range(25):
        QuestionFactory(
            author=member,
            title=f"Frage {number:02d}",
            topics=[topic],
            last_activity_at=days_ago(number),
        )

    first = page_of(client, member, LIST)
    second = page_of(client, member, f"{LIST}?page=2")

    assert len(listed_titles(first)) == 20
    assert listed_titles(second) == [f"Frage {number:02d}" for number in range(20, 25)]
    assert text_of(first.select_one("#results-title")) == counted(25, QUESTIONS)


def fill_questions(count, author, answerer, topics):
    for number in range(count):
        question = QuestionFactory(
            author=author, title=f"Frage {number}", topics=topics[number % 3 :][:2]
        )
        reply = AnswerFactory(question=question, user=answerer)
        AnswerFactory(question=question, user=author, parent=reply)


@pytest.mark.parametrize("count", [5, 60])
def test_list_stays_within_its_query_budget(
    client, home_page, member, other_member, count, django_assert_max_num_queries
):
    topics = [TopicFactory() for _number in range(3)]
    fill_questions(count, member, other_member, topics)
    client.force_login(member)
    client.get(LIST)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(f"{LIST}?state=open")

    assert len(soup(response).select(".question-teaser")) == min(count, 20)


def test_list_needs_as_many_queries_for_sixty_questions_as_for_five(
    client, home_page, member, other_member
):
    topics = [TopicFactory() for _number in range(3)]
    client.force_login(member)
    queries = []
    for count in (5, 55):
        fill_questions(count, member, other_member, topics)
        client.get(LIST)
        with CaptureQueriesContext(connection) as captured:
            client.get(LIST)
        queries.append(len(captured))

    assert queries[0] == queries[1]


# --- Asking -------------------------------------------------------------------------------


def test_member_asks_a_question_about_materials(client, library, member, housing):
    material = MaterialPageFactory(parent=library, title="Wohnungssuche gemeinsam meistern")
    client.force_login(member)

    response = client.post(
        NEW,
        {
            "title": "  Wie begleiten Sie Wohnungsbesichtigungen?  ",
            "text": "Unsere Patinnen fragen oft, was sie dort tun dürfen.\nHaben Sie Tipps?",
            "topics": [housing.pk],
            "materials": [material.pk],
        },
        follow=True,
    )

    question = Question.objects.get()
    assert question.title == "Wie begleiten Sie Wohnungsbesichtigungen?"
    assert question.author == member
    assert list(question.topics.all()) == [housing]
    assert list(question.materials.all()) == [material]
    assert response.redirect_chain[-1][0] == question.get_absolute_url()
    page = soup(response)
    assert text_of(page.select_one("h1")) == question.title
    assert page.select_one(".question__materials a")["href"] == material.url
    assert "Haben Sie Tipps?" in text_of(page.select_one(".question__text"))
    assert page.select_one(".question__text br")  # line breaks are kept
    assert page.select_one(".messages")


def test_link_from_a_material_chooses_it_and_its_topics(client, library, member, housing):
    material = MaterialPageFactory(parent=library, topics=[housing])
    hidden = MaterialPageFactory(parent=library)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    page = page_of(client, member, f"{NEW}?material={material.pk}")
    assert page.select_one(f"#id_materials option[value='{material.pk}']").has_attr("selected")
    assert page.select_one(f"input[name=topics][value='{housing.pk}']").has_attr("checked")
    # Only materials everybody may see can be chosen.
    assert not page.select_one(f"#id_materials option[value='{hidden.pk}']")

    page = page_of(client, member, f"{NEW}?material={hidden.pk}")
    assert not page.select("#id_materials option[selected]")


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"title": "   "}, "title", "Dieses Feld muss ausgefüllt werden."),
        ({"text": " \n\t "}, "text", "Dieses Feld muss ausgefüllt werden."),
        ({"title": "W" * 201}, "title", "höchstens 200 Zeichen"),
        ({"text": "W" * 5001}, "text", "höchstens 5000 Zeichen"),
        ({"topics": []}, "topics", gettext("Please choose at least one topic.")),
    ],
)
def test_a_refused_question_explains_why_and_keeps_what_was_typed(
    client, home_page, member, housing, data, field, error
):
    typed = {
        "title": "Wie halten Sie Kontakt in den Sommerferien?",
        "text": "Viele Tandems schlafen im Sommer ein.",
        "topics": [housing.pk],
        **data,
    }
    client.force_login(member)

    response = client.post(NEW, typed)

    assert response.status_code == 200
    assert not Question.objects.exists()
    page = soup(response)
    assert error in text_of(page.select_one('main [role="alert"]'))
    assert error in field_errors(page, field)
    kept = {key: value for key, value in typed.items() if key != field}
    if "title" in kept:
        assert page.select_one("#id_title")["value"] == kept["title"]
    if "text" in kept:
        assert text_of(page.select_one("#id_text")) == kept["text"]
    if "topics" in kept:
        assert page.select_one(f"input[name=topics][value='{housing.pk}']").has_attr("checked")


def test_a_member_who_posted_a_lot_waits_and_keeps_the_question(
    client, home_page, member, housing, settings
):
    settings.COMMUNITY_POSTS_PER_HOUR = 2
    QuestionFactory(author=member, title="Erste Frage")
    QuestionFactory(author=member, title="Zweite Frage")
    client.force_login(member)

    response = client.post(
        NEW, {"title": "Dritte Frage", "text": "Noch eine.", "topics": [housing.pk]}
    )

    assert Question.objects.count() == 2
    page = soup(response)
    assert str(POST_LIMIT_REACHED) in text_of(page.select_one('main [role="alert"]'))
    assert page.select_one("#id_title")["value"] == "Dritte Frage"


# --- A question's page and accepting an answer --------------------------------------------


def test_question_page_shows_the_question_and_its_answers_accepted_one_first(
    client, library, member, other_member, moderator, housing
):
    material = MaterialPageFactory(parent=library, title="Leitfaden Wohnen")
    private = MaterialPageFactory(parent=library, title="Entwurf")
    private.unpublish()
    question = QuestionFactory(
        author=member, title="Wer kennt gute Mietverträge?", topics=[housing]
    )
    question.materials.set([material, private])
    AnswerFactory(question=question, user=moderator, comment="Erste Antwort")
    accepted = AnswerFactory(question=question, user=other_member, comment="Die hilfreiche Antwort")
    question.accepted_answer = accepted
    question.save()

    page = page_of(client, other_member, question.get_absolute_url())

    assert page.select_one(".question__state .tag--solved")
    assert "Mira Mitglied" in text_of(page.select_one(".question__meta"))
    assert [text_of(link) for link in page.select(".question__materials a")] == ["Leitfaden Wohnen"]
    answers = text_of(page.select_one(".discussion"))
    assert answers.index("Die hilfreiche Antwort") < answers.index("Erste Antwort")


def test_asker_accepts_an_answer_and_may_replace_it(client, home_page, member, other_member):
    heard = []

    def listener(sender, question, comment, **kwargs):
        heard.append((question.pk, comment.pk))

    answer_accepted.connect(listener)
    question = QuestionFactory(author=member, last_activity_at=days_ago(5))
    first, second = (
        AnswerFactory(question=question, user=other_member),
        AnswerFactory(question=question, user=other_member),
    )
    client.force_login(member)
    try:
        response = client.post(
            reverse("community:accept_answer", args=[question.pk, first.pk]), follow=True
        )
        client.post(reverse("community:accept_answer", args=[question.pk, first.pk]))
        client.post(reverse("community:accept_answer", args=[question.pk, second.pk]))
    finally:
        answer_accepted.disconnect(listener)

    assert response.redirect_chain[-1][0] == question.get_absolute_url()
    assert soup(response).select_one(".messages")
    question.refresh_from_db()
    assert question.accepted_answer == second
    assert question.last_activity_at > days_ago(1)
    assert heard == [(question.pk, first.pk), (question.pk, second.pk)]


def test_moderator_accepts_an_answer_to_any_question(client, home_page, member, moderator):
    question = QuestionFactory(author=member)
    reply = AnswerFactory(question=question, user=member)
    client.force_login(moderator)

    client.post(reverse("community:accept_answer", args=[question.pk, reply.pk]))

    question.refresh_from_db()
    assert question.accepted_answer == reply


def test_other_members_do_not_accept_answers(client, home_page, member, other_member):
    question = QuestionFactory(author=member)
    reply = AnswerFactory(question=question, user=other_member)
    client.force_login(other_member)

    response = client.post(reverse("community:accept_answer", args=[question.pk, reply.pk]))

    assert response.status_code == 403
    assert question.get_absolute_url() in response.content.decode()
    question.refresh_from_db()
    assert not question.is_solved


def test_only_a_visible_answer_to_this_very_question_can_be_accepted(
    client, home_page, member, other_member
):
    question, other_question = (
        QuestionFactory(author=member),
        QuestionFactory(author=member, title="Eine andere Frage"),
    )
    reply = AnswerFactory(question=question, user=other_member)
    not_an_answer = [
        AnswerFactory(question=question, user=member, parent=reply),  # a comment on an answer
        AnswerFactory(question=other_question, user=other_member),
        AnswerFactory(question=question, user=other_member, is_public=False),
        AnswerFactory(question=question, user=other_member, is_removed=True),
    ]
    client.force_login(member)

    for comment in not_an_answer:
        url = reverse("community:accept_answer", args=[question.pk, comment.pk])
        assert client.post(url).status_code == 404

    question.refresh_from_db()
    assert not question.is_solved


# --- User text is never markup ------------------------------------------------------------

PAYLOADS = {
    "title": '<script>alert("title")</script><img src=x onerror=alert(1)>',
    "text": "<script>alert('text')</script> <b onmouseover=alert(2)>fett</b> "
    'javascript:alert(3) [Klick](javascript:alert(4)) <a href="javascript:alert(5)">x</a>',
}


def assert_no_live_markup(page):
    assert not [script for script in page.select("script") if not script.get("src")]
    assert not page.select("[onerror], [onmouseover]")
    assert not page.select('[href^="javascript" i]')
    assert not page.select("b")


def test_markup_in_a_question_is_shown_as_text_everywhere(
    client, library, member, moderator, housing
):
    member.member_profile.topics.set([housing])
    material = MaterialPageFactory(parent=library)
    client.force_login(member)
    client.post(NEW, {**PAYLOADS, "topics": [housing.pk], "materials": [material.pk]})
    question = Question.objects.get()
    assert question.title == PAYLOADS["title"]

    pages = [LIST, question.get_absolute_url(), material.url, reverse("community:dashboard")]
    for url in pages:
        page = page_of(client, member, url)
        assert_no_live_markup(page)
        assert '<script>alert("title")</script>' in page.get_text()
    detail = page_of(client, member, question.get_absolute_url())
    assert "[Klick](javascript:alert(4))" in text_of(detail.select_one(".question__text"))

    client.force_login(moderator)
    for name in ("index", "inspect", "visibility"):
        args = [] if name == "index" else [question.pk]
        admin = client.get(reverse(f"community_question_modeladmin_{name}", args=args))
        assert admin.status_code == 200
        assert '<script>alert("title")' not in admin.content.decode()
        assert "&lt;script&gt;alert(&quot;title&quot;)" in admin.content.decode()


# --- On a material's page and on »Mein Bereich« -------------------------------------------


@pytest.fixture
def material_with_questions(library, member, other_member):
    material = MaterialPageFactory(parent=library, title="Vorlage Patenschaftsvereinbarung")
    solved = QuestionFactory(
        author=member, title="Passt die Vorlage für Familien?", last_activity_at=days_ago(2)
    )
    solved.accepted_answer = AnswerFactory(question=solved, user=other_member)
    solved.save()
    open_one = QuestionFactory(author=other_member, title="Gibt es die Vorlage auf Arabisch?")
    hidden = QuestionFactory(author=member, title="Ausgeblendete Frage", is_public=False)
    for question in (solved, open_one, hidden):
        question.materials.add(material)
    return material


def test_members_see_the_questions_about_a_material_and_can_ask_one(
    client, material_with_questions, member
):
    page = page_of(client, member, material_with_questions.url)

    box = page.select_one(".material-questions")
    assert [text_of(link) for link in box.select(".link-list a")] == [
        "Gibt es die Vorlage auf Arabisch?",
        "Passt die Vorlage für Familien?",
    ]
    assert gettext("solved") in text_of(box.select(".link-list li")[1])
    assert box.select_one(".button")["href"] == f"{NEW}?material={material_with_questions.pk}"


@pytest.mark.parametrize("role", ["visitor", "pending"])
def test_visitors_and_pending_accounts_get_a_hint_instead_of_the_questions(
    client, request, material_with_questions, role
):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))

    page = soup(client.get(material_with_questions.url))

    box = page.select_one(".material-questions")
    assert box.select_one(".material-questions__hint")
    assert not box.select(".link-list")
    assert "Arabisch" not in page.decode()
    login_links = [link["href"] for link in box.select("a")]
    assert login_links == (
        [f"{reverse('account_login')}?next={material_with_questions.url}"]
        if role == "visitor"
        else []
    )


def test_dashboard_shows_open_questions_in_the_members_topics(
    client, home_page, member, other_member, housing, law
):
    member.member_profile.topics.set([housing])
    QuestionFactory(author=other_member, title="Offen zum Wohnen", topics=[housing])
    solved = QuestionFactory(author=other_member, title="Gelöst zum Wohnen", topics=[housing])
    solved.accepted_answer = AnswerFactory(question=solved, user=member)
    solved.save()
    QuestionFactory(author=other_member, title="Offen zum Recht", topics=[law])
    QuestionFactory(author=other_member, title="Ausgeblendet", topics=[housing], is_public=False)

    page = page_of(client, member, reverse("community:dashboard"))

    section = page.select_one("[aria-labelledby=questions-title]")
    assert [text_of(link) for link in section.select(".link-list a")] == ["Offen zum Wohnen"]
    assert {link["href"] for link in section.select(".dashboard__more a")} == {LIST, NEW}


def test_pending_accounts_see_no_questions_on_their_dashboard(client, home_page, pending):
    QuestionFactory(author=pending, title="Frage eines wartenden Kontos")

    page = page_of(client, pending, reverse("community:dashboard"))

    assert not page.select("[aria-labelledby=questions-title]")


def test_dashboard_with_questions_stays_within_its_query_budget(
    client, home_page, member, other_member, django_assert_max_num_queries
):
    topics = [TopicFactory() for _number in range(3)]
    member.member_profile.topics.set(topics)
    fill_questions(12, other_member, member, topics)
    client.force_login(member)
    client.get(reverse("community:dashboard"))

    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        response = client.get(reverse("community:dashboard"))

    assert len(soup(response).select("[aria-labelledby=questions-title] .link-list li")) == 5


# --- The admin ------------------------------------------------------------------------------


def test_moderators_list_questions_by_activity_and_filter_them(
    client, home_page, member, moderator
):
    QuestionFactory(author=member, title="Offene Frage", last_activity_at=days_ago(2))
    solved = QuestionFactory(author=member, title="Gelöste Frage", last_activity_at=days_ago(1))
    solved.accepted_answer = AnswerFactory(question=solved, user=moderator)
    solved.save()
    QuestionFactory(
        author=member, title="Ausgeblendete Frage", is_public=False, last_activity_at=days_ago(3)
    )
    client.force_login(moderator)
    index = reverse("community_question_modeladmin_index")

    def titles(query=""):
        page = soup(client.get(f"{index}{query}"))
        return [text_of(cell) for cell in page.select("td.title .title-wrapper")]

    assert titles() == ["Gelöste Frage", "Offene Frage", "Ausgeblendete Frage"]
    assert titles("?state=open") == ["Offene Frage"]
    assert titles("?state=solved") == ["Gelöste Frage"]
    assert titles("?state=hidden") == ["Ausgeblendete Frage"]


def test_moderator_hides_a_question_and_shows_it_again(client, home_page, member, moderator):
    question = QuestionFactory(author=member)
    url = reverse("community_question_modeladmin_visibility", args=[question.pk])
    client.force_login(moderator)

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    question.refresh_from_db()
    assert question.is_public  # asking is not doing

    client.post(url, {"visible": "0"})
    question.refresh_from_db()
    assert not question.is_public
    client.force_login(member)
    assert client.get(question.get_absolute_url()).status_code == 404

    client.force_login(moderator)
    client.post(url, {"visible": "1"})
    question.refresh_from_db()
    assert question.is_public


@pytest.mark.parametrize("role", ["member", "editor"])
def test_only_moderators_change_the_visibility_of_questions(client, request, member, role):
    question = QuestionFactory(author=member)
    client.force_login(request.getfixturevalue(role))

    client.post(
        reverse("community_question_modeladmin_visibility", args=[question.pk]), {"visible": "0"}
    )

    question.refresh_from_db()
    assert question.is_public
