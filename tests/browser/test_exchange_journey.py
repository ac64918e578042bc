"""The members' exchange of the demo content, with two members in two browsers: Anna (the
demo's member) comments on a material and hears of Yusuf's reply through »Benachrichtigungen«;
she asks a question, accepts the answer that helps and sees the question solved; she saves a
material into a new collection, shares it with the network, Yusuf finds it among the shared
ones, and Anna downloads its files as a ZIP archive."""

import re
import zipfile

import pytest
from playwright.sync_api import expect

from community.demo.data import MEMBER_EMAIL
from home.models import german_slug

pytestmark = pytest.mark.browser

COLLEAGUE_EMAIL = "yusuf.kaya@example.org"  # Yusuf Kaya, approved, Leipzig like Anna
THIRD_EMAIL = "julia.schmitz@example.org"  # Julia Schmitz, approved, Essen

GUIDE = "Leitfaden: Patenschaften für Geflüchtete aufbauen"  # no comments in the demo
LANGUAGE_CAFES = "Sprachcafés organisieren"  # public, with a PDF

COMMENT = (
    "Wir nutzen den Leitfaden in jeder Einarbeitung. Besonders hilfreich ist das Kapitel zu "
    "den Reflexionstreffen."
)
REPLY = "Bei uns auch – wir ergänzen ihn um eine Liste der Ansprechpersonen vor Ort."

QUESTION = "Wie gewinnen Sie Patinnen und Paten für den ländlichen Raum?"
QUESTION_TEXT = (
    "In den Dörfern rund um Leipzig finden wir kaum Engagierte. Welche Wege haben bei Ihnen "
    "funktioniert?"
)
FIRST_ANSWER = "Wir haben gute Erfahrungen mit Aushängen beim Bäcker gemacht."
BEST_ANSWER = (
    "Fragen Sie die Kirchengemeinden und Sportvereine vor Ort: Dort sind die Menschen schon "
    "engagiert und kennen die Familien."
)

COLLECTION = "Einarbeitung neuer Koordinierender"


def material_url(base_url, title):
    return f"{base_url}/wissensdatenbank/{german_slug(title)}/"


def member_page(new_page, log_in, email):
    page = new_page()
    log_in(page, email)
    return page


def status_message(page):
    return page.get_by_role("status")


def comment_thread(page, text):
    """The list item of a top-level comment (or answer) with its replies."""
    return page.locator("#discussion .comment-list__item").filter(
        has=page.locator("article.comment", has_text=text)
    )


def comment_and_hear_of_the_reply(base_url, anna, yusuf):
    # Anna comments on a material.
    anna.goto(material_url(base_url, GUIDE))
    discussion = anna.get_by_role("region", name=re.compile(r"^Diskussion"))
    expect(discussion.get_by_role("heading", level=2)).to_have_text("Diskussion (0)")
    discussion.get_by_label("Ihr Kommentar", exact=True).fill(COMMENT)
    discussion.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(anna).to_have_url(re.compile(r"#comment-\d+$"))
    expect(status_message(anna)).to_have_text("Ihr Kommentar ist veröffentlicht.")
    expect(discussion.get_by_role("heading", level=2)).to_have_text("Diskussion (1)")
    expect(discussion.locator("article.comment")).to_contain_text(["Anna Lehmann"])
    expect(discussion.locator(".comment__text")).to_have_text([COMMENT])

    # Yusuf, on the same page, replies to it.
    yusuf.goto(material_url(base_url, GUIDE))
    thread = comment_thread(yusuf, COMMENT)
    thread.locator("summary").filter(has_text="Antworten").click()
    thread.get_by_label("Ihre Antwort", exact=True).fill(REPLY)
    thread.get_by_role("button", name="Antwort senden").click()
    expect(status_message(yusuf)).to_have_text("Ihr Kommentar ist veröffentlicht.")
    replies = comment_thread(yusuf, COMMENT).locator(".comment-list--replies")
    expect(replies.locator(".comment__text")).to_have_text([REPLY])
    expect(replies.locator(".comment__author")).to_have_text(["Yusuf Kaya"])

    # Anna sees the unread notification in the header and follows it to the reply.
    anna.goto(base_url + "/netzwerk/mein-bereich/")
    header_link = anna.get_by_role("navigation", name="Benutzerkonto").get_by_role(
        "link", name=re.compile(r"^Benachrichtigungen \(\d+ ungelesen ?\)$")
    )
    expect(header_link).to_be_visible()
    header_link.click()
    expect(anna).to_have_url(base_url + "/netzwerk/benachrichtigungen/")
    notification = anna.locator(".notification--unread").filter(
        has_text=f"Antwort auf Ihren Kommentar zu „{GUIDE}“"
    )
    expect(notification).to_have_count(1)
    expect(notification.locator(".notification__new")).to_have_text("Neu")
    notification.get_by_role("link").click()
    expect(anna).to_have_url(re.compile(rf"/wissensdatenbank/{german_slug(GUIDE)}/#comment-\d+$"))
    reply_id = anna.url.rsplit("#", 1)[1]
    expect(anna.locator(f"#{reply_id} .comment__text")).to_have_text(REPLY)


def ask_and_accept_an_answer(base_url, anna, yusuf, julia):
    # Anna asks the network.
    anna.goto(base_url + "/netzwerk/fragen/neu/")
    form = anna.get_by_role("main").locator("form.question-form")
    form.get_by_label("Ihre Frage").fill(QUESTION)
    form.get_by_label("Details").fill(QUESTION_TEXT)
    form.get_by_label("Gewinnung und Qualifizierung von Ehrenamtlichen", exact=True).check()
    form.get_by_role("button", name="Frage veröffentlichen").click()
    expect(anna).to_have_url(re.compile(r"/netzwerk/fragen/\d+/$"))
    expect(status_message(anna)).to_have_text("Danke! Ihre Frage ist jetzt für das Netzwerk offen.")
    expect(anna.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(anna.locator(".question__state")).to_have_text("offen")
    question_url = anna.url

    # Julia and then Yusuf answer on the question's page.
    for member, answer in [(julia, FIRST_ANSWER), (yusuf, BEST_ANSWER)]:
        member.goto(question_url)
        answers = member.get_by_role("region", name=re.compile(r"^Antworten"))
        answers.get_by_label("Ihre Antwort", exact=True).last.fill(answer)
        answers.get_by_role("button", name="Antwort veröffentlichen").click()
        expect(status_message(member)).to_have_text("Ihre Antwort ist veröffentlicht.")
    answers = yusuf.locator("#discussion > .comment-list > .comment-list__item > article.comment")
    expect(answers.locator(".comment__text")).to_have_text([FIRST_ANSWER, BEST_ANSWER])

    # Anna accepts Yusuf's answer: the question is solved, the accepted answer comes first.
    anna.goto(question_url)
    best = anna.locator("article.comment").filter(has_text=BEST_ANSWER)
    # Only the asker (or a moderator) accepts.
    expect(yusuf.get_by_role("button", name="Als Antwort akzeptieren")).to_have_count(0)
    best.get_by_role("button", name="Als Antwort akzeptieren").click()
    expect(status_message(anna)).to_have_text(
        "Die Antwort ist akzeptiert: Die Frage ist als gelöst markiert."
    )
    expect(anna.locator(".question__state")).to_have_text("gelöst")
    answers = anna.locator("#discussion > .comment-list > .comment-list__item > article.comment")
    expect(answers.locator(".comment__text")).to_have_text([BEST_ANSWER, FIRST_ANSWER])
    expect(answers.first).to_have_class(re.compile(r"comment--accepted"))
    expect(answers.first.locator(".comment__badge")).to_have_text("Akzeptierte Antwort")
    expect(answers.first.locator(".comment__author")).to_have_text("Yusuf Kaya")

    # Yusuf hears of it.
    yusuf.goto(base_url + "/netzwerk/benachrichtigungen/")
    expect(yusuf.locator(".notification--unread")).to_contain_text(
        [f"Ihre Antwort auf „{QUESTION}“ wurde akzeptiert"]
    )

    # The list of solved questions shows it.
    anna.goto(base_url + "/netzwerk/fragen/?state=solved")
    expect(anna.locator(".question-list")).to_contain_text(QUESTION)


def collect_share_and_download(base_url, anna, yusuf):
    # Anna creates a new collection from »Sammlungen«.
    anna.goto(base_url + "/netzwerk/mein-bereich/")
    anna.get_by_role("navigation", name="Schnellzugriff").get_by_role(
        "link", name=re.compile(r"^Sammlungen")
    ).click()
    expect(anna).to_have_url(base_url + "/netzwerk/sammlungen/")
    anna.get_by_role("main").get_by_role("link", name="Neue Sammlung").click()
    anna.get_by_label("Name", exact=True).fill(COLLECTION)
    anna.get_by_role("button", name="Sammlung anlegen").click()
    expect(status_message(anna)).to_have_text(f"Die Sammlung »{COLLECTION}« wurde angelegt.")

    # On a material's page she saves the material into it (»Merken«).
    anna.goto(material_url(base_url, LANGUAGE_CAFES))
    save = anna.locator("form.save-material__form")
    save.get_by_label("Merken in").select_option(label=COLLECTION)
    save.get_by_role("button", name=re.compile(r"^Merken")).click()
    expect(status_message(anna)).to_have_text(f"»{LANGUAGE_CAFES}« wurde in {COLLECTION} gemerkt.")
    expect(anna.locator(".save-material__saved")).to_contain_text(COLLECTION)

    # She opens it from »Sammlungen« and shares it with all members.
    anna.goto(base_url + "/netzwerk/sammlungen/")
    own = anna.get_by_role("region", name="Meine Sammlungen")
    own.get_by_role("link", name=COLLECTION).click()
    expect(anna.get_by_role("heading", level=1)).to_have_text(COLLECTION)
    expect(anna.locator(".collection-item__title")).to_have_text([LANGUAGE_CAFES])
    expect(anna.locator(".collection__header .page-header__meta")).to_have_text(
        "Ihre private Sammlung: nur Sie sehen sie"
    )
    anna.get_by_role("link", name="Sammlung bearbeiten").click()
    anna.get_by_label("Mit allen Mitgliedern des Netzwerks teilen").check()
    anna.get_by_role("button", name="Sammlung speichern").click()
    expect(status_message(anna)).to_have_text(f"Die Sammlung »{COLLECTION}« wurde gespeichert.")
    expect(anna.locator(".collection__header .page-header__meta")).to_have_text(
        "Ihre Sammlung, mit allen Mitgliedern geteilt"
    )

    # Yusuf finds it among the collections others share.
    yusuf.goto(base_url + "/netzwerk/sammlungen/")
    shared = yusuf.get_by_role("region", name="Von anderen geteilt")
    card = shared.locator(".collection-card").filter(has_text=COLLECTION)
    expect(card).to_contain_text("von Anna Lehmann")
    card.get_by_role("link", name=COLLECTION).click()
    expect(yusuf.get_by_role("heading", level=1)).to_have_text(COLLECTION)
    expect(yusuf.locator(".collection__header .page-header__meta")).to_have_text(
        "Geteilt von Anna Lehmann"
    )
    expect(yusuf.get_by_role("link", name="Sammlung bearbeiten")).to_have_count(0)

    # Anna downloads all its files as one ZIP archive.
    with anna.expect_download() as download_info:
        anna.get_by_role("link", name="Alle Dateien herunterladen (ZIP)").click()
    download = download_info.value
    assert download.suggested_filename == f"{german_slug(COLLECTION)}.zip"
    with zipfile.ZipFile(download.path()) as archive:
        names = archive.namelist()
        readme = archive.read("README.txt").decode("utf-8")
        assert archive.testzip() is None
    assert names[0] == "README.txt"
    assert LANGUAGE_CAFES in readme and COLLECTION in readme
    assert any(name.endswith(".pdf") for name in names), names


def test_members_discuss_ask_and_answer_and_share_a_collection(community_site, new_page, log_in):
    anna = member_page(new_page, log_in, MEMBER_EMAIL)
    yusuf = member_page(new_page, log_in, COLLEAGUE_EMAIL)

    # 1. A comment, a reply and the notification of it
    comment_and_hear_of_the_reply(community_site, anna, yusuf)

    # 2. A question, two answers, one accepted
    julia = member_page(new_page, log_in, THIRD_EMAIL)
    ask_and_accept_an_answer(community_site, anna, yusuf, julia)

    # 3. A new collection, shared and downloaded
    collect_share_and_download(community_site, anna, yusuf)

    assert anna.problems == [] and yusuf.problems == [] and julia.problems == []
