"""Pages restricted to the group Mitglieder, and the login they send visitors to."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory, UserFactory
from tests.helpers import soup, text_of

LOGIN = "/_util/login/"


@pytest.fixture
def members_page(home_page):
    page = ContentPageFactory(parent=home_page, title="Intern", slug="intern", intro="Nur intern.")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return page


@pytest.mark.parametrize(
    ("groups", "sees_page"),
    [(None, False), ([], False), (["Redaktion"], False), (["Mitglieder"], True)],
    ids=["visitor", "signed-up-not-approved", "editor", "member"],
)
def test_access_matrix_of_a_members_page(client, members_page, groups, sees_page):
    if groups is not None:
        client.force_login(UserFactory(groups=groups))

    response = client.get(members_page.url)

    if sees_page:
        assert response.status_code == 200
        assert "Nur intern." in response.content.decode()
    else:
        assert response.status_code == 302
        assert response["Location"] == f"{LOGIN}?next=/intern/"


def test_member_logs_in_through_the_german_form_and_sees_the_page(client, members_page):
    UserFactory(username="traeger", groups=["Mitglieder"])
    login_page = client.get(f"{LOGIN}?next=/intern/")
    assert text_of(soup(login_page).h1) == "Anmelden"
    assert text_of(soup(login_page).title) == "Anmelden – Menschen stärken Menschen"

    response = client.post(
        LOGIN,
        {"username": "traeger", "password": "ein-langes-testpasswort", "next": "/intern/"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/intern/"
    assert "Nur intern." in response.content.decode()


def test_wrong_password_gets_a_german_error_and_keeps_the_username(client, members_page):
    UserFactory(username="traeger", groups=["Mitglieder"])

    response = client.post(LOGIN, {"username": "traeger", "password": "falsch", "next": "/intern/"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Beide Felder berücksichtigen die Groß-/Kleinschreibung." in html
    assert 'value="traeger"' in html


def test_logged_in_user_without_access_is_told_so_in_german(client, members_page):
    client.force_login(UserFactory(groups=[]))

    response = client.get(f"{LOGIN}?next=/intern/")

    assert "Ihr Konto hat keinen Zugriff auf diese Seite." in response.content.decode()
