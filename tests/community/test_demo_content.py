"""The demo's member area: »Netzwerk« in the main menu, members of ten carriers across the
Bundesländer who can log in, a moderator and an account waiting for approval."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from community.models import GroupThread, MemberProfile, NetworkPage, WorkingGroup
from tests.helpers import soup

pytestmark = pytest.mark.django_db

MEMBER_EMAIL = "mitglied@example.org"
MODERATOR_EMAIL = "moderation@example.org"


@pytest.fixture
def demo(demo_content, db):
    """The demo content, loaded once for the module (tests/conftest.py)."""
    return demo_content


def test_demo_has_the_network_page_and_members_of_ten_carriers(client, demo):
    home = Site.objects.get(is_default_site=True).root_page
    menu = [page.slug for page in home.get_children().live().in_menu()]
    assert menu.index("netzwerk") == menu.index("meldungen") + 1
    assert isinstance(NetworkPage.objects.get(slug="netzwerk"), NetworkPage)
    assert client.get("/netzwerk/").status_code == 200

    approved = MemberProfile.objects.approved()
    assert approved.count() == 25
    assert approved.values("organisation").distinct().count() == 10
    assert approved.values("state").distinct().count() >= 4
    assert approved.filter(contact_visibility="members").exists()
    assert approved.filter(contact_visibility="nobody").exists()
    assert not approved.filter(topics__isnull=True).exists()
    (pending,) = MemberProfile.objects.pending()
    assert pending.proposed_organisation and pending.organisation is None

    users = get_user_model().objects.filter(member_profile__isnull=False)
    assert all(user.email.endswith("@example.org") for user in users)
    assert not any(user.has_usable_password() for user in users)
    verified = EmailAddress.objects.filter(verified=True, primary=True)
    assert set(verified.values_list("email", flat=True)) >= {user.email for user in users}
    moderator = get_user_model().objects.get(email=MODERATOR_EMAIL)
    assert set(moderator.groups.values_list("name", flat=True)) == {"Moderation", "Mitglieder"}
    assert get_user_model().objects.get(email=MEMBER_EMAIL).groups.filter(name="Mitglieder")


def test_second_run_creates_nothing_and_the_demo_logins_get_a_password_once(
    client, demo, capsys, settings
):
    profiles = set(MemberProfile.objects.values_list("pk", "updated_at"))

    call_command("load_demo_content")

    output = capsys.readouterr().out
    assert "Demo content: 0 created" in output
    assert "skipped (exists): page /netzwerk/" in output
    assert set(MemberProfile.objects.values_list("pk", "updated_at")) == profiles

    settings.DEBUG = True
    call_command("create_dev_admin")
    first = capsys.readouterr().out
    call_command("create_dev_admin")
    second = capsys.readouterr().out

    passwords = dict(
        re.findall(r"E-mail:\s+(\S+)\n\s+Password:\s+(\S+)", first)  # printed once each
    )
    assert set(passwords) == {MEMBER_EMAIL, MODERATOR_EMAIL}
    assert "Password:" not in second
    assert client.login(email=MEMBER_EMAIL, password=passwords[MEMBER_EMAIL])
    dashboard = soup(client.get(reverse("community:dashboard")))
    assert "account-status--approved" in dashboard.select_one(".account-status")["class"]
    assert dashboard.select("[aria-labelledby=materials-title] .link-list a")


def test_demo_has_four_working_groups_the_demo_member_meets(client, demo):
    groups = {group.name: group for group in WorkingGroup.objects.all()}
    assert {group.visibility for group in groups.values()} == {"public", "closed", "secret"}
    assert len(groups) == 4
    assert all(group.topics.exists() for group in groups.values())
    member = get_user_model().objects.get(email=MEMBER_EMAIL)
    client.force_login(member)

    listed = client.get(reverse("community:groups")).content.decode()
    assert "AG Wohnraum" in listed
    assert "Steuerungsrunde der Programmträger" in listed  # invited to it
    assert "Sie sind eingeladen" in listed
    wohnraum = client.get(groups["AG Wohnraum"].get_absolute_url()).content.decode()
    assert "Yusuf Kaya" in wohnraum
    assert "Sie sind Mitglied dieser Arbeitsgruppe." in wohnraum
    assert "Mietverträge für Wohngemeinschaften: Erfahrungen?" in wohnraum
    thread = GroupThread.objects.get(title__startswith="Mietverträge für Wohngemeinschaften")
    discussion = client.get(thread.get_absolute_url()).content.decode()
    assert "die Mietbürgschaft" in discussion
