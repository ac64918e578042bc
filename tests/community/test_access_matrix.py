"""Every URL of the member area × every role → the answer the role must get.

Roles: a visitor, a pending account (signed up, not approved), an approved member, another
member, a moderator and an editor of the public site (Redaktion, no member access)."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from community.models import MemberProfile, MemberStatus
from tests.factories import CongressPageFactory, EventIndexPageFactory, MemberProfileFactory

LOGIN = reverse("account_login")
ROLES = ["visitor", "pending", "member", "other_member", "moderator", "editor"]

# URL name → expected answer per role, in the order of ROLES. "login" is a redirect to the
# login page; 403 is the German »members only« page.
MATRIX = {
    "dashboard": ["login", 200, 200, 200, 200, 200],
    "profile_edit": ["login", 200, 200, 200, 200, 200],
    "directory": ["login", 403, 200, 200, 200, 403],
    "member_profile": ["login", 403, 200, 200, 200, 403],
    "member_photo": ["login", 403, 200, 200, 200, 403],
    "pending_profile": ["login", 200, 404, 404, 404, 403],
    "organisations": [200, 200, 200, 200, 200, 200],
    "organisation": [200, 200, 200, 200, 200, 200],
    "my_data": ["login", 200, 200, 200, 200, 200],
    "export": ["login", 200, 200, 200, 200, 200],
    "delete_account": ["login", 200, 200, 200, 403, 403],  # staff: ask an administrator
}


@pytest.fixture
def urls(member, pending, organisation, small_jpeg):
    profile = member.member_profile
    profile.photo.save("portrait.jpg", small_jpeg)
    return {
        "dashboard": reverse("community:dashboard"),
        "profile_edit": reverse("community:profile_edit"),
        "directory": reverse("community:directory"),
        "member_profile": reverse("community:profile", args=[profile.pk]),
        "member_photo": reverse("community:photo", args=[profile.pk]),
        "pending_profile": reverse("community:profile", args=[pending.member_profile.pk]),
        "organisations": reverse("community:organisations"),
        "organisation": reverse("community:organisation", args=[organisation.slug]),
        "my_data": reverse("community:my_data"),
        "export": reverse("community:export"),
        "delete_account": reverse("community:delete_account"),
    }


@pytest.fixture
def small_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue())


CASES = [
    (name, role, answers[i]) for name, answers in MATRIX.items() for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("name", "role", "expected"), CASES, ids=[f"{n}-{r}" for n, r, _ in CASES])
def test_access_matrix_of_the_member_area(client, people, urls, name, role, expected):
    if people[role] is not None:
        client.force_login(people[role])

    response = client.get(urls[name])

    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == expected


def test_a_members_page_lists_the_organisations_members_only_to_members(
    client, member, pending, organisation
):
    url = reverse("community:organisation", args=[organisation.slug])
    assert "Mira Mitglied" not in client.get(url).content.decode()
    client.force_login(pending)
    assert "Mira Mitglied" not in client.get(url).content.decode()
    client.force_login(member)
    assert "Mira Mitglied" in client.get(url).content.decode()


@pytest.mark.parametrize("role", ["pending", "member", "other_member", "moderator", "editor"])
def test_the_export_always_holds_the_requesters_own_data(client, people, role):
    user = people[role]
    client.force_login(user)

    data = json.loads(client.get(reverse("community:export")).content)

    emails = json.dumps(data)
    assert user.email in emails
    others = [p.email for r, p in people.items() if p is not None and p != user]
    assert not any(email in emails for email in others)


def test_editing_the_profile_changes_only_the_own_profile(client, member, other_member):
    client.force_login(other_member)
    theirs = member.member_profile

    client.post(
        reverse("community:profile_edit"),
        {
            "display_name": "Übernommen",
            "contact_visibility": "nobody",
            "pk": theirs.pk,
            "user": member.pk,
        },
    )

    theirs.refresh_from_db()
    assert theirs.display_name == "Mira Mitglied"
    assert set(MemberProfile.objects.filter(display_name="Übernommen")) <= {
        other_member.member_profile
    }


# --- Moderators act on members only ------------------------------------------------------

STATUS_URL = reverse("community_members:status")
# Accounts with a member profile (from the time before they joined the staff, say) that a
# moderator's status action must leave alone, and the member it must change.
TARGETS = {
    "superuser": {"is_superuser": True, "is_staff": True},
    "editor": {"groups": ["Redaktion", "Mitglieder"]},
    "event_manager": {"groups": ["Veranstaltungsmanagement", "Mitglieder"]},
    "other_moderator": {"groups": ["Moderation", "Mitglieder"]},
    "member": {"groups": []},
}
STATUS_CASES = [
    (action, target, target == "member") for action in ("suspend", "reject") for target in TARGETS
]


@pytest.mark.parametrize(
    ("action", "target", "changes"), STATUS_CASES, ids=[f"{a}-{t}" for a, t, _ in STATUS_CASES]
)
def test_moderators_status_actions_change_members_but_never_staff(
    client, moderator, action, target, changes
):
    status = MemberStatus.PENDING if action == "reject" else MemberStatus.APPROVED
    account = {f"user__{name}": value for name, value in TARGETS[target].items()}
    profile = MemberProfileFactory(status=status, **account)
    client.force_login(moderator)

    client.post(STATUS_URL, {"action": action, "ids": [profile.pk], "confirmed": "1"})

    profile.refresh_from_db()
    profile.user.refresh_from_db()
    assert (profile.status != status) is changes
    assert profile.user.is_active is not changes
    # Staff still log in; the member no longer does.
    login = Client().login(username=profile.user.username, password="ein-langes-testpasswort")
    assert login is not changes


# --- Forms that send mail or check passwords are throttled --------------------------------
# (form, how many posts from one IP address pass, for one typed address). Each form says more
# in its own module: tests/events/test_registration_throttle.py,
# tests/home/test_admin_password_reset.py, tests/home/test_admin_login_lockout.py.

THROTTLED = {
    "signup": (reverse("account_signup"), 10),
    "password_reset": (reverse("account_reset_password"), 3),
    "admin_password_reset": ("/admin/password_reset/", 3),
    "congress_registration": (None, 3),
    "admin_login": ("/admin/login/", 3),
}


def throttled_post(client, form, url, number):
    email = "same@example.org" if form != "signup" else f"neu{number}@example.org"
    data = {
        "signup": {
            "email": email,
            "password1": "ein-sehr-sicheres-passwort",
            "password2": "ein-sehr-sicheres-passwort",
            "first_name": "Nora",
            "last_name": "Neu",
            "new_organisation": "Lesepaten Kiel e. V.",
            "privacy_consent": "on",
        },
        "password_reset": {"email": email},
        "admin_password_reset": {"email": email},
        "congress_registration": {"name": "Nora Neu", "email": email, "privacy_consent": "on"},
        "admin_login": {"username": email, "password": "falsch"},
    }[form]
    return client.post(url, data).status_code


@pytest.mark.parametrize("form", THROTTLED)
def test_forms_that_send_mail_or_check_passwords_refuse_past_their_limit(client, home_page, form):
    url, allowed = THROTTLED[form]
    if form == "congress_registration":
        congress = CongressPageFactory(parent=EventIndexPageFactory(parent=home_page))
        url = congress.url + "anmelden/"

    answers = [throttled_post(client, form, url, number) for number in range(allowed + 1)]

    assert 429 not in answers[:allowed], answers
    assert answers[-1] == 429
