"""axe-core finds no serious or critical accessibility violation on any page type of the public
site, on a desktop screen and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.viewports import DESKTOP, PHONE

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}

PAGES = {
    "start-page": "/",
    "content-page": "/programm/",
    "content-page-with-milestones": "/wissenstransfer/",
    "nested-content-page": "/programm/patinnen-mentorinnen-und-lotsinnen/",
    "contact-page": "/kontakt/",
    "news-list": "/meldungen/",
    "news-item": "/meldungen/bbe-agendakonferenz/",
    "not-found-page": "/gibt-es-nicht/",
    "login-page": "/konto/login/?next=/kontakt/",
}
VIEWPORTS = {"1280": DESKTOP, "390": PHONE}
# The events of the demo content (one test, on top of the knowledge database).
EVENT_PAGES = {
    "event-list": "/veranstaltungen/",
    "congress-with-agenda": "/veranstaltungen/fachkongress-2017/",
    "congress-agenda-filtered": "/veranstaltungen/fachkongress-2017/?format=workshop",
    "congress-with-documentation": "/veranstaltungen/fachkongress-2016/",
}
# The knowledge database of the demo content (one test: building it takes a while).
LIBRARY_PAGES = {
    "library": "/wissensdatenbank/",
    "library-filtered": "/wissensdatenbank/?topic=recht-und-aufenthalt&type=leitfaden&q=Aufenthalt",
    "library-no-match": "/wissensdatenbank/?q=Gibtesnicht",
    "material": "/wissensdatenbank/leitfaden-patenschaften-fuer-gefluechtete-aufbauen/",
    "members-only-material": "/wissensdatenbank/vorlage-fuer-den-verwendungsnachweis/",
}

# The member area of the demo content (one test): for visitors, for an approved member
# (with a filter of the directory that finds members) and for an account waiting for approval.
MEMBER_AREA_VISITOR_PAGES = {
    "network-page": "/netzwerk/",
    "login": "/konto/login/",
    "signup": "/konto/signup/",
}
MEMBER_AREA_PAGES = {
    "dashboard": "/netzwerk/mein-bereich/",
    "profile-form": "/netzwerk/profil/",
    "directory": "/netzwerk/mitglieder/",
    "directory-filtered": "/netzwerk/mitglieder/?state=SN&language=de",
    "organisations": "/netzwerk/traeger/",
    "my-data": "/netzwerk/meine-daten/",
}
COLLEAGUE_EMAIL = "yusuf.kaya@example.org"  # a demo member in Leipzig, like MEMBER_EMAIL


def blocking_violations(axe, page):
    results = axe.run(page)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def report(violations_by_screen):
    lines = ["serious or critical accessibility violations:"]
    for screen, violations in violations_by_screen.items():
        for violation in violations:
            lines.append(
                f"- {screen}: {violation['id']} ({violation['impact']}): {violation['help']} "
                f"<{violation['helpUrl']}>"
            )
            for node in violation["nodes"]:
                target = " ".join(str(part) for part in node["target"])
                summary = node["failureSummary"].replace("\n", "\n        ")
                lines.append(f"    {target}\n        {summary}")
    return "\n".join(lines)


def assert_no_blocking_violations(violations_by_screen):
    failing = {screen: found for screen, found in violations_by_screen.items() if found}
    assert not failing, report(failing)


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violations(demo_site, new_page, axe, path):
    found = {}
    for width, viewport in VIEWPORTS.items():
        page = new_page(viewport)
        page.goto(demo_site + path)
        found[f"{path} at {width} px"] = blocking_violations(axe, page)

    assert_no_blocking_violations(found)


def test_library_pages_have_no_serious_accessibility_violations(library_site, new_page, axe):
    found = {}
    for width, viewport in VIEWPORTS.items():
        page = new_page(viewport)
        for path in LIBRARY_PAGES.values():
            page.goto(library_site + path)
            found[f"{path} at {width} px"] = blocking_violations(axe, page)
        if viewport is PHONE:  # the folded filters, opened
            page.goto(library_site + LIBRARY_PAGES["library"])
            page.locator(".library__facets > summary").click()
            found[f"filters opened at {width} px"] = blocking_violations(axe, page)

    assert_no_blocking_violations(found)


def test_event_pages_have_no_serious_accessibility_violations(events_site, new_page, axe):
    from events.models import CongressPage

    upcoming = next(page for page in CongressPage.objects.live() if page.registration_is_open())
    found = {}
    for width, viewport in VIEWPORTS.items():
        page = new_page(viewport)
        for path in [*EVENT_PAGES.values(), upcoming.url]:
            page.goto(events_site + path)
            found[f"{path} at {width} px"] = blocking_violations(axe, page)
        page.goto(events_site + upcoming.url + "anmelden/")
        found[f"registration form at {width} px"] = blocking_violations(axe, page)
        page.get_by_role("button", name="Anmelden", exact=True).click()
        found[f"registration form with errors at {width} px"] = blocking_violations(axe, page)

    assert_no_blocking_violations(found)


def test_opened_phone_menu_has_no_serious_accessibility_violations(demo_site, new_page, axe):
    page = new_page(PHONE)
    page.goto(demo_site + "/")
    page.locator("button[aria-controls=main-nav-list]").click()

    assert_no_blocking_violations({"/ at 390 px, menu open": blocking_violations(axe, page)})


def test_axe_reports_a_missing_alt_text_as_critical(new_page, axe):
    """The check itself works: axe runs in our pages and the impact filter catches real faults."""
    page = new_page()
    page.set_content('<!doctype html><html lang="de"><title>Test</title><img src="data:,">')

    violations = blocking_violations(axe, page)

    assert [v["id"] for v in violations] == ["image-alt"]


def test_member_area_pages_have_no_serious_accessibility_violations(
    community_site, new_page, axe, log_in
):
    from community.demo.data import MEMBER_EMAIL, PENDING
    from community.models import MemberProfile

    colleague = MemberProfile.objects.select_related("organisation").get(
        user__email=COLLEAGUE_EMAIL
    )
    member_pages = [
        *MEMBER_AREA_PAGES.values(),
        f"/netzwerk/mitglieder/{colleague.pk}/",
        f"/netzwerk/traeger/{colleague.organisation.slug}/",
    ]
    found = {}
    for width, viewport in VIEWPORTS.items():
        visitor = new_page(viewport)
        for path in MEMBER_AREA_VISITOR_PAGES.values():
            visitor.goto(community_site + path)
            found[f"{path} at {width} px"] = blocking_violations(axe, visitor)
        visitor.get_by_role("button", name="Registrieren").click()
        expect(visitor.get_by_role("alert")).to_be_visible()
        found[f"sign-up form with errors at {width} px"] = blocking_violations(axe, visitor)

        member = new_page(viewport)
        log_in(member, MEMBER_EMAIL)
        for path in member_pages:
            assert member.goto(community_site + path).ok, path
            found[f"{path} as a member at {width} px"] = blocking_violations(axe, member)
        member.goto(community_site + MEMBER_AREA_PAGES["profile-form"])
        member.locator("input[name=contact_email]").fill("keine-adresse")
        member.get_by_role("button", name="Profil speichern").click()
        expect(member.get_by_role("alert")).to_be_visible()
        found[f"profile form with errors at {width} px"] = blocking_violations(axe, member)

        pending = new_page(viewport)
        log_in(pending, PENDING["email"])
        for path in [MEMBER_AREA_PAGES["dashboard"], MEMBER_AREA_PAGES["directory"]]:
            pending.goto(community_site + path)
            found[f"{path} waiting for approval at {width} px"] = blocking_violations(axe, pending)

    assert_no_blocking_violations(found)


# The members' exchange of the demo content (one test): comments, questions, collections and
# notifications, as the demo's approved member; what a visitor sees of a discussion.
EXCHANGE_MATERIAL = "/wissensdatenbank/vorlage-patenschaftsvereinbarung/"  # with comments
EXCHANGE_PAGES = {
    "question-list": "/netzwerk/fragen/",
    "question-list-filtered": "/netzwerk/fragen/?state=solved",
    "ask-form": "/netzwerk/fragen/neu/",
    "collections": "/netzwerk/sammlungen/",
    "notifications": "/netzwerk/benachrichtigungen/",
    "notification-settings": "/netzwerk/benachrichtigungen/einstellungen/",
}


def exchange_demo_paths():
    """The addresses of the demo's solved question, shared collection and a congress
    session's discussion; gives the demo member an unread notification about a reply."""
    from django_comments_xtd.models import XtdComment

    from community.demo.collections import STARTER_KIT
    from community.demo.data import MEMBER_EMAIL
    from community.models import MaterialCollection, NotificationKind, Question
    from community.notifications.notify import notify
    from events.models import AgendaSession

    solved = Question.objects.solved().first()
    collection = MaterialCollection.objects.get(name=STARTER_KIT["name"])
    session = AgendaSession.objects.filter(congress__slug="fachkongress-2017").first()
    reply = XtdComment.objects.filter(level=1).first()
    notify(
        [collection.owner_id],
        NotificationKind.REPLY,
        reply,
        "Antwort auf Ihren Kommentar",
        EXCHANGE_MATERIAL + f"#comment-{reply.pk}",
    )
    assert collection.owner.email == MEMBER_EMAIL and collection.is_shared
    return {
        "question": solved.get_absolute_url(),
        "collection": collection.get_absolute_url(),
        "session-discussion": f"/netzwerk/sitzungen/{session.pk}/",
    }


def test_exchange_pages_have_no_serious_accessibility_violations(
    community_site, new_page, axe, log_in
):
    from community.demo.data import MEMBER_EMAIL

    demo = exchange_demo_paths()
    member_pages = [EXCHANGE_MATERIAL, *EXCHANGE_PAGES.values(), *demo.values()]
    found = {}
    for width, viewport in VIEWPORTS.items():
        visitor = new_page(viewport)
        for path in [EXCHANGE_MATERIAL, demo["session-discussion"]]:
            visitor.goto(community_site + path)
            expect(visitor.locator(".discussion__closed")).to_be_visible()
            found[f"{path} as a visitor at {width} px"] = blocking_violations(axe, visitor)

        member = new_page(viewport)
        log_in(member, MEMBER_EMAIL)
        for path in member_pages:
            assert member.goto(community_site + path).ok, path
            found[f"{path} as a member at {width} px"] = blocking_violations(axe, member)
        member.goto(community_site + EXCHANGE_PAGES["ask-form"])
        member.get_by_role("button", name="Frage veröffentlichen").click()
        expect(member.get_by_role("alert")).to_be_visible()
        found[f"ask form with errors at {width} px"] = blocking_violations(axe, member)
        member.goto(community_site + EXCHANGE_MATERIAL)
        expect(member.locator("#discussion .comment")).to_have_count(3)
        member.locator("#discussion details.comment__reply > summary").first.click()
        found[f"reply form opened at {width} px"] = blocking_violations(axe, member)

    assert_no_blocking_violations(found)


# The site search (one test, on top of the knowledge database): without a query, with hits and
# an editors' pick, filtered by type, a second page, no hit; the suggestions of the header's
# box and of the results page's own box opened with the keyboard.
SEARCH_PAGES = {
    "search": "/suche/",
    "search-results": "/suche/?q=Patenschaft",
    "search-results-filtered": "/suche/?q=Patenschaft&type=materials",
    "search-results-second-page": "/suche/?q=Patenschaft&page=2",
    "search-no-results": "/suche/?q=Gibtesnicht",
}


def promote(query, title):
    """An editors' pick: the page `title` on top of the results for `query`."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import Page

    SearchPromotion.objects.create(
        query=Query.get(query),
        page=Page.objects.get(title=title),
        sort_order=0,
        description="Alle Materialien zu Patenschaften an einem Ort.",
    )


def test_search_pages_have_no_serious_accessibility_violations(library_site, new_page, axe):
    promote("Patenschaft", "Wissensdatenbank")
    found = {}
    for width, viewport in VIEWPORTS.items():
        page = new_page(viewport)
        for path in SEARCH_PAGES.values():
            page.goto(library_site + path)
            found[f"{path} at {width} px"] = blocking_violations(axe, page)
        page.goto(library_site + SEARCH_PAGES["search-results"])
        expect(page.locator(".search-picks")).to_be_visible()
        expect(page.locator(".search-result mark").first).to_be_visible()
        for landmark in ("banner", "main"):
            box = page.get_by_role(landmark).get_by_role("combobox")
            box.fill("")
            box.press_sequentially("Wissens")
            expect(page.get_by_role("option").first).to_be_visible()
            box.press("ArrowDown")
            expect(box).to_have_attribute("aria-activedescendant", re.compile(".+"))
            found[f"suggestions in the {landmark} open at {width} px"] = blocking_violations(
                axe, page
            )
            box.press("Escape")

    assert_no_blocking_violations(found)
