"""Profile photos: what is accepted (JPEG, PNG, WebP up to 5 MB and 40 megapixels, PNG and
WebP 16, judged by content), what is kept (upright, at most 600×600, no metadata such as the
GPS position or a comment), replacing and removing, and who gets to see a photo (never as a
file under /media/)."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image, ImageCms

from community.members import photos
from community.models import MemberProfile

pytestmark = pytest.mark.django_db

EDIT = reverse("community:profile_edit")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def jpeg(size=(800, 600), exif=None, color="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", exif=exif or Image.Exif())
    return buffer.getvalue()


def exif_with_position_and_orientation(orientation=1):
    """EXIF as a phone writes it: camera, GPS position (Berlin) and orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 18.0)
    return exif


def png_header_only(width, height):
    """A PNG that claims `width`×`height` 1-bit pixels: all zeros, so a few kilobytes on
    disk for what would be hundreds of megabytes once decoded (a decompression bomb)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte and the row's bits
    pixels = b"".join(compressor.compress(row) for _row in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(client, content, name="foto.jpg", **data):
    fields = {"display_name": "Mira Mitglied", "contact_visibility": "members", **data}
    if content is not None:
        fields["photo_upload"] = SimpleUploadedFile(name, content)
    return client.post(EDIT, fields)


def stored_photo(user):
    profile = MemberProfile.objects.get(user=user)
    assert profile.photo, "no photo stored"
    return profile.photo


def photo_error(response):
    """The error shown at the photo field, or None."""
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    field = response.context["form"]["photo_upload"]
    return field.errors[0] if field.errors else None


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return member


# --- What is kept -------------------------------------------------------------------------


def test_uploaded_photo_is_stored_without_its_exif_position(client, logged_in, media_root):
    original = jpeg(exif=exif_with_position_and_orientation())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    response = upload(client, original)

    assert response.status_code == 302
    photo = stored_photo(logged_in)
    assert photo.name.startswith("members/") and photo.name.endswith(".jpg")
    assert "foto" not in photo.name
    with Image.open(photo.path) as kept:
        assert kept.format == "JPEG"
        assert not kept.getexif()
        assert "exif" not in kept.info


def test_photo_taken_sideways_is_stored_upright(client, logged_in):
    # Orientation 6: the camera was turned, the picture is to be rotated by 90 degrees.
    upload(client, jpeg(size=(400, 200), exif=exif_with_position_and_orientation(6)))

    with Image.open(stored_photo(logged_in).path) as kept:
        assert kept.size == (200, 400)


def test_large_photo_is_reduced_to_fit_600_pixels(client, logged_in):
    upload(client, jpeg(size=(2400, 1600)))

    with Image.open(stored_photo(logged_in).path) as kept:
        assert kept.size == (600, 400)


def test_comment_of_the_upload_leaves_no_trace_in_the_stored_photo(client, logged_in):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "teal").save(buffer, "JPEG", comment="<script>alert(1)</script>")
    assert b"<script>alert(1)</script>" in buffer.getvalue()

    upload(client, buffer.getvalue())

    with open(stored_photo(logged_in).path, "rb") as kept:
        data = kept.read()
    assert b"<script" not in data and b"alert(1)" not in data
    assert "comment" not in Image.open(io.BytesIO(data)).info


def test_uploaded_photo_keeps_no_metadata_at_all(client, logged_in):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "teal").save(
        buffer,
        "JPEG",
        exif=exif_with_position_and_orientation(),
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Telefon von Mira</x:xmpmeta>',
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        comment="Telefon von Mira",
    )

    upload(client, buffer.getvalue())

    with open(stored_photo(logged_in).path, "rb") as kept:
        data = kept.read()
    for trace in (b"Exif\x00\x00", b"adobe:ns:meta", b"ICC_PROFILE", b"Telefon"):
        assert trace not in data, trace
    with Image.open(io.BytesIO(data)) as kept:
        assert not kept.getexif()
        assert not {"exif", "xmp", "icc_profile", "comment"} & set(kept.info)


def test_large_photo_taken_sideways_is_stored_upright_and_reduced(client, logged_in):
    """A photo of many megapixels is decoded at a fraction of its size (fast), then turned
    upright: orientation 6 on a landscape 4000×3000 gives a portrait 450×600."""
    photo = Image.new("RGB", (4000, 3000), "blue")
    photo.paste("red", (0, 0, 2000, 3000))  # the left half, the top once upright
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", exif=exif_with_position_and_orientation(6))

    upload(client, buffer.getvalue())

    with Image.open(stored_photo(logged_in).path) as kept:
        assert kept.size == (450, 600)
        top, bottom = kept.getpixel((225, 20)), kept.getpixel((225, 580))
        assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_png_and_webp_photos_are_accepted_and_stored_as_jpeg(client, logged_in, kind):
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 300), (200, 0, 0, 0)).save(buffer, kind)

    response = upload(client, buffer.getvalue(), name="bild.png")

    assert response.status_code == 302
    with Image.open(stored_photo(logged_in).path) as kept:
        assert kept.format == "JPEG"
        assert kept.getpixel((10, 10)) == (255, 255, 255)  # transparent became white


# --- What is refused ----------------------------------------------------------------------


def test_text_file_named_jpg_is_refused_with_an_error_at_the_field(client, logged_in):
    response = upload(client, b"Das ist kein Foto.\n" * 20, name="foto.jpg")

    assert photo_error(response) == str(photos.NOT_AN_IMAGE)
    assert not MemberProfile.objects.get(user=logged_in).photo


def test_gif_is_refused_even_though_it_is_an_image(client, logged_in):
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "red").save(buffer, "GIF")

    response = upload(client, buffer.getvalue(), name="foto.gif")

    assert photo_error(response) == str(photos.NOT_AN_IMAGE)


def test_file_over_5_mb_is_refused(client, logged_in):
    too_big = jpeg(size=(50, 50)) + b"\x00" * photos.MAX_BYTES

    response = upload(client, too_big)

    assert photo_error(response) == str(photos.TOO_LARGE)
    assert not MemberProfile.objects.get(user=logged_in).photo


def test_decompression_bomb_is_refused(client, logged_in):
    bomb = png_header_only(20000, 20000)
    assert len(bomb) < 200_000

    response = upload(client, bomb, name="foto.png")

    assert photo_error(response) == str(photos.TOO_MANY_PIXELS)


def test_image_with_more_than_40_megapixels_is_refused(client, logged_in):
    response = upload(client, png_header_only(8000, 6000), name="foto.png")

    assert photo_error(response) == str(photos.TOO_MANY_PIXELS)


def solid_webp(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "WEBP", lossless=True, method=0)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "name"), [(png_header_only, "foto.png"), (solid_webp, "foto.webp")]
)
def test_png_and_webp_with_more_than_16_megapixels_are_refused(client, logged_in, make, name):
    response = upload(client, make(5000, 4000), name=name)  # 20 megapixels

    assert photo_error(response) == str(photos.TOO_MANY_PIXELS_DECODED_IN_FULL)
    assert not MemberProfile.objects.get(user=logged_in).photo


def test_jpeg_with_more_than_16_megapixels_is_accepted(client, logged_in):
    response = upload(client, jpeg(size=(5000, 4000)))

    assert response.status_code == 302
    with Image.open(stored_photo(logged_in).path) as kept:
        assert kept.size == (600, 480)


def test_refused_photo_keeps_the_other_entries_of_the_form(client, logged_in):
    response = upload(client, b"kein Bild", role="Projektleitung")

    assert photo_error(response) is not None
    assert 'value="Projektleitung"' in response.content.decode()
    assert MemberProfile.objects.get(user=logged_in).role == ""


# --- Replacing and removing ---------------------------------------------------------------


def test_new_photo_replaces_the_old_one_and_its_file(
    client, logged_in, django_capture_on_commit_callbacks
):
    upload(client, jpeg(color="red"))
    first = stored_photo(logged_in)
    first_path = first.path

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, jpeg(color="blue"))

    second = stored_photo(logged_in)
    assert second.name != first.name
    assert not (first.storage.exists(first.name))
    assert second.storage.exists(second.name)
    assert first_path != second.path


def test_remove_photo_deletes_it(client, logged_in, django_capture_on_commit_callbacks):
    upload(client, jpeg())
    photo = stored_photo(logged_in)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, None, remove_photo="on")

    assert response.status_code == 302
    assert not MemberProfile.objects.get(user=logged_in).photo
    assert not photo.storage.exists(photo.name)


def test_saving_without_a_new_photo_keeps_the_photo(client, logged_in):
    upload(client, jpeg())
    photo = stored_photo(logged_in)

    upload(client, None, role="Projektleitung")

    assert stored_photo(logged_in).name == photo.name
    assert photo.storage.exists(photo.name)


# --- Who sees a photo ---------------------------------------------------------------------


@pytest.fixture
def photo_of_member(client, member):
    client.force_login(member)
    upload(client, jpeg())
    client.logout()
    return stored_photo(member)


def test_members_and_the_owner_get_the_photo_through_the_check(
    client, member, other_member, photo_of_member
):
    url = reverse("community:photo", args=[member.member_profile.pk])
    for user in (member, other_member):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert "private" in response["Cache-Control"]
        assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (600, 450)


def test_photo_is_not_served_as_a_file_under_media(client, member, photo_of_member):
    client.force_login(member)

    assert client.get(f"/media/{photo_of_member.name}").status_code == 404


def test_visitors_and_accounts_waiting_for_approval_do_not_get_a_members_photo(
    client, member, pending, photo_of_member
):
    url = reverse("community:photo", args=[member.member_profile.pk])

    assert client.get(url).status_code == 302
    client.force_login(pending)
    assert client.get(url).status_code == 403


def test_profile_without_photo_shows_initials(client, member, other_member):
    client.force_login(member)

    response = client.get(reverse("community:profile", args=[other_member.member_profile.pk]))

    initials = response.content.decode()
    assert 'class="avatar avatar--initials avatar--large" aria-hidden="true">OA<' in initials
    photo_url = reverse("community:photo", args=[other_member.member_profile.pk])
    assert client.get(photo_url).status_code == 404
