"""Sessions: a login gets a new session key, and a session that ended (logout, password
change, suspension, rejection) no longer reaches member content, even with the old cookie."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.members import moderation
from tests.community.conftest import PASSWORD
from tests.factories import ContentPageFactory

LOGIN = reverse("account_login")
COOKIE = settings.SESSION_COOKIE_NAME
NEW_PASSWORD = "ein-neues-langes-passwort"


@pytest.fixture
def members_page(home_page):
    page = ContentPageFactory(parent=home_page, title="Intern", slug="intern", intro="Nur intern.")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return page


def logged_in_client(user):
    client = Client()
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def with_cookie_of(client):
    """Another browser that holds a copy of the client's session cookie."""
    copy = Client()
    copy.cookies[COOKIE] = client.cookies[COOKIE].value
    return copy


def reaches(client, page):
    response = client.get(page.url)
    if response.status_code == 200:
        assert "Nur intern." in response.content.decode()
        return True
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={page.url}"
    return False


def test_session_key_changes_at_login(client, member, members_page):
    session = client.session
    session["seen"] = True
    session.save()
    client.cookies[COOKIE] = session.session_key
    before_login = with_cookie_of(client)

    client.post(LOGIN, {"login": member.email, "password": PASSWORD})

    assert client.cookies[COOKIE].value != session.session_key
    assert not Session.objects.filter(session_key=session.session_key).exists()
    assert reaches(client, members_page)
    assert not reaches(before_login, members_page)


def test_old_cookie_is_useless_after_logout(member, members_page):
    client = logged_in_client(member)
    old_cookie = with_cookie_of(client)
    assert reaches(old_cookie, members_page)

    client.post(reverse("account_logout"))

    assert not reaches(client, members_page)
    assert not reaches(old_cookie, members_page)


def test_password_change_ends_the_other_sessions(member, members_page):
    client = logged_in_client(member)
    old_cookie = with_cookie_of(client)
    other_device = logged_in_client(member)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert reaches(client, members_page)
    assert not reaches(old_cookie, members_page)
    assert not reaches(other_device, members_page)


@pytest.mark.parametrize(
    "action", [moderation.suspend, moderation.reject], ids=lambda a: a.__name__
)
def test_suspended_or_rejected_member_loses_access_at_the_next_request(
    member, members_page, action
):
    client = logged_in_client(member)
    assert reaches(client, members_page)

    action([member.member_profile])

    assert not reaches(client, members_page)
    assert not reaches(with_cookie_of(client), members_page)
    response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})
    assert response["Location"] == reverse("account_inactive")
    assert not reaches(client, members_page)
