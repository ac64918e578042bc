"""Who reaches which collection URL: every URL × visitor, pending account, the owner (member),
another member, a moderator and an editor, for a private and a shared collection; and the
changes (POST) that only the owner may make."""

import pytest
from django.urls import reverse

from community.models import CollectionItem, MaterialCollection
from tests.factories import (
    LibraryIndexPageFactory,
    MaterialCollectionFactory,
    MaterialPageFactory,
)

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
ROLES = ["visitor", "pending", "member", "other_member", "moderator", "editor"]

# URL name → expected answer of a GET per role, in the order of ROLES. The collections
# belong to `member`. "login" is a redirect to the login page; 403 is the German »members
# only« page; 404 hides another member's private collection.
MATRIX = {
    "list": ["login", 403, 200, 200, 200, 403],
    "new": ["login", 403, 200, 200, 200, 403],
    "save": ["login", 403, 200, 200, 200, 403],
    "private": ["login", 403, 200, 404, 404, 403],
    "private_zip": ["login", 403, 200, 404, 404, 403],
    "private_edit": ["login", 403, 200, 404, 404, 403],
    "private_delete": ["login", 403, 200, 404, 404, 403],
    "shared": ["login", 403, 200, 200, 200, 403],
    "shared_zip": ["login", 403, 200, 200, 200, 403],
    "shared_edit": ["login", 403, 200, 404, 404, 403],
    "shared_delete": ["login", 403, 200, 404, 404, 403],
}


@pytest.fixture
def guide(home_page):
    return MaterialPageFactory(parent=LibraryIndexPageFactory(parent=home_page), title="Leitfaden")


@pytest.fixture
def collections(member, guide):
    return {
        "private": MaterialCollectionFactory(owner=member, materials=[guide], name="Privat"),
        "shared": MaterialCollectionFactory(
            owner=member, materials=[guide], name="Geteilt", is_shared=True
        ),
    }


@pytest.fixture
def urls(collections, guide):
    urls = {
        "list": reverse("community:collections"),
        "new": reverse("community:collection_new"),
        "save": reverse("community:collection_add", args=[guide.pk]),
    }
    for kind, collection in collections.items():
        urls[kind] = reverse("community:collection", args=[collection.pk])
        for suffix, name in (("zip", "zip"), ("edit", "edit"), ("delete", "delete")):
            urls[f"{kind}_{suffix}"] = reverse(f"community:collection_{name}", args=[collection.pk])
    return urls


def log_in(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])


def assert_answer(response, expected):
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == expected


CASES = [
    (name, role, answers[i]) for name, answers in MATRIX.items() for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("name", "role", "expected"), CASES, ids=[f"{n}-{r}" for n, r, _ in CASES])
def test_access_matrix_of_the_collections(client, people, urls, name, role, expected):
    log_in(client, people, role)
    response = client.get(urls[name])
    assert_answer(response, expected)
    if response.status_code == 200 and name.endswith("_zip"):
        assert response["Content-Type"] == "application/zip"
        b"".join(response.streaming_content)  # the archive is written to the end


def test_pending_accounts_get_the_german_members_only_page(client, pending, urls):
    client.force_login(pending)
    response = client.get(urls["list"])
    assert response.status_code == 403
    assert b"members-only" in response.content


# Changes: expected answer per role for a POST; only the owner changes anything.
POST_ANSWERS = {
    "visitor": "login",
    "pending": 403,
    "member": 302,
    "other_member": 404,
    "moderator": 404,
    "editor": 403,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["private", "shared"])
@pytest.mark.parametrize("action", ["note", "up", "down", "remove"])
def test_only_the_owner_changes_an_item(client, people, collections, role, kind, action):
    item = collections[kind].items.get()
    log_in(client, people, role)

    response = client.post(
        reverse("community:collection_item", args=[item.pk]),
        {"action": action, f"item{item.pk}-note": "Geändert"},
    )

    assert_answer(response, POST_ANSWERS[role])
    changed = not CollectionItem.objects.filter(pk=item.pk, note="").exists()
    assert changed == (role == "member" and action in ("note", "remove"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["private", "shared"])
def test_only_the_owner_edits_and_deletes_a_collection(client, people, collections, role, kind):
    collection = collections[kind]
    log_in(client, people, role)
    edit = reverse("community:collection_edit", args=[collection.pk])
    delete = reverse("community:collection_delete", args=[collection.pk])

    assert_answer(client.post(edit, {"name": "Übernommen"}), POST_ANSWERS[role])
    assert MaterialCollection.objects.filter(name="Übernommen").exists() == (role == "member")
    assert_answer(client.post(delete), POST_ANSWERS[role])
    assert MaterialCollection.objects.filter(pk=collection.pk).exists() == (role != "member")


@pytest.mark.parametrize("role", ROLES)
def test_only_members_save_materials(client, people, guide, role):
    log_in(client, people, role)

    response = client.post(reverse("community:collection_add", args=[guide.pk]))

    expected = {"other_member": 302, "moderator": 302}.get(role, POST_ANSWERS[role])
    assert_answer(response, expected)
    saved = CollectionItem.objects.filter(material=guide, collection__owner=people[role])
    assert saved.exists() == (expected == 302)


def test_change_item_takes_no_get(client, member, collections):
    client.force_login(member)
    item = collections["private"].items.get()
    response = client.get(reverse("community:collection_item", args=[item.pk]))
    assert response.status_code == 405
