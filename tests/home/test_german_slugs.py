import pytest
from django.core.exceptions import ValidationError

from home.models import ContentPage
from tests.factories import ContentPageFactory


def test_umlauts_in_a_slug_become_ae_oe_ue_ss(home_page):
    page = ContentPage(
        title="Erklärung zur Barrierefreiheit", slug="erklärung-zur-barrierefreiheit"
    )
    home_page.add_child(instance=page)
    assert page.slug == "erklaerung-zur-barrierefreiheit"
    assert page.url == "/erklaerung-zur-barrierefreiheit/"


def test_transliterated_slug_that_is_taken_is_refused_with_a_message(home_page):
    ContentPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    with pytest.raises(ValidationError, match="ueber-uns"):
        home_page.add_child(instance=ContentPage(title="Über uns", slug="über-uns"))
    assert home_page.get_children().filter(slug="ueber-uns").count() == 1
