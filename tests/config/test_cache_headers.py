"""Cache-Control for the frontend cache (config.middleware.FrontendCacheMiddleware): only an
anonymous view of a public page may be kept by Varnish; everything else is private."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import (
    CongressPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    LibraryDocumentFactory,
    MemberProfileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

S_MAXAGE = 120


@pytest.fixture(autouse=True)
def s_maxage(settings):
    settings.FRONTEND_CACHE_S_MAXAGE = S_MAXAGE


@pytest.fixture
def news_page(home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    return NewsPageFactory(parent=news_index, title="Neue Tandems in Leipzig")


@pytest.fixture
def members_page(home_page):
    page = ContentPageFactory(parent=home_page, title="Intern", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return page


@pytest.fixture
def member():
    return MemberProfileFactory().user


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def is_shared_cacheable(response):
    return {"public", f"s-maxage={S_MAXAGE}", "max-age=0"} <= directives(response)


def is_private(response):
    found = directives(response)
    return (
        "private" in found
        and "public" not in found
        and not any(directive.startswith("s-maxage") for directive in found)
    )


@pytest.mark.parametrize("method", ["get", "head"])
def test_anonymous_visitor_gets_public_pages_marked_for_the_shared_cache(client, news_page, method):
    for url in ("/", news_page.get_parent().url, news_page.url):
        response = getattr(client, method)(url)

        assert response.status_code == 200
        assert is_shared_cacheable(response), (url, response["Cache-Control"])
        assert not response.cookies


def test_visitor_sending_any_cookie_gets_a_private_page(client, news_page):
    client.cookies["csrftoken"] = "a" * 32

    response = client.get(news_page.url)

    assert response.status_code == 200
    assert is_private(response)


def test_logged_in_member_gets_public_pages_as_private(client, news_page, member):
    client.force_login(member)

    response = client.get(news_page.url)

    assert response.status_code == 200
    assert is_private(response)


def test_members_page_is_private_for_visitors_and_members(client, members_page, member):
    below = ContentPageFactory(parent=members_page, title="Protokolle", slug="protokolle")

    for url in (members_page.url, below.url):
        assert client.get(url).status_code == 302
        assert is_private(client.get(url))
    client.force_login(member)
    for url in (members_page.url, below.url):
        response = client.get(url)
        assert response.status_code == 200
        assert is_private(response)


def test_member_area_landing_page_is_private_even_for_visitors(client, home_page):
    ContentPageFactory(parent=home_page, title="Netzwerk", slug="netzwerk")

    response = client.get("/netzwerk/")

    assert response.status_code == 200
    assert is_private(response)


def test_admin_is_private(client, home_page):
    assert is_private(client.get("/admin/login/"))
    client.force_login(UserFactory(groups=["Redaktion"]))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert is_private(response)


def test_document_download_is_not_shared(client, home_page):
    document = LibraryDocumentFactory()

    response = client.get(document.url)

    assert response.status_code == 200
    assert not is_shared_cacheable(response)
    assert "private" in directives(response)


def test_search_results_are_private(client, news_page):
    response = client.get("/suche/", {"q": "Tandems"})

    assert response.status_code == 200
    assert is_private(response)


def test_registration_form_of_a_congress_is_private_while_the_congress_page_is_shared(
    client, home_page
):
    congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page))
    assert is_shared_cacheable(client.get(congress.url))

    response = client.get(f"{congress.url}anmelden/")

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert is_private(response)


def test_missing_page_is_private(client, home_page):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert is_private(response)
