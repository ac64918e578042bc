"""While the database or Redis is down: a German 503 page instead of errors, visitors still
served without Redis, members kept signed in, and recovery without a restart. The services
really are unreachable (tests/config/conftest.py), nothing is mocked."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from tests.config.conftest import DEAD_REDIS_URL
from tests.config.test_production_settings import PRODUCTION_ENV, manage, random_secret_key
from tests.factories import ContentPageFactory, MemberProfileFactory
from tests.helpers import soup, text_of

PASSWORD = "ein-langes-testpasswort"
LOGIN = "/konto/login/"
DASHBOARD = "/netzwerk/mein-bereich/"


@pytest.fixture
def pages(home_page):
    public = ContentPageFactory(parent=home_page, title="Programm", slug="programm")
    internal = ContentPageFactory(parent=home_page, title="Intern", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return {"public": public.url, "internal": internal.url}


@pytest.fixture
def member(home_page):
    return MemberProfileFactory(user__email="mira.member@example.org").user


def browsers(count=2):
    """Test clients that return the response the browser gets. By default Django's test
    client raises an error that a middleware's failure reported (got_request_exception),
    even where the outage middleware answered with the maintenance page."""
    return [Client(raise_request_exception=False) for _ in range(count)]


def assert_maintenance_page(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    html = soup(response)
    assert html.html["lang"] == "de"
    assert text_of(html.h1) == "Die Website ist vorübergehend nicht erreichbar"


# --- Database -------------------------------------------------------------------------------


@pytest.mark.parametrize("cache", ["cold", "warm"])
def test_every_kind_of_page_answers_503_in_german_while_the_database_is_down(
    database_outage, pages, member, cache
):
    """With a cold cache the site lookup in the middleware fails first; with the cache
    warm from earlier requests the views, the sessions, the error pages (a missing image's
    404) and Wagtail's redirect lookup do. Visitors' views of public pages that the site
    cache holds whole (page, menus, parts: home/site_cache.py) are still served: they need
    no database. (So may a page that needs nothing but the cache, such as the empty login
    form; sending the form needs the database.)"""
    visitor, signed_in = browsers()
    signed_in.force_login(member)
    from_the_cache = [(visitor, "/"), (visitor, pages["public"])]
    needing_the_database = [
        (signed_in, pages["internal"]),
        (signed_in, DASHBOARD),
        (visitor, "/admin/login/"),
        (visitor, "/suche/?q=Patenschaft"),
        (visitor, "/media/images/gibt-es-nicht.jpg"),
    ]
    if cache == "warm":
        for client, path in from_the_cache + needing_the_database:
            assert client.get(path).status_code in (200, 404), path
    else:
        needing_the_database += from_the_cache
    database_outage.start()

    for client, path in needing_the_database:
        assert_maintenance_page(client.get(path))
    if cache == "warm":
        for client, path in from_the_cache:
            response = client.get(path)
            assert response.status_code == 200, path
            assert soup(response).h1 is not None
    response = visitor.post(LOGIN, {"login": member.email, "password": PASSWORD})
    assert_maintenance_page(response)


def test_site_recovers_by_itself_when_the_database_returns(database_outage, pages, member):
    visitor, signed_in = browsers()
    signed_in.force_login(member)
    database_outage.start()
    assert visitor.get(pages["public"]).status_code == 503
    assert signed_in.get(pages["internal"]).status_code == 503

    database_outage.end()

    assert visitor.get(pages["public"]).status_code == 200
    assert signed_in.get(pages["internal"]).status_code == 200
    assert visitor.get("/healthz").json()["database"] == "ok"


# --- Redis ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def production_cache():
    """The cache and session settings of config.settings.production, with Redis at a port
    where nothing listens."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE, "
        "'DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS': s.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS}))"
    )
    env = {**PRODUCTION_ENV, "REDIS_URL": DEAD_REDIS_URL, "SECRET_KEY": random_secret_key()}
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def redis_down(production_cache):
    with override_settings(**production_cache):
        yield


def test_production_keeps_sessions_in_the_database_and_ignores_cache_errors(production_cache):
    cache = production_cache["CACHES"]["default"]
    assert cache["BACKEND"] == "home.cache_backends.RedisCache"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert production_cache["DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS"] is True
    assert production_cache["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_visitors_are_served_while_redis_is_down(redis_down, pages, caplog):
    client = Client()

    for path in ["/", pages["public"], LOGIN, "/suche/?q=Programm"]:
        assert client.get(path).status_code == 200, path
    assert "Exception ignored" in caplog.text  # django-redis logs what it ignored


def test_signed_in_member_stays_signed_in_while_redis_is_down(production_cache, pages, member):
    client = Client()
    working_cache = {"default": {"BACKEND": "home.cache_backends.LocMemCache"}}
    with override_settings(**{**production_cache, "CACHES": working_cache}):
        response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})
        assert response.status_code == 302

    with override_settings(**production_cache):
        assert client.get(DASHBOARD).status_code == 200
        response = client.get(pages["internal"])

    assert response.status_code == 200
    assert text_of(soup(response).h1) == "Intern"


def test_login_while_redis_is_down_says_in_german_that_it_is_not_possible_now(redis_down, member):
    """allauth counts login attempts in the cache and refuses every one without it."""
    client = Client()

    response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert text_of(soup(response).h1) == "Im Moment nicht möglich"
    assert client.get(DASHBOARD).status_code == 302  # still signed out, sent to the login
