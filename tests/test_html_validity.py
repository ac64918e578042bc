"""Every page type of the public site is valid HTML according to the Nu Html Checker (vnu.jar,
the checker behind validator.w3.org/nu), run on pages rendered from the demo content.

Needs Java and `node_modules/vnu-jar` (`make browser-deps` installs both). Without them the
test fails instead of skipping, so CI cannot pass without checking the markup.
"""

import io
import shutil
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from community.demo.data import MEMBER_EMAIL, MODERATOR_EMAIL, PENDING
from community.models import GroupMeeting, GroupThread, MaterialCollection, MemberProfile, Question
from config.outages import maintenance_response
from events import waiting_list
from events.models import AgendaSession, CongressPage
from home.models import NewsIndexPage
from home.views import server_error

# The exchange's pages: a material with comments in the demo, and a colleague of the demo member.
EXCHANGE_MATERIAL = "/wissensdatenbank/vorlage-patenschaftsvereinbarung/"
EXCHANGE_COLLEAGUE_EMAIL = "yusuf.kaya@example.org"

VNU_JAR = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# name: (address, expected status)
PAGES = {
    "start-page": ("/", 200),
    "content-page-with-accordion": ("/programm/", 200),
    "nested-content-page-with-quote": ("/programm/patinnen-mentorinnen-und-lotsinnen/", 200),
    "content-page-with-milestones": ("/wissenstransfer/", 200),
    "contact-page-with-contact-block": ("/kontakt/", 200),
    "legal-page": ("/impressum/", 200),
    "news-list": ("/meldungen/", 200),
    "news-list-second-page": ("/meldungen/?page=2", 200),
    "news-item": ("/meldungen/bbe-agendakonferenz/", 200),
    "not-found-page": ("/gibt-es-nicht/", 404),
    "login-page": ("/konto/login/?next=/kontakt/", 200),
    "library": ("/wissensdatenbank/", 200),
    "library-filtered": ("/wissensdatenbank/?topic=wohnen&year=2017&q=Wohnung&sort=title", 200),
    "library-no-match": ("/wissensdatenbank/?q=Gibtesnicht", 200),
    "material-page": ("/wissensdatenbank/leitfaden-patenschaften-fuer-gefluechtete-aufbauen/", 200),
    "members-only-material-page": (
        "/wissensdatenbank/vorlage-fuer-den-verwendungsnachweis/",
        200,
    ),
    "event-list": ("/veranstaltungen/", 200),
    "congress-with-agenda": ("/veranstaltungen/fachkongress-2017/", 200),
    "congress-agenda-filtered": ("/veranstaltungen/fachkongress-2017/?format=workshop", 200),
    "congress-with-documentation": ("/veranstaltungen/fachkongress-2016/", 200),
    "network-page": ("/netzwerk/", 200),
    "signup-form": ("/konto/signup/", 200),
    "organisation-list": ("/netzwerk/traeger/", 200),
    "organisation-list-filtered": ("/netzwerk/traeger/?state=SN", 200),
}


pytestmark = pytest.mark.same_on_every_database


@pytest.fixture
def vnu():
    """The command that runs the checker; fails the test when Java or the jar is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: install the Debian package default-jre-headless.")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `npm install` (or `make browser-deps`).")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "text"]


@pytest.fixture
def rendered_pages(db, client, monkeypatch, tmp_path):
    """The HTML of every page type, written to files named after the page."""
    call_command("load_demo_content", stdout=io.StringIO())
    # Two news items per page, so the demo's three news items show the pagination.
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    files = []
    for name, (address, status) in PAGES.items():
        response = client.get(address)
        assert response.status_code == status, f"{address} answered {response.status_code}"
        files.append(write(tmp_path / f"{name}.html", response.content))
    files += event_registration_pages(client, tmp_path)
    files += member_area_pages(client, tmp_path)
    files += exchange_pages(client, tmp_path)
    files += search_pages(client, tmp_path)
    files += group_pages(client, tmp_path)
    # The 500 page has no database behind it; render it the way Django's handler does.
    error = server_error(RequestFactory().get("/"))
    files.append(write(tmp_path / "server-error-page.html", error.content))
    # So has the maintenance page shown while the database is down (config/outages.py).
    files.append(write(tmp_path / "maintenance-page.html", maintenance_response().content))
    return files


def event_registration_pages(client, tmp_path):
    """The registration form, empty and with errors, and a registration's own page."""
    congress = next(page for page in CongressPage.objects.live() if page.registration_is_open())
    registration = waiting_list.register(
        congress, {"name": "Jörg Müßig", "organisation": "", "email": "joerg@example.org"}
    )
    pages = {
        "registration-form": client.get(congress.url + "anmelden/"),
        "registration-form-with-errors": client.post(congress.url + "anmelden/", {"name": ""}),
        "registration-status": client.get(registration.url),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
    return [write(tmp_path / f"{name}.html", response.content) for name, response in pages.items()]


def member_area_pages(client, tmp_path):
    """The member area's pages that need a sign-up attempt or a login: as a visitor, as the
    demo's approved member (Leipzig) and as its account waiting for approval."""
    member = MemberProfile.objects.select_related("user").get(user__email=MEMBER_EMAIL)
    colleague = (
        MemberProfile.objects.approved()
        .filter(organisation=member.organisation)
        .exclude(pk=member.pk)
        .first()
    )
    organisation = f"/netzwerk/traeger/{member.organisation.slug}/"
    pages = {
        "signup-form-with-errors": (client.post("/konto/signup/", {}), 200),
        "organisation-page": (client.get(organisation), 200),
    }
    client.force_login(member.user)
    pages |= {
        "dashboard": (client.get("/netzwerk/mein-bereich/"), 200),
        "profile-form": (client.get("/netzwerk/profil/"), 200),
        "profile-form-with-errors": (
            client.post("/netzwerk/profil/", {"display_name": "", "contact_email": "keine"}),
            200,
        ),
        "directory": (client.get("/netzwerk/mitglieder/"), 200),
        "directory-filtered": (client.get("/netzwerk/mitglieder/?state=SN&language=de"), 200),
        "directory-no-match": (client.get("/netzwerk/mitglieder/?q=Gibtesnicht"), 200),
        "member-profile": (client.get(f"/netzwerk/mitglieder/{colleague.pk}/"), 200),
        "own-profile": (client.get(f"/netzwerk/mitglieder/{member.pk}/"), 200),
        "organisation-page-for-members": (client.get(organisation), 200),
        "my-data": (client.get("/netzwerk/meine-daten/"), 200),
        "delete-account-form": (client.get("/netzwerk/konto-loeschen/"), 200),
    }
    client.force_login(MemberProfile.objects.get(user__email=PENDING["email"]).user)
    pages |= {
        "dashboard-waiting-for-approval": (client.get("/netzwerk/mein-bereich/"), 200),
        "members-only-page": (client.get("/netzwerk/mitglieder/"), 403),
    }
    client.logout()
    for name, (response, status) in pages.items():
        assert response.status_code == status, f"{name} answered {response.status_code}"
    # The pages show what their names say.
    assert pages["directory-filtered"][0].content.count(b'class="member-card"') > 1
    for name in ["signup-form-with-errors", "profile-form-with-errors"]:
        assert b"message--error" in pages[name][0].content, name
    return [
        write(tmp_path / f"{name}.html", response.content)
        for name, (response, _status) in pages.items()
    ]


def group_pages(client, tmp_path):
    """The working groups of the demo: for a visitor, for the demo's member (in a public
    group, invited to the secret one, asking to join the closed one, with an error) and for
    the network's moderator (a request waiting, the form to found a group with errors)."""
    groups = "/netzwerk/arbeitsgruppen/"
    public, closed = f"{groups}ag-wohnraum/", f"{groups}ag-wirkung-und-berichtswesen/"
    thread = GroupThread.objects.filter(group__slug="ag-wohnraum").first()
    meeting = GroupMeeting.objects.filter(group__slug="ag-wirkung-und-berichtswesen").first()
    pages = {
        "group-list-for-visitors": (client.get(groups), 200),
        "public-group-for-visitors": (client.get(public), 200),
    }
    client.force_login(get_user_model().objects.get(email=MEMBER_EMAIL))
    pages |= {
        "group-list": (client.get(groups), 200),
        "own-group": (client.get(public), 200),
        "leave-group": (client.get(f"{public}austreten/"), 200),
        "closed-group": (client.get(closed), 200),
        "closed-group-request-with-errors": (
            client.post(f"{closed}beitreten/", {"request-message": "x" * 1001}),
            400,
        ),
        "invited-to-secret-group": (
            client.get(f"{groups}steuerungsrunde-der-programmtraeger/"),
            200,
        ),
        "group-discussion": (client.get(f"{public}diskussionen/{thread.pk}/"), 200),
        "group-with-material-link-errors": (
            client.post(f"{public}materialien/neu/", {"material-address": "gibt-es-nicht"}),
            400,
        ),
        "group-with-discussion-errors": (
            client.post(f"{public}diskussionen/neu/", {"thread-title": ""}),
            400,
        ),
    }
    client.force_login(get_user_model().objects.get(email=MODERATOR_EMAIL))
    pages |= {
        "group-with-requests": (client.get(closed), 200),
        "found-group-form-with-errors": (client.post(f"{groups}neu/", {"name": ""}), 200),
        "group-with-meeting-errors": (
            client.post(f"{closed}treffen/neu/", {"meeting-title": "Treffen"}),
            400,
        ),
        "delete-discussion": (
            client.get(f"{public}diskussionen/{thread.pk}/loeschen/"),
            200,
        ),
        "discussion-for-its-moderator": (client.get(f"{public}diskussionen/{thread.pk}/"), 200),
        "cancel-meeting": (
            client.get(f"{closed}treffen/{meeting.pk}/absagen/"),
            200,
        ),
    }
    client.logout()
    for name, (response, status) in pages.items():
        assert response.status_code == status, f"{name} answered {response.status_code}"
    assert b"group-request" in pages["group-with-requests"][0].content
    return [
        write(tmp_path / f"{name}.html", response.content)
        for name, (response, _status) in pages.items()
    ]


def exchange_pages(client, tmp_path):
    """The members' exchange: a material's discussion and a congress session's, for a visitor
    and for the demo's member; questions, collections and notifications. A colleague answers
    the member's question first, so the member has a notification and an answer to accept."""
    member = MemberProfile.objects.select_related("user").get(user__email=MEMBER_EMAIL)
    colleague = MemberProfile.objects.get(user__email=EXCHANGE_COLLEAGUE_EMAIL)
    question = Question.objects.solved().get(author=member.user)
    collection = MaterialCollection.objects.get(owner=member.user, is_shared=True)
    session = AgendaSession.objects.filter(congress__slug="fachkongress-2017").first()
    discussion = f"/netzwerk/sitzungen/{session.pk}/"
    pages = {
        "material-discussion-for-visitors": (client.get(EXCHANGE_MATERIAL), 200),
        "session-discussion-for-visitors": (client.get(discussion), 200),
    }
    client.force_login(colleague.user)
    answer = {"target": f"community.question:{question.pk}", "comment": "Noch ein Tipp: <b>"}
    pages |= {
        "answer-posted": (client.post("/netzwerk/kommentare/neu/", answer), 302),
        "shared-collection-of-another-member": (client.get(collection.get_absolute_url()), 200),
    }
    client.force_login(member.user)
    pages |= {
        "material-discussion": (client.get(EXCHANGE_MATERIAL), 200),
        "session-discussion": (client.get(discussion), 200),
        "question-list": (client.get("/netzwerk/fragen/"), 200),
        "question-list-filtered": (client.get("/netzwerk/fragen/?state=solved&mine=1"), 200),
        "question-with-answers": (client.get(question.get_absolute_url()), 200),
        "ask-form": (client.get("/netzwerk/fragen/neu/"), 200),
        "ask-form-with-errors": (client.post("/netzwerk/fragen/neu/", {"title": " "}), 200),
        "collections": (client.get("/netzwerk/sammlungen/"), 200),
        "own-collection": (client.get(collection.get_absolute_url()), 200),
        "collection-form": (client.get(f"{collection.get_absolute_url()}bearbeiten/"), 200),
        "notifications": (client.get("/netzwerk/benachrichtigungen/"), 200),
        "notification-settings": (client.get("/netzwerk/benachrichtigungen/einstellungen/"), 200),
    }
    client.logout()
    pages.pop("answer-posted")
    for name, (response, status) in pages.items():
        assert response.status_code == status, f"{name} answered {response.status_code}"
    # The pages show what their names say.
    assert b"discussion__closed" in pages["material-discussion-for-visitors"][0].content
    assert pages["material-discussion"][0].content.count(b'<article class="comment') == 3
    assert b"comment--accepted" in pages["question-with-answers"][0].content
    assert b"notification--unread" in pages["notifications"][0].content
    assert b"message--error" in pages["ask-form-with-errors"][0].content
    return [
        write(tmp_path / f"{name}.html", response.content)
        for name, (response, _status) in pages.items()
    ]


def search_pages(client, tmp_path):
    """The site search: without a query, with hits and an editors' pick, filtered by type, a
    second page, no hit, a query of stop words only; with hits for the demo's member, who
    also finds questions and profiles."""
    SearchPromotion.objects.create(
        query=Query.get("Patenschaft"),
        page=Page.objects.get(slug="wissensdatenbank"),
        sort_order=0,
        description="Alle Materialien zu Patenschaften an einem Ort.",
    )
    pages = {
        "search": client.get("/suche/"),
        "search-results": client.get("/suche/?q=Patenschaft"),
        "search-results-filtered": client.get("/suche/?q=Patenschaft&type=materials"),
        "search-results-second-page": client.get("/suche/?q=Patenschaft&page=2"),
        "search-no-results": client.get("/suche/?q=Gibtesnicht"),
        "search-too-general": client.get("/suche/?q=und+der"),
    }
    client.force_login(MemberProfile.objects.get(user__email=MEMBER_EMAIL).user)
    pages["search-results-for-members"] = client.get("/suche/?q=Patenschaft")
    client.logout()
    for name, response in pages.items():
        assert response.status_code == 200, f"{name} answered {response.status_code}"
    # The pages show what their names say.
    assert b"search-picks" in pages["search-results"].content
    assert b"<mark>" in pages["search-results"].content
    assert b'rel="next"' in pages["search-results"].content
    assert b'class="search-result"' in pages["search-results-second-page"].content
    assert b'class="search-result"' not in pages["search-no-results"].content
    assert b"search-topics__list" in pages["search-no-results"].content
    assert b'class="search-result"' not in pages["search-too-general"].content
    return [write(tmp_path / f"{name}.html", response.content) for name, response in pages.items()]


def write(path, content):
    path.write_bytes(content)
    return path


def test_every_page_type_is_valid_html(vnu, rendered_pages):
    # One run for all pages: starting the JVM takes longer than checking them.
    result = subprocess.run(
        [*vnu, *map(str, rendered_pages)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, (
        f"The Nu Html Checker found errors (exit code {result.returncode}):\n"
        f"{result.stdout}{result.stderr}"
    )
