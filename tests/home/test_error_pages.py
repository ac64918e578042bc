"""The German error pages: 404 in the site's layout, a 500 that needs no database."""

import pytest
from django.test import Client, RequestFactory

from config import urls
from home.views import server_error
from tests.helpers import soup, text_of


@pytest.mark.django_db
def test_unknown_url_answers_404_in_the_sites_layout(client, home_page):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    html = soup(response)
    assert text_of(html.select_one("header .brand__name")) == "Menschen stärken Menschen"
    assert text_of(html.select_one("footer .funding__notice")) == (
        "Das Programm wird gefördert vom Bundesfamilienministerium."
    )
    assert html.select_one("nav.main-nav") is not None


@pytest.mark.django_db
def test_unknown_url_says_page_not_found_in_german(client, home_page):
    html = soup(client.get("/gibt-es-nicht/"))

    assert text_of(html.h1) == "Seite nicht gefunden"
    assert text_of(html.title).startswith("Seite nicht gefunden")


@pytest.mark.django_db
def test_unknown_url_below_a_page_answers_404(client, home_page):
    response = client.get("/meldungen/gibt-es-nicht/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_404_page_has_no_canonical_url(client, home_page):
    html = soup(client.get("/gibt-es-nicht/"))

    assert html.find("link", rel="canonical") is None


def test_error_handlers_are_the_sites_own():
    assert urls.handler404 == "home.views.page_not_found"
    assert urls.handler500 == "home.views.server_error"


def test_server_error_page_renders_without_the_database():
    """No `db` fixture: pytest-django makes every query in this test raise."""
    request = RequestFactory().get("/irgendwo/")

    response = server_error(request)

    assert response.status_code == 500
    html = soup(response)
    assert html.html["lang"] == "de"
    assert text_of(html.select_one(".brand__name")) == "Menschen stärken Menschen"


def test_server_error_page_is_german():
    html = soup(server_error(RequestFactory().get("/")))

    assert text_of(html.h1) == "Etwas ist schiefgelaufen"


@pytest.mark.django_db
def test_form_sent_without_csrf_token_gets_a_german_explanation(home_page):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/konto/login/", {"login": "a@example.org", "password": "x"})

    assert response.status_code == 403
    assert text_of(soup(response).h1) == "Das Formular ist abgelaufen"
    assert "laden Sie die Seite neu" in response.content.decode()
