import pytest

from tests.factories import EventIndexPageFactory


@pytest.fixture
def events_index(home_page):
    """»Veranstaltungen« below the start page."""
    return EventIndexPageFactory(parent=home_page)
