"""Editorial images keep no metadata under /media/: no GPS position, camera, XMP, ICC profile,
PNG text or comment, neither in the original nor in any rendition; the picture stays upright
and in its colours, and the credit stays in the database."""

import io
import struct

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from wagtail.models import Collection, UploadedFile

from home.models import SiteImage
from tests.factories import SiteImageFactory, UserFactory

pytestmark = pytest.mark.django_db

CAMERA = "Testkamera Modell X"
SERIAL = "SN-4711-0815"
COMMENT = "<script>alert(1)</script> Aufgenommen bei Familie Muster"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="52,31.2N" exif:GPSLongitude="13,24.3E"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
# What must not be anywhere in a stored file's bytes.
TRACES = (
    b"Exif\x00\x00",
    b"ICC_PROFILE",
    b"http://ns.adobe.com/",
    b"adobe:ns:meta",
    CAMERA.encode(),
    SERIAL.encode(),
    b"<script>",
    b"Familie Muster",
)
RED, BLUE = (220, 30, 30), (30, 30, 220)
CREDIT = "Foto: Jörg Farys/www.dieprojektoren.de"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=["Redaktion"]))
    return client


def camera_exif(orientation=1):
    """EXIF as a phone writes it: camera and serial number, orientation, GPS (Berlin)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.Base.Model] = CAMERA
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 18.0)
    return exif


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def two_coloured(size):
    """Red in the left half, blue in the right half."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def sideways_jpeg(size=(1200, 800)):
    """A photo taken with the phone turned: stored `size` wide, shown the other way round
    (orientation 6: turn it 90° clockwise), so its left half (red) is the top when upright."""
    buffer = io.BytesIO()
    two_coloured(size).save(
        buffer,
        "JPEG",
        quality=90,
        exif=camera_exif(orientation=6),
        xmp=XMP,
        icc_profile=srgb_profile(),
        comment=COMMENT,
    )
    return buffer.getvalue()


def upload(client, content, name="foto.jpg"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Plenum",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "description": "Teilnehmende im Plenum",
            "credit": CREDIT,
        },
    )


def uploaded_image(client, content, name="foto.jpg"):
    response = upload(client, content, name)
    assert response.status_code == 302, response.context["form"].errors
    return SiteImage.objects.get()


def stored_bytes(field_file):
    with field_file.storage.open(field_file.name, "rb") as stored:
        return stored.read()


def assert_no_metadata(data):
    """`data` (a stored image file's bytes) carries no metadata Pillow or a search finds."""
    for trace in TRACES:
        assert trace not in data, trace
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"):
            assert key not in image.info, key


def png_chunk_types(data):
    types, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        types.append(data[position + 4 : position + 8])
        position += 12 + length
    return types


def webp_chunk_types(data):
    types, position = [], 12
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack("<I", data[position + 4 : position + 8])[0],
        )
        types.append(kind)
        position += 8 + length + (length & 1)
    return types


def is_close(colour, expected, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


# --- The original ---------------------------------------------------------------------------


def test_uploaded_jpeg_is_stored_without_gps_camera_xmp_icc_or_comment(editor_client):
    original = sideways_jpeg()
    with Image.open(io.BytesIO(original)) as check:  # the upload does carry all of it
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert {"xmp", "icc_profile", "comment"} <= set(check.info)

    image = uploaded_image(editor_client, original)

    assert image.file.name.startswith("original_images/")
    assert_no_metadata(stored_bytes(image.file))


def test_credit_and_alt_text_stay_in_the_database(editor_client):
    image = uploaded_image(editor_client, sideways_jpeg())

    assert image.credit == CREDIT
    assert image.description == "Teilnehmende im Plenum"


def test_photo_taken_sideways_is_stored_upright_with_its_size_and_file_data(editor_client):
    image = uploaded_image(editor_client, sideways_jpeg(size=(1200, 800)))

    data = stored_bytes(image.file)
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.size == (800, 1200)
        assert is_close(stored.getpixel((400, 100)), RED)  # the left half is now the top
        assert is_close(stored.getpixel((400, 1100)), BLUE)
    assert (image.width, image.height) == (800, 1200)
    assert image.file_size == len(data)  # what Wagtail knows fits the cleaned file


def test_colours_stay_when_the_colour_profile_is_dropped(editor_client):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 120, 40)).save(
        buffer, "JPEG", quality=95, icc_profile=srgb_profile()
    )

    image = uploaded_image(editor_client, buffer.getvalue())

    with Image.open(image.file.path) as stored:
        assert "icc_profile" not in stored.info
        assert is_close(stored.getpixel((32, 32)), (200, 120, 40), tolerance=4)


def test_uploaded_png_is_stored_without_text_chunks_exif_or_colour_profile(editor_client):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", CAMERA)
    text.add_itxt("Comment", COMMENT)
    text.add_text("GPS", "52.52 13.40", zip=True)
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    buffer = io.BytesIO()
    image = Image.new("RGBA", (60, 40), (0, 128, 0, 128))
    image.save(buffer, "PNG", pnginfo=text, exif=camera_exif(), icc_profile=srgb_profile())
    assert {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"} <= set(png_chunk_types(buffer.getvalue()))

    stored = uploaded_image(editor_client, buffer.getvalue(), name="grafik.png")

    data = stored_bytes(stored.file)
    assert set(png_chunk_types(data)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    assert_no_metadata(data)
    with Image.open(io.BytesIO(data)) as kept:
        assert kept.format == "PNG"
        assert kept.getpixel((5, 5)) == (0, 128, 0, 128)  # transparency is kept


def test_uploaded_webp_is_stored_without_exif_or_xmp(editor_client):
    buffer = io.BytesIO()
    two_coloured((300, 200)).save(
        buffer, "WEBP", exif=camera_exif(), xmp=XMP, icc_profile=srgb_profile()
    )
    assert {b"EXIF", b"XMP ", b"ICCP"} <= set(webp_chunk_types(buffer.getvalue()))

    image = uploaded_image(editor_client, buffer.getvalue(), name="bild.webp")

    data = stored_bytes(image.file)
    assert not {b"EXIF", b"XMP ", b"ICCP"} & set(webp_chunk_types(data))
    assert_no_metadata(data)
    with Image.open(io.BytesIO(data)) as kept:
        assert (kept.format, kept.size) == ("WEBP", (300, 200))


def test_image_saved_in_code_is_stored_without_metadata():
    """Demo content, imports and the shell save images without the admin's form."""
    image = SiteImageFactory(file=ContentFile(sideways_jpeg(), name="import.jpg"))

    image.refresh_from_db()
    assert_no_metadata(stored_bytes(image.file))
    assert (image.width, image.height) == (800, 1200)


def test_gif_comment_is_dropped():
    buffer = io.BytesIO()
    Image.new("P", (30, 30), 1).save(buffer, "GIF", comment=COMMENT)
    assert b"Familie Muster" in buffer.getvalue()

    image = SiteImageFactory(file=ContentFile(buffer.getvalue(), name="animation.gif"))

    assert_no_metadata(stored_bytes(image.file))


def test_image_in_the_multiple_uploader_waits_without_metadata(editor_client):
    """The multiple uploader keeps a file it cannot save as an image yet (alt text and
    credit are still missing) under /media/wagtail_uploads/ until the editor fills them in."""
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("foto.jpg", sideways_jpeg())},
    )

    assert response.status_code == 200
    waiting = UploadedFile.objects.get()
    assert_no_metadata(stored_bytes(waiting.file))

    prefix = f"uploaded-image-{waiting.pk}"
    response = editor_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[waiting.pk]),
        {
            f"{prefix}-title": "Plenum",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
            f"{prefix}-description": "Teilnehmende im Plenum",
            f"{prefix}-credit": CREDIT,
        },
    )

    assert response.json()["success"], response.content
    image = SiteImage.objects.get()
    assert image.credit == CREDIT
    assert_no_metadata(stored_bytes(image.file))


# --- Renditions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "size"), [("width-400", (400, 600)), ("fill-600x400", (600, 400))]
)
def test_renditions_of_an_uploaded_photo_carry_no_metadata(editor_client, spec, size):
    image = uploaded_image(editor_client, sideways_jpeg(size=(1200, 800)))

    rendition = image.get_rendition(spec)

    data = stored_bytes(rendition.file)
    assert rendition.file.name.startswith("images/")
    assert_no_metadata(data)
    with Image.open(io.BytesIO(data)) as kept:
        assert kept.size == size


def stored_before_the_cleaning():
    """An image whose original was stored with its metadata, as before uploads were cleaned
    (its file name given, so SiteImage.save() has no new file to clean)."""
    name = default_storage.save("original_images/alt.jpg", ContentFile(sideways_jpeg()))
    return SiteImage.objects.create(
        title="Altes Foto",
        file=name,
        width=1200,
        height=800,
        description="Teilnehmende im Plenum",
        credit=CREDIT,
        collection=Collection.get_first_root_node(),
    )


@pytest.mark.parametrize(
    ("spec", "size"), [("width-400", (400, 600)), ("fill-600x400", (600, 400))]
)
def test_renditions_of_an_original_stored_before_the_cleaning_carry_no_metadata(spec, size):
    """Images uploaded before originals were cleaned still have their metadata on disk."""
    image = stored_before_the_cleaning()
    assert Image.open(image.file.path).getexif()  # the original is as it was uploaded

    rendition = image.get_rendition(spec)

    data = stored_bytes(rendition.file)
    assert_no_metadata(data)
    with Image.open(io.BytesIO(data)) as kept:
        assert kept.size == size
        top, bottom = kept.getpixel((size[0] // 2, 5)), kept.getpixel((size[0] // 2, size[1] - 5))
        assert is_close(top, RED) and is_close(bottom, BLUE)  # upright


def test_clean_image_metadata_cleans_originals_stored_before_and_drops_their_renditions(
    django_capture_on_commit_callbacks,
):
    """`manage.py clean_image_metadata` for images uploaded before originals were cleaned:
    the original on disk loses its metadata, old renditions go, and a second run changes
    nothing."""
    image = stored_before_the_cleaning()
    name = image.file.name
    old_rendition = image.get_rendition("width-400")
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_image_metadata", stdout=out)
        call_command("clean_image_metadata", stdout=out)

    image.refresh_from_db()
    assert_no_metadata(stored_bytes(image.file))
    assert (image.width, image.height) == (800, 1200)  # upright
    assert image.credit == CREDIT
    assert not default_storage.exists(name)
    assert not image.renditions.filter(pk=old_rendition.pk).exists()
    assert out.getvalue().splitlines() == [
        "1 images cleaned, 0 could not be read.",
        "0 images cleaned, 0 could not be read.",
    ]
