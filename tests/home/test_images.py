"""Every image of the site carries alt text and a credit."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.forms import get_image_form

from home.models import SiteImage
from tests.factories import SiteImageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["description", "credit"])
def test_image_without_alt_text_or_credit_is_invalid(field):
    image = SiteImageFactory.build(**{field: ""})

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert field in error.value.message_dict


def test_image_with_alt_text_and_credit_is_valid():
    image = SiteImageFactory()

    image.full_clean()


def test_image_upload_form_asks_for_alt_text_and_credit():
    form_class = get_image_form(SiteImage)

    assert form_class.base_fields["description"].required
    assert form_class.base_fields["credit"].required
