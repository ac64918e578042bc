"""Every page of the working groups × visibility × role → the answer the role must get, and
whether it shows the group's content (its member list). A visitor is asked to log in for any
group that is not public, also for an address that names no group; a member who may not know
of a group gets 404, as for a group that does not exist."""

import pytest
from django.test import Client
from django.urls import reverse

from community.groups.models import GroupMembership, Visibility, WorkingGroup
from tests.factories import MemberProfileFactory

LOGIN = reverse("account_login")
ROLES = ["visitor", "pending", "member", "group_member", "group_moderator", "moderator", "editor"]
MEMBER_NAME = "Greta Gruppe"

# Per visibility and page: the answer per role, in the order of ROLES. "login" is a redirect
# to the login page, "back" one to the group's page, 403 the German »members only« page or
# the refusal of a moderator's page; "+" after 200: the page lists the group's members.
MATRIX = {
    Visibility.PUBLIC: {
        "detail": [200, 200, "200+", "200+", "200+", "200+", 200],
        "leave": ["login", 403, "back", 200, 200, "back", 403],
        "remove": ["login", 403, 403, 403, 200, 200, 403],
    },
    Visibility.CLOSED: {
        "detail": ["login", 404, 200, "200+", "200+", "200+", 404],
        "leave": ["login", 403, "back", 200, 200, "back", 403],
        "remove": ["login", 403, 403, 403, 200, 200, 403],
    },
    Visibility.SECRET: {
        "detail": ["login", 404, 404, "200+", "200+", "200+", 404],
        "leave": ["login", 403, 404, 200, 200, "back", 403],
        "remove": ["login", 403, 404, 403, 200, 200, 403],
    },
}


@pytest.fixture
def roles(people):
    group_member = MemberProfileFactory(
        user__email="greta.gruppe@example.org", display_name=MEMBER_NAME
    ).user
    group_moderator = MemberProfileFactory(
        user__email="gustav.leitung@example.org", display_name="Gustav Leitung"
    ).user
    return {**people, "group_member": group_member, "group_moderator": group_moderator}


def make_group(visibility, roles):
    group = WorkingGroup.objects.create(
        name=f"AG Wohnraum {visibility}",
        purpose="Wohnraum für Geflüchtete finden.",
        visibility=visibility,
    )
    membership = GroupMembership.objects.create(group=group, user=roles["group_member"])
    GroupMembership.objects.create(
        group=group, user=roles["group_moderator"], role=GroupMembership.Role.MODERATOR
    )
    return group, membership


def urls(group, membership):
    return {
        "detail": reverse("community:group", args=[group.slug]),
        "leave": reverse("community:group_leave", args=[group.slug]),
        "remove": reverse("community:group_remove", args=[group.slug, membership.pk]),
    }


CASES = [
    (visibility, page, role, answers[i])
    for visibility, pages in MATRIX.items()
    for page, answers in pages.items()
    for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(
    ("visibility", "page", "role", "expected"),
    CASES,
    ids=[f"{v}-{p}-{r}" for v, p, r, _ in CASES],
)
def test_access_matrix_of_the_working_groups(roles, visibility, page, role, expected):
    group, membership = make_group(visibility, roles)
    client = Client()
    if roles[role] is not None:
        client.force_login(roles[role])

    response = client.get(urls(group, membership)[page])

    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")
    elif expected == "back":
        assert response.status_code == 302
        assert response["Location"] == group.get_absolute_url()
    else:
        status = int(str(expected).rstrip("+"))
        assert response.status_code == status
        if status == 200 and page == "detail":
            assert (MEMBER_NAME in response.content.decode()) == str(expected).endswith("+")


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_each_role_the_groups_it_may_know_of(roles, role):
    for visibility in MATRIX:
        make_group(visibility, roles)
    client = Client()
    if roles[role] is not None:
        client.force_login(roles[role])

    page = client.get(reverse("community:groups")).content.decode()

    expected = {
        "visitor": {"public"},
        "pending": {"public"},
        "member": {"public", "closed"},
        "editor": {"public"},
    }.get(role, {"public", "closed", "secret"})
    assert {v for v in MATRIX if f"AG Wohnraum {v}" in page} == expected


def test_an_address_that_names_no_group_looks_like_a_closed_one(client, member):
    url = reverse("community:group", args=["gibt-es-nicht"])

    assert client.get(url)["Location"].startswith(f"{LOGIN}?next=")
    client.force_login(member)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_only_the_bbe_team_founds_groups_while_the_setting_is_off(roles, role):
    client = Client()
    if roles[role] is not None:
        client.force_login(roles[role])

    response = client.get(reverse("community:group_new"))

    expected = {"visitor": 302, "moderator": 200}.get(role, 403)
    assert response.status_code == expected


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # caches warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_groups(count, user, topics):
    groups = WorkingGroup.objects.bulk_create(
        WorkingGroup(name=f"AG {number:04}", slug=f"ag-{number:04}", purpose="Wohnraum finden.")
        for number in range(WorkingGroup.objects.count(), WorkingGroup.objects.count() + count)
    )
    GroupMembership.objects.bulk_create(GroupMembership(group=group, user=user) for group in groups)
    WorkingGroup.topics.through.objects.bulk_create(
        WorkingGroup.topics.through(workinggroup=group, topic=topic)
        for group in groups
        for topic in topics
    )


def test_the_list_of_groups_costs_the_same_queries_for_5_and_500_groups(client, member):
    from tests.factories import TopicFactory

    topics = [TopicFactory(), TopicFactory()]
    client.force_login(member)
    url = reverse("community:groups")
    other = MemberProfileFactory(user__email="olga@example.org").user
    add_groups(3, member, topics)
    add_groups(2, other, topics)
    few = queries_for(client, url)

    add_groups(495, other, topics)

    assert queries_for(client, url) == few
    assert queries_for(client, f"{url}?page=3") == few


def test_a_groups_page_costs_the_same_queries_for_5_and_200_members(client, roles):
    group, _membership = make_group(Visibility.CLOSED, roles)
    client.force_login(roles["group_moderator"])
    url = group.get_absolute_url()
    for number in range(3):
        profile = MemberProfileFactory(user__email=f"m{number}@example.org")
        GroupMembership.objects.create(group=group, user=profile.user)
    few = queries_for(client, url)

    for number in range(3, 200):
        profile = MemberProfileFactory(user__email=f"m{number}@example.org")
        GroupMembership.objects.create(
            group=group, user=profile.user, state="requested" if number % 10 == 0 else "active"
        )

    assert queries_for(client, url) == few
