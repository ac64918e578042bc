"""The member area's listings stay within a fixed number of SQL queries, however many
members there are: the member directory (logged in, with and without filters), the list of
organisations and an organisation's page with its materials and members."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from community.models import MemberProfile, MemberStatus, SpokenLanguage
from tests.factories import (
    LibraryIndexPageFactory,
    MaterialPageFactory,
    OrganisationFactory,
    SiteImageFactory,
    TopicFactory,
)
from tests.helpers import text_of
from tests.library.test_query_budget import measure

pytestmark = pytest.mark.django_db

# Everything a member's request costs, the session, the user and their groups included.
QUERY_BUDGET = 15


@pytest.fixture
def taxonomy(db):
    return {
        "topics": [TopicFactory(name=f"Thema {number}") for number in range(4)],
        "organisations": [
            OrganisationFactory(name=f"Träger {number} e. V.", state="BE") for number in range(3)
        ],
        "languages": list(SpokenLanguage.objects.all()[:3]),
    }


def add_members(taxonomy, numbers):
    """Approved members `numbers`, in bulk: accounts, profiles spread over the taxonomy,
    each with two topics and a language, and the group Mitglieder; indexed for the search."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"mitglied{number}", email=f"mitglied{number}@example.org")
        for number in numbers
    )
    profiles = MemberProfile.objects.bulk_create(
        MemberProfile(
            user=user,
            status=MemberStatus.APPROVED,
            display_name=f"Mitglied {number:04d}",
            role="Koordination",
            organisation=taxonomy["organisations"][number % 3],
            state="BE" if number % 2 else "SN",
            city="Berlin",
            bio="Ich begleite Patenschaften.",
            privacy_notice_version="2026-11",
        )
        for number, user in zip(numbers, users, strict=True)
    )
    topics = MemberProfile.topics.through
    topics.objects.bulk_create(
        topics(memberprofile_id=profile.pk, topic_id=taxonomy["topics"][(number + shift) % 4].pk)
        for number, profile in zip(numbers, profiles, strict=True)
        for shift in (0, 1)
    )
    languages = MemberProfile.languages.through
    languages.objects.bulk_create(
        languages(memberprofile_id=profile.pk, spokenlanguage_id=taxonomy["languages"][n % 3].pk)
        for n, profile in zip(numbers, profiles, strict=True)
    )
    Group.objects.get(name="Mitglieder").user_set.add(*users)
    # bulk_create skips the signals that index what is saved: index the new profiles as
    # `manage.py update_index` does, so that the directory's search finds them.
    indexed = MemberProfile.get_indexed_objects().filter(pk__in=[p.pk for p in profiles])
    get_search_backend().add_bulk(MemberProfile, indexed)


def filters(taxonomy):
    return {
        "q": "Patenschaften",
        "state": "BE",
        "topic": taxonomy["topics"][0].slug,
        "organisation": taxonomy["organisations"][1].slug,
        "language": taxonomy["languages"][1].code,
    }


def test_member_directory_stays_within_the_budget_with_50_or_2000_members(
    client, home_page, member, taxonomy, django_assert_max_num_queries
):
    def measure_directory():
        """(queries, result heading) without filters and with all of them."""
        url = reverse("community:directory")
        measured = []
        for params in (None, filters(taxonomy)):
            count, page = measure(client, url, django_assert_max_num_queries, params)
            assert page.select(".member-card"), params
            measured.append((count, text_of(page.select_one("#results-title"))))
        return measured

    client.force_login(member)
    add_members(taxonomy, range(49))
    with_fifty = measure_directory()
    add_members(taxonomy, range(49, 1999))
    with_two_thousand = measure_directory()

    assert [count for count, _heading in with_fifty] == [
        count for count, _heading in with_two_thousand
    ]
    assert with_fifty[0][1].startswith("50 ")
    assert with_two_thousand[0][1].startswith("2000 ")


def test_organisation_list_stays_within_the_budget(
    client, home_page, django_assert_max_num_queries
):
    OrganisationFactory.create_batch(5)
    with_five, _page = measure(
        client, reverse("community:organisations"), django_assert_max_num_queries
    )
    OrganisationFactory.create_batch(60)
    with_sixty_five, page = measure(
        client, reverse("community:organisations"), django_assert_max_num_queries
    )

    assert len(page.select(".organisation-teaser")) == 65
    assert with_five == with_sixty_five


@pytest.mark.parametrize("logged_in", [False, True], ids=["visitor", "member"])
def test_organisation_page_stays_within_the_budget(
    client, home_page, member, taxonomy, logged_in, django_assert_max_num_queries
):
    organisation = taxonomy["organisations"][1]
    organisation.logo = SiteImageFactory()
    organisation.save()
    library = LibraryIndexPageFactory(parent=home_page)
    for _number in range(12):
        MaterialPageFactory(parent=library, organisation=organisation, topics=taxonomy["topics"])
    add_members(taxonomy, range(30))
    if logged_in:
        client.force_login(member)

    url = reverse("community:organisation", args=[organisation.slug])
    _count, page = measure(client, url, django_assert_max_num_queries)

    assert len(page.select(".material-teaser")) == 10
    assert len(page.select(".organisation__person")) == (10 if logged_in else 0)
