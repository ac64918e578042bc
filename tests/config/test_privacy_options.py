"""Privacy is by login and group only, never by a shared password."""

import pytest
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_page_privacy_form_offers_no_shared_password(home_page):
    form = PageViewRestrictionForm(private_page_options=home_page.private_page_options)

    assert "password" not in form.fields
    choices = [value for value, _label in form.fields["restriction_type"].choices]
    assert PageViewRestriction.PASSWORD not in choices
    assert PageViewRestriction.GROUPS in choices
    assert PageViewRestriction.LOGIN in choices


def test_page_privacy_form_lists_the_mitglieder_group(home_page):
    form = PageViewRestrictionForm(private_page_options=home_page.private_page_options)

    assert form.fields["groups"].queryset.filter(name="Mitglieder").exists()


def test_page_privacy_form_rejects_a_password_restriction(home_page):
    form = PageViewRestrictionForm(
        data={"restriction_type": PageViewRestriction.PASSWORD, "password": "geheim"},
        private_page_options=home_page.private_page_options,
    )

    assert not form.is_valid()
    assert "restriction_type" in form.errors


def test_document_collection_privacy_form_offers_no_shared_password():
    form = CollectionViewRestrictionForm()

    assert "password" not in form.fields
    choices = [value for value, _label in form.fields["restriction_type"].choices]
    assert PageViewRestriction.PASSWORD not in choices
    assert PageViewRestriction.GROUPS in choices
