"""A member's photo files: however a photo is replaced, removed or its account deleted (the
profile form, a second tab sent at the same time, a moderator's approval, a script, the
admin's user deletion), the old file goes once the change is committed, and no file is
left that no profile uses. What the media folder's members/ holds is compared before and
after (other tests use the media folder, too: here it is a folder of the test's own)."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from community.members import moderation
from community.members.forms import ProfileForm
from community.models import MemberProfile, MemberStatus

pytestmark = pytest.mark.django_db

EDIT = reverse("community:profile_edit")


@pytest.fixture(autouse=True)
def members_folder(settings, tmp_path):
    """Where the photos go: members/ in a media folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path / "members"


def files_in(folder):
    return {path.name for path in Path(folder).rglob("*") if path.is_file()}


def jpeg(color="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), color).save(buffer, "JPEG")
    return buffer.getvalue()


def uploaded(color="teal"):
    return SimpleUploadedFile("foto.jpg", jpeg(color), content_type="image/jpeg")


def profile_of(user):
    return MemberProfile.objects.get(user=user)


@pytest.fixture
def with_photo(client, member, members_folder, django_capture_on_commit_callbacks):
    """The member uploaded a photo through the profile form; returns its file name."""
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            EDIT,
            {
                "display_name": "Mira Mitglied",
                "contact_visibility": "members",
                "photo_upload": uploaded(),
            },
        )
    assert response.status_code == 302
    assert files_in(members_folder) == {Path(profile_of(member).photo.name).name}
    return profile_of(member).photo.name


def form_of(profile, **files):
    form = ProfileForm(
        {"display_name": "Mira Mitglied", "contact_visibility": "members"}, files, instance=profile
    )
    assert form.is_valid(), form.errors
    return form


def test_a_photo_sent_from_two_tabs_at_once_leaves_only_the_last_one(
    member, with_photo, members_folder, django_capture_on_commit_callbacks
):
    # Both requests read the profile before either stored its photo (a double click).
    first_tab, second_tab = profile_of(member), profile_of(member)

    with django_capture_on_commit_callbacks(execute=True):
        form_of(first_tab, photo_upload=uploaded("red")).save()
        form_of(second_tab, photo_upload=uploaded("blue")).save()

    kept = profile_of(member).photo
    assert files_in(members_folder) == {Path(kept.name).name}
    with Image.open(kept.path) as image:
        assert image.getpixel((5, 5))[2] > 200  # the blue one, sent last


def test_a_photo_replaced_outside_the_form_loses_its_old_file_once_committed(
    member, with_photo, members_folder, django_capture_on_commit_callbacks
):
    profile = profile_of(member)

    with django_capture_on_commit_callbacks(execute=True):
        profile.photo = ContentFile(jpeg("red"), name="neu.jpg")
        profile.save()
        # Until the change is committed the old file stays: a rollback keeps the old photo.
        assert Path(with_photo).name in files_in(members_folder)

    assert files_in(members_folder) == {Path(profile_of(member).photo.name).name}


def test_a_photo_removed_outside_the_form_loses_its_file(
    member, with_photo, members_folder, django_capture_on_commit_callbacks
):
    profile = profile_of(member)

    with django_capture_on_commit_callbacks(execute=True):
        profile.photo = ""
        profile.save()

    assert not profile_of(member).photo
    assert files_in(members_folder) == set()


def test_approval_of_a_profile_read_before_the_photo_changed_keeps_the_new_photo(
    member, with_photo, members_folder, django_capture_on_commit_callbacks
):
    MemberProfile.objects.filter(user=member).update(status=MemberStatus.PENDING)
    # The moderator's list was loaded, then the member uploaded a new photo.
    read_by_the_moderator = profile_of(member)
    with django_capture_on_commit_callbacks(execute=True):
        form_of(profile_of(member), photo_upload=uploaded("red")).save()
    new_photo = profile_of(member).photo.name

    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve([read_by_the_moderator])

    profile = profile_of(member)
    assert profile.status == MemberStatus.APPROVED
    assert profile.photo.name == new_photo
    assert files_in(members_folder) == {Path(new_photo).name}


def test_a_failed_save_leaves_no_new_photo_file(member, other_member, with_photo, members_folder):
    profile = profile_of(member)
    profile.photo = ContentFile(jpeg("red"), name="neu.jpg")
    profile.user = other_member  # who has a profile already: the save fails

    with pytest.raises(IntegrityError), transaction.atomic():
        profile.save()

    assert files_in(members_folder) == {Path(with_photo).name}


def test_deleting_the_account_in_the_admin_deletes_the_photo_file(
    client, member, with_photo, members_folder, django_capture_on_commit_callbacks
):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "geheim-12345")
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailusers_users:delete", args=[member.pk]))

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert files_in(members_folder) == set()
