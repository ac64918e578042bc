"""Approval of accounts in the admin: the moderators' list of accounts (filter, search,
newest first), approving, rejecting and suspending one account or many, what that means
for the account, the dashboard panel, the log of privacy requests, and who may do all this.

Texts asserted in German come from Wagtail's own catalogue; the platform's own texts of
this admin are asserted by their content (names, numbers), as their German lives in
locale/de."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.models import MemberProfile, MemberStatus, PrivacyRequest
from home.models import Organisation
from tests.factories import (
    ContentPageFactory,
    MemberProfileFactory,
    PrivacyRequestFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

LIST = reverse("community_members:index")
STATUS = reverse("community_members:status")
PRIVACY_LIST = reverse("community_privacy_requests:index")
ADMIN_HOME = reverse("wagtailadmin_home")


def profile_of(user):
    return MemberProfile.objects.select_related("user", "organisation").get(user=user)


def signed_up(name, email, days_ago, status=MemberStatus.PENDING, **kwargs):
    """A profile that signed up `days_ago` days ago."""
    first_name, last_name = name.split()
    profile = MemberProfileFactory(
        user__email=email,
        user__first_name=first_name,
        user__last_name=last_name,
        status=status,
        **kwargs,
    )
    created = timezone.now() - datetime.timedelta(days=days_ago)
    MemberProfile.objects.filter(pk=profile.pk).update(created_at=created)
    return profile


def listed_names(response):
    return [text_of(cell) for cell in soup(response).select("tbody td.title")]


def row_of(response, name):
    for row in soup(response).select("tbody tr"):
        if text_of(row.select_one("td.title")) == name:
            return row
    raise AssertionError(f"{name} is not listed")


def shown_messages(response):
    return [text_of(item) for item in soup(response).select(".messages li")]


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def members_page(home_page):
    page = ContentPageFactory(parent=home_page, title="Intern", slug="intern", intro="Nur intern.")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return page


def logged_in_client(user):
    browser = Client()
    browser.force_login(user)
    return browser


# --- The list ----------------------------------------------------------------------------


def test_moderator_finds_the_accounts_in_the_admin_menu(moderator_client):
    response = moderator_client.get(ADMIN_HOME)

    assert LIST in response.content.decode()


def test_waiting_accounts_are_listed_newest_first(moderator_client, member):
    signed_up("Anna Alt", "anna@example.org", days_ago=9)
    signed_up("Nora Neu", "nora@example.org", days_ago=1)
    signed_up("Mia Mitte", "mia@example.org", days_ago=4)

    response = moderator_client.get(LIST, {"status": "pending"})

    assert response.status_code == 200
    assert listed_names(response) == ["Nora Neu", "Mia Mitte", "Anna Alt"]


def test_all_accounts_are_listed_newest_first(moderator_client):
    signed_up("Anna Alt", "anna@example.org", days_ago=9, status=MemberStatus.APPROVED)
    signed_up("Nora Neu", "nora@example.org", days_ago=1)

    response = moderator_client.get(LIST)

    assert listed_names(response) == ["Nora Neu", "Anna Alt"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("pending", ["Paula Wartend"]),
        ("approved", ["Mira Mitglied"]),
        ("suspended", ["Sven Gesperrt"]),
        ("rejected", ["Rita Abgelehnt"]),
    ],
)
def test_list_is_filtered_by_status(moderator_client, member, pending, status, expected):
    signed_up("Sven Gesperrt", "sven@example.org", 3, status=MemberStatus.SUSPENDED)
    signed_up("Rita Abgelehnt", "rita@example.org", 3, status=MemberStatus.REJECTED)

    response = moderator_client.get(LIST, {"status": status})

    assert listed_names(response) == expected


def test_status_filter_offers_every_status_and_all(moderator_client, member):
    response = moderator_client.get(LIST)

    choices = soup(response).select("input[name=status]")
    assert [choice["value"] for choice in choices] == ["", *MemberStatus.values]
    assert text_of(choices[0].find_parent("label")) == "Alle"


@pytest.mark.parametrize(
    "query",
    ["Wartend", "paula.pending@", "Neuer Verein"],
    ids=["name", "e-mail", "proposed organisation"],
)
def test_search_finds_an_account(moderator_client, member, pending, query):
    response = moderator_client.get(LIST, {"q": query})

    assert listed_names(response) == ["Paula Wartend"]


def test_search_finds_the_members_of_an_organisation(moderator_client, member, pending):
    response = moderator_client.get(LIST, {"q": "Caritas"})

    assert listed_names(response) == ["Mira Mitglied"]


def test_row_shows_e_mail_organisation_state_status_and_sign_up_date(moderator_client, member):
    response = moderator_client.get(LIST)

    cells = [text_of(cell) for cell in row_of(response, "Mira Mitglied").select("td")]
    signed_up_on = timezone.localdate(profile_of(member).created_at).strftime("%d.%m.%Y")
    assert cells[1:7] == [
        "Mira Mitglied",
        "mira.member@example.org",
        "Caritas Berlin",
        "Berlin",
        str(MemberStatus.APPROVED.label),
        signed_up_on,
    ]
    headers = [text_of(th) for th in soup(response).select("thead th")]
    assert headers[1:3] == ["Name", "E-Mail"]
    assert headers[-1] == "Aktionen"


def test_proposed_organisation_is_marked_as_new(moderator_client, pending):
    response = moderator_client.get(LIST)

    cell = row_of(response, "Paula Wartend").select("td")[3]
    assert text_of(cell).startswith("Neuer Verein e. V.")
    assert cell.select_one(".member-list__new") is not None


def test_account_without_confirmed_e_mail_is_marked(moderator_client):
    signed_up("Ulla Unbestätigt", "ulla@example.org", 1, user__verified_email=False)

    response = moderator_client.get(LIST)

    assert row_of(response, "Ulla Unbestätigt").select_one(".member-list__note") is not None


def test_rows_offer_the_changes_that_apply_to_their_status(moderator_client, member, pending):
    response = moderator_client.get(LIST)

    def actions(name):
        """What the row's buttons do: posted at once, or shown for confirmation first."""
        cell = row_of(response, name).select_one(".member-actions")
        posted = [field["value"] for field in cell.select("form input[name=action]")]
        confirmed = [parse_qs(urlsplit(link["href"]).query)["action"][0] for link in cell("a")]
        return {"post": posted, "confirm first": confirmed}

    assert actions("Paula Wartend") == {"post": ["approve"], "confirm first": ["reject"]}
    assert actions("Mira Mitglied") == {"post": [], "confirm first": ["suspend"]}
    select_all = soup(response).select_one("thead input[type=checkbox]")
    assert select_all["aria-label"] == "Alles auswählen"


def test_account_list_query_count_stays_flat(moderator_client):
    for number in range(3):
        signed_up(
            f"Erste Person{number}", f"erste{number}@example.org", 1, proposed_organisation="X"
        )
    moderator_client.get(LIST)  # fills the site cache
    with CaptureQueriesContext(connection) as few:
        moderator_client.get(LIST)
    for number in range(12):
        signed_up(f"Zweite Person{number}", f"zweite{number}@example.org", 1)
    with CaptureQueriesContext(connection) as many:
        moderator_client.get(LIST)

    assert len(many) == len(few)


def test_moderator_inspects_a_profile(moderator_client, pending):
    profile = profile_of(pending)
    profile.bio = "Erste Zeile\nZweite Zeile"
    profile.save()

    response = moderator_client.get(reverse("community_members:inspect", args=[profile.pk]))

    values = [text_of(dd) for dd in soup(response).select("dl.member-profile dd")]
    assert "paula.pending@example.org" in values
    assert "Neuer Verein e. V." in values
    assert "Erste Zeile Zweite Zeile" in values
    assert soup(response).select_one(".member-profile__status .member-actions") is not None


def test_nobody_adds_edits_or_deletes_accounts_in_the_admin(moderator_client, pending):
    response = moderator_client.get(LIST)

    assert "/create/" not in response.content.decode()
    profile = profile_of(pending)
    for path in ["new/", "create/", f"edit/{profile.pk}/", f"delete/{profile.pk}/"]:
        assert moderator_client.get(LIST + path).status_code == 404


# --- Approving ---------------------------------------------------------------------------


def test_approving_an_account_makes_it_a_member_and_confirms_its_organisation(
    moderator_client, pending, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            STATUS,
            {"action": "approve", "ids": [profile_of(pending).pk], "next": LIST},
            follow=True,
        )

    profile = profile_of(pending)
    assert profile.status == MemberStatus.APPROVED
    assert pending.groups.filter(name="Mitglieder").exists()
    assert profile.organisation == Organisation.objects.get(name="Neuer Verein e. V.")
    assert profile.proposed_organisation == ""
    assert response.redirect_chain[-1][0] == LIST
    [message] = shown_messages(response)
    assert "1" in message


def test_approval_uses_an_existing_organisation_of_the_same_name(
    moderator_client, pending, django_capture_on_commit_callbacks
):
    existing = Organisation.objects.create(name="Neuer Verein E. V.")

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(STATUS, {"action": "approve", "ids": [profile_of(pending).pk]})

    assert profile_of(pending).organisation == existing
    assert Organisation.objects.filter(name__iexact="Neuer Verein e. V.").count() == 1


def test_approved_member_gets_one_e_mail_with_the_link_to_their_area(
    moderator_client, pending, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(STATUS, {"action": "approve", "ids": [profile_of(pending).pk]})

    [message] = mail.outbox
    assert message.to == ["paula.pending@example.org"]
    assert settings.WAGTAIL_SITE_NAME in message.subject
    assert "Paula Wartend" in message.body
    assert settings.BASE_URL.rstrip("/") + reverse("community:dashboard") in message.body


def test_approved_account_sees_member_content_in_its_open_session(
    moderator_client, pending, members_page, django_capture_on_commit_callbacks
):
    browser = logged_in_client(pending)
    assert browser.get(members_page.url).status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(STATUS, {"action": "approve", "ids": [profile_of(pending).pk]})

    response = browser.get(members_page.url)
    assert response.status_code == 200
    assert "Nur intern." in response.content.decode()


def test_after_an_action_the_list_keeps_its_filter_and_search(
    moderator_client, pending, django_capture_on_commit_callbacks
):
    filtered = f"{LIST}?q=Paula&status=pending"

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            STATUS, {"action": "approve", "ids": [profile_of(pending).pk], "next": filtered}
        )

    assert response.status_code == 302
    assert response["Location"] == filtered


def test_next_address_outside_the_list_is_ignored(moderator_client, pending):
    response = moderator_client.post(
        STATUS,
        {
            "action": "reject",
            "ids": [profile_of(pending).pk],
            "confirmed": "1",
            "next": "https://example.com/phish",
        },
    )

    assert response["Location"] == LIST


def test_bulk_approval_approves_every_selected_account(
    moderator_client, pending, django_capture_on_commit_callbacks
):
    others = [signed_up(f"Neue Person{n}", f"neu{n}@example.org", 2) for n in range(2)]
    left_waiting = signed_up("Bleibt Wartend", "bleibt@example.org", 2)
    ids = [profile_of(pending).pk] + [profile.pk for profile in others]

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            STATUS, {"action": "approve", "ids": ids, "next": LIST}, follow=True
        )

    approved = MemberProfile.objects.filter(pk__in=ids, status=MemberStatus.APPROVED)
    assert approved.count() == 3
    assert Group.objects.get(name="Mitglieder").user_set.filter(member_profile__in=ids).count() == 3
    assert profile_of(left_waiting.user).status == MemberStatus.PENDING
    assert len(mail.outbox) == 3
    [message] = shown_messages(response)
    assert "3" in message


def test_index_page_has_a_bulk_form_the_row_checkboxes_belong_to(moderator_client, pending):
    response = moderator_client.get(LIST)

    page = soup(response)
    form = page.select_one("form#member-bulk")
    assert form["method"] == "post"
    assert form["action"] == STATUS
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    options = [option["value"] for option in form.select("select[name=action] option")]
    assert options == ["", "approve", "reject", "suspend"]
    checkbox = row_of(response, "Paula Wartend").select_one("input[name=ids]")
    assert checkbox["form"] == "member-bulk"
    assert checkbox["value"] == str(profile_of(pending).pk)


# --- Rejecting and suspending --------------------------------------------------------------


def test_rejection_asks_for_confirmation_first(moderator_client, pending):
    response = moderator_client.post(
        STATUS, {"action": "reject", "ids": [profile_of(pending).pk], "next": LIST}
    )

    assert response.status_code == 200
    assert profile_of(pending).status == MemberStatus.PENDING
    page = soup(response)
    assert "Paula Wartend" in text_of(page.select_one("main"))
    assert page.select_one("form input[name=confirmed]") is not None
    assert "Abbrechen" in text_of(page.select_one("main form"))


def test_confirmed_bulk_rejection_takes_access_away(moderator_client, pending):
    other = signed_up("Olga Wartend", "olga@example.org", 1)
    ids = [profile_of(pending).pk, other.pk]

    response = moderator_client.post(
        STATUS, {"action": "reject", "ids": ids, "confirmed": "1", "next": LIST}, follow=True
    )

    for user in [pending, other.user]:
        user.refresh_from_db()
        assert profile_of(user).status == MemberStatus.REJECTED
        assert not user.is_active
    assert mail.outbox == []
    [message] = shown_messages(response)
    assert "2" in message


def test_bulk_suspension_touches_only_approved_members(moderator_client, member, pending):
    other = signed_up("Otto Aktiv", "otto.aktiv@example.org", 5, status=MemberStatus.APPROVED)
    ids = [profile_of(member).pk, other.pk, profile_of(pending).pk]

    moderator_client.post(STATUS, {"action": "suspend", "ids": ids, "confirmed": "1"})

    assert profile_of(member).status == MemberStatus.SUSPENDED
    assert profile_of(other.user).status == MemberStatus.SUSPENDED
    assert profile_of(pending).status == MemberStatus.PENDING
    assert not member.groups.filter(name="Mitglieder").exists()


def test_suspended_member_loses_member_content_in_the_open_session(
    moderator_client, member, members_page
):
    browser = logged_in_client(member)
    assert browser.get(members_page.url).status_code == 200

    moderator_client.post(
        STATUS, {"action": "suspend", "ids": [profile_of(member).pk], "confirmed": "1"}
    )

    response = browser.get(members_page.url)
    assert response.status_code == 302
    assert "Nur intern." not in response.content.decode()


def test_rejected_account_is_logged_out_of_the_open_session(moderator_client, pending):
    browser = logged_in_client(pending)
    dashboard = reverse("community:dashboard")
    assert browser.get(dashboard).status_code == 200

    moderator_client.post(
        STATUS, {"action": "reject", "ids": [profile_of(pending).pk], "confirmed": "1"}
    )

    response = browser.get(dashboard)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_suspended_member_is_approved_again(moderator_client, django_capture_on_commit_callbacks):
    profile = signed_up("Sven Gesperrt", "sven@example.org", 3, status=MemberStatus.SUSPENDED)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(STATUS, {"action": "approve", "ids": [profile.pk]})

    profile.user.refresh_from_db()
    assert profile.user.is_active
    assert profile.user.groups.filter(name="Mitglieder").exists()


def test_confirmation_page_by_get_changes_nothing(moderator_client, member, pending):
    for action in ["approve", "reject", "suspend"]:
        ids = [profile_of(pending).pk, profile_of(member).pk]
        response = moderator_client.get(STATUS, {"action": action, "ids": ids, "next": LIST})
        assert response.status_code == 200

    assert profile_of(pending).status == MemberStatus.PENDING
    assert profile_of(member).status == MemberStatus.APPROVED
    assert mail.outbox == []


def test_bulk_form_without_selection_or_action_changes_nothing(moderator_client, pending):
    no_selection = moderator_client.post(STATUS, {"action": "approve"}, follow=True)
    no_action = moderator_client.post(
        STATUS, {"action": "", "ids": [profile_of(pending).pk]}, follow=True
    )

    assert profile_of(pending).status == MemberStatus.PENDING
    assert len(shown_messages(no_selection)) == 1
    assert len(shown_messages(no_action)) == 1


# --- Who may do this ---------------------------------------------------------------------


def test_editor_has_no_menu_item_and_no_list(client, editor, pending):
    client.force_login(editor)

    assert LIST not in client.get(ADMIN_HOME).content.decode()
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"] == ADMIN_HOME
    follow = client.get(ADMIN_HOME)
    assert "keinen Zugang zu diesem Bereich" in " ".join(shown_messages(follow))


def test_editor_cannot_change_a_status(client, editor, pending):
    client.force_login(editor)

    confirm = client.get(STATUS, {"action": "reject", "ids": [profile_of(pending).pk]})
    approve = client.post(STATUS, {"action": "approve", "ids": [profile_of(pending).pk]})
    inspect = client.get(reverse("community_members:inspect", args=[profile_of(pending).pk]))

    for response in [confirm, approve, inspect]:
        assert response.status_code == 302
        assert response["Location"] == ADMIN_HOME
    assert profile_of(pending).status == MemberStatus.PENDING


def test_viewer_without_change_permission_sees_the_list_without_actions(client, pending):
    viewer = UserFactory(groups=["Redaktion"])
    viewer.user_permissions.add(Permission.objects.get(codename="view_memberprofile"))
    client.force_login(viewer)

    response = client.get(LIST)
    posted = client.post(STATUS, {"action": "approve", "ids": [profile_of(pending).pk]})

    assert listed_names(response) == ["Paula Wartend"]
    assert soup(response).select_one("form#member-bulk") is None
    assert soup(response).select_one(".member-actions") is None
    assert posted.status_code == 302
    assert profile_of(pending).status == MemberStatus.PENDING


def test_visitor_is_sent_to_the_admin_login(client, pending):
    response = client.post(STATUS, {"action": "approve", "ids": [profile_of(pending).pk]})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert profile_of(pending).status == MemberStatus.PENDING


# --- Dashboard ---------------------------------------------------------------------------


def test_dashboard_shows_moderators_how_many_accounts_wait(moderator_client, pending, member):
    signed_up("Nora Neu", "nora@example.org", 1)

    response = moderator_client.get(ADMIN_HOME)

    panel = soup(response).select_one("#pending-accounts-section")
    link = panel.select_one("a[href*='status=']")
    assert link["href"] == f"{LIST}?status=pending"
    assert text_of(link).startswith("2 ")


def test_dashboard_shows_nothing_when_no_account_waits(moderator_client, member):
    response = moderator_client.get(ADMIN_HOME)

    assert soup(response).select_one("#pending-accounts-section") is None


def test_dashboard_of_an_editor_does_not_show_waiting_accounts(client, editor, pending):
    client.force_login(editor)

    response = client.get(ADMIN_HOME)

    assert soup(response).select_one("#pending-accounts-section") is None


# --- Privacy requests --------------------------------------------------------------------


def test_moderator_reads_the_log_of_privacy_requests(moderator_client):
    PrivacyRequestFactory(kind=PrivacyRequest.Kind.EXPORT)
    PrivacyRequestFactory(kind=PrivacyRequest.Kind.DELETION)

    response = moderator_client.get(PRIVACY_LIST)

    rows = soup(response).select("tbody tr")
    assert len(rows) == 2
    assert text_of(rows[0].select("td")[0]) == str(PrivacyRequest.Kind.DELETION.label)
    assert "/create/" not in response.content.decode()
    assert moderator_client.get(PRIVACY_LIST + "create/").status_code == 404


def test_editor_does_not_read_the_log_of_privacy_requests(client, editor):
    client.force_login(editor)

    response = client.get(PRIVACY_LIST)

    assert response.status_code == 302
    assert PRIVACY_LIST not in client.get(ADMIN_HOME).content.decode()
