"""Materials of the knowledge database linked to a working group: a member pastes a material's
address (German errors for anything else, or a material the group has), the group's readers
see the link with its note; whoever linked it or a group moderator removes it; someone who
only reads the group links nothing."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.groups.models import GroupMaterial, GroupMembership, WorkingGroup
from tests.factories import MaterialPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_moderator(db):
    return MemberProfileFactory(user__email="gustav.leitung@example.org").user


@pytest.fixture
def group(member, group_moderator):
    group = WorkingGroup.objects.create(name="AG Wohnraum", purpose="…", visibility="public")
    GroupMembership.objects.create(group=group, user=member)
    GroupMembership.objects.create(
        group=group, user=group_moderator, role=GroupMembership.Role.MODERATOR
    )
    return group


@pytest.fixture
def material(library):
    return MaterialPageFactory(parent=library, title="Leitfaden Wohnungssuche", slug="leitfaden")


def link(client, group, address, note=""):
    url = reverse("community:group_material_new", args=[group.slug])
    return client.post(url, {"material-address": address, "material-note": note})


def test_a_member_links_a_material_by_its_address(client, member, other_member, group, material):
    client.force_login(member)

    link(client, group, f"http://testserver{material.url}", "Kapitel 3 passt zu unserer Frage.")

    (linked,) = GroupMaterial.objects.all()
    assert (linked.material, linked.added_by) == (material, member)
    client.force_login(other_member)  # reads the public group, links nothing
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Leitfaden Wohnungssuche" in page
    assert "Kapitel 3 passt zu unserer Frage." in page
    assert "Verknüpfung entfernen" not in page
    assert link(client, group, material.url).status_code == 403


def test_a_wrong_address_or_a_double_gets_a_german_error(client, member, group, material):
    client.force_login(member)

    wrong = link(client, group, "https://example.org/irgendwas/", "Meine Notiz")

    assert wrong.status_code == 400
    assert "Unter dieser Adresse gibt es kein Material der Wissensdatenbank." in (
        wrong.content.decode()
    )
    assert "Meine Notiz" in wrong.content.decode()
    link(client, group, material.url)
    again = link(client, group, material.url)
    assert "Die Gruppe hat dieses Material schon." in again.content.decode()
    assert GroupMaterial.objects.count() == 1


def test_a_material_hidden_from_the_reader_is_not_shown(
    client, member, other_member, group, material, library
):
    secret = MaterialPageFactory(parent=library, title="Entwurf intern", slug="entwurf")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    client.force_login(member)

    assert link(client, group, secret.url).status_code == 400
    GroupMaterial.objects.create(group=group, material=secret, added_by=member)
    assert "Entwurf intern" not in client.get(group.get_absolute_url()).content.decode()


def test_the_moderator_removes_a_link_someone_else_made(
    client, member, group_moderator, group, material
):
    linked = GroupMaterial.objects.create(group=group, material=material, added_by=member)
    client.force_login(group_moderator)

    client.post(reverse("community:group_material_remove", args=[group.slug, linked.pk]))

    assert not GroupMaterial.objects.exists()
