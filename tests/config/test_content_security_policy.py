"""The Content-Security-Policy: strict on the public site, relaxed only for the admin, and
templates that need nothing inline."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.helpers import csp_directives

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
TEMPLATE_FILES = sorted(TEMPLATES_DIR.rglob("*.html"))


@pytest.fixture
def public_urls(home_page):
    content = ContentPageFactory(parent=home_page, title="Programm", slug="programm")
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index)
    return ["/", content.url, news_index.url, news.url, "/gibt-es-nicht/", "/robots.txt"]


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        policy = csp_directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], url
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in policy[directive], (url, directive)
            assert "'unsafe-eval'" not in policy[directive], (url, directive)
        assert policy["object-src"] == ["'none'"], url


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts(client, home_page):
    policy = csp_directives(client.get("/")["Content-Security-Policy"])

    for directive in ("script-src", "style-src", "font-src", "connect-src", "img-src"):
        assert all(source in ("'self'", "data:") for source in policy[directive]), directive


@pytest.mark.django_db
def test_admin_gets_the_relaxed_policy_for_its_inline_scripts(client, home_page):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = csp_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_page_whose_slug_starts_like_admin_keeps_the_strict_policy(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Administration", slug="administration")

    policy = csp_directives(client.get(page.url)["Content-Security-Policy"])

    assert "'unsafe-inline'" not in policy["script-src"]


def test_templates_are_found():
    assert len(TEMPLATE_FILES) > 10


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=lambda path: path.name)
def test_template_has_no_inline_script(template):
    source = template.read_text()

    for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", source, re.S | re.I):
        attributes, body = match.groups()
        assert "src=" in attributes, match.group(0)
        assert body.strip() == "", match.group(0)


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=lambda path: path.name)
def test_template_has_no_inline_style_or_event_handler(template):
    source = template.read_text()

    assert not re.search(r"\sstyle\s*=", source, re.I)
    assert not re.search(r"<style\b", source, re.I)
    assert not re.search(r"\son[a-z]+\s*=", source, re.I)
    assert "javascript:" not in source.lower()
