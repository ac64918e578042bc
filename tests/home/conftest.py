"""Pages several of the public site's tests build on."""

import pytest

from tests.factories import ContentPageFactory


@pytest.fixture
def programme(home_page):
    return ContentPageFactory(
        parent=home_page, title="Programm", slug="programm", show_in_menus=True
    )


@pytest.fixture
def mentors(programme):
    return ContentPageFactory(
        parent=programme, title="PatInnen und MentorInnen", slug="patinnen", show_in_menus=True
    )
