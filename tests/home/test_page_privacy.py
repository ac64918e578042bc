"""Pages restricted to the group Mitglieder, and the login they send visitors to."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.models import MemberStatus
from tests.factories import ContentPageFactory, MemberProfileFactory, UserFactory
from tests.helpers import soup, text_of

LOGIN = "/konto/login/"


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
    UserFactory(email="traeger@example.org", groups=["Mitglieder"])
    login_page = client.get(f"{LOGIN}?next=/intern/")
    assert text_of(soup(login_page).h1) == "Anmelden"
    assert text_of(soup(login_page).title) == "Anmelden – Menschen stärken Menschen"

    response = client.post(
        LOGIN,
        {"login": "traeger@example.org", "password": "ein-langes-testpasswort", "next": "/intern/"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/intern/"
    assert "Nur intern." in response.content.decode()


def test_wrong_password_gets_a_german_error_and_keeps_the_address(client, members_page):
    UserFactory(email="traeger@example.org", groups=["Mitglieder"])

    response = client.post(
        LOGIN, {"login": "traeger@example.org", "password": "falsch", "next": "/intern/"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in html
    assert 'value="traeger@example.org"' in html


@pytest.mark.parametrize("pending", [True, False], ids=["waiting-for-approval", "editor"])
def test_logged_in_user_without_access_is_told_so_and_not_sent_in_circles(
    client, members_page, pending
):
    user = UserFactory(groups=[] if pending else ["Redaktion"])
    if pending:
        MemberProfileFactory(user=user, status=MemberStatus.PENDING)
    client.force_login(user)

    response = client.get(members_page.url, follow=True)

    assert response.status_code == 403
    assert "Nur intern." not in response.content.decode()
    profile_link = soup(response).select_one(f'main a[href="{reverse("community:profile_edit")}"]')
    assert bool(profile_link) == pending
