"""The editorial groups created by migration home.0002_groups and what they may do."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_page(home_page):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))


def member_of(group_name):
    return UserFactory(groups=[group_name])


def test_the_four_groups_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))

    assert {"Redaktion", "Veranstaltungsmanagement", "Moderation", "Mitglieder"} <= names


def test_wagtails_english_sample_groups_are_removed():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_redaktion_can_edit_and_publish_the_home_page(home_page):
    permissions = home_page.permissions_for_user(member_of("Redaktion"))

    assert permissions.can_edit()
    assert permissions.can_publish()


def test_redaktion_can_publish_pages_anywhere_in_the_tree(home_page, news_page):
    editor = member_of("Redaktion")
    legal = ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")
    subpage = ContentPageFactory(parent=legal, title="Unterseite", slug="unterseite")

    for page in (news_page.get_parent(), news_page, legal, subpage):
        assert page.permissions_for_user(editor).can_publish(), page.title


def test_redaktion_can_add_pages_below_the_home_page(home_page):
    assert home_page.permissions_for_user(member_of("Redaktion")).can_add_subpage()


def test_redaktion_can_change_site_settings():
    assert member_of("Redaktion").has_perm("home.change_sitesettings")


def test_redaktion_can_open_the_admin(client, home_page):
    client.force_login(member_of("Redaktion"))

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("group_name", ["Veranstaltungsmanagement", "Moderation"])
def test_group_can_open_the_admin(client, home_page, group_name):
    client.force_login(member_of(group_name))

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("group_name", ["Veranstaltungsmanagement", "Moderation"])
def test_group_cannot_edit_or_publish_the_home_page(home_page, news_page, group_name):
    user = member_of(group_name)

    for page in (home_page, news_page):
        permissions = page.permissions_for_user(user)
        assert not permissions.can_edit(), page.title
        assert not permissions.can_publish(), page.title


@pytest.mark.parametrize("group_name", ["Veranstaltungsmanagement", "Moderation"])
def test_group_is_turned_away_from_the_home_page_editor(client, home_page, group_name):
    client.force_login(member_of(group_name))

    response = client.get(f"/admin/pages/{home_page.pk}/edit/")

    assert response.status_code in (302, 403)


@pytest.mark.parametrize("group_name", ["Veranstaltungsmanagement", "Moderation"])
def test_group_cannot_change_site_settings(group_name):
    assert not member_of(group_name).has_perm("home.change_sitesettings")


def test_mitglieder_cannot_open_the_admin(client, home_page):
    client.force_login(member_of("Mitglieder"))

    response = client.get("/admin/")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")


def test_mitglieder_have_no_permissions_of_their_own():
    assert not Group.objects.get(name="Mitglieder").permissions.exists()


def test_visitor_is_sent_to_the_login_for_the_admin(client, home_page):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    ("group_name", "sees_user_bar"),
    [("Redaktion", True), ("Veranstaltungsmanagement", True), ("Mitglieder", False)],
)
def test_only_people_who_work_in_the_admin_get_the_user_bar(
    client, home_page, group_name, sees_user_bar
):
    client.force_login(member_of(group_name))

    html = client.get(home_page.url).content.decode()

    assert ("<wagtail-userbar" in html) is sees_user_bar
