"""Members' profile photos: what an upload must be, and what is kept of it.

Only JPEG, PNG and WebP files up to 5 MB and 40 megapixels (PNG and WebP: 16) are accepted,
judged by Pillow from the file's content, never by its name. The size in pixels is read from
the header before any pixel is decoded, so a small file that would unpack to gigabytes (a
»decompression bomb«) is refused without being unpacked. What is kept is a new JPEG: turned
upright as the camera's orientation tag says, at most 600×600 pixels, and without any of the
original's metadata (EXIF with GPS position and camera, XMP, ICC, comments), as
home/images.py leaves the site's images.

A JPEG, which is what phones and cameras send, is decoded at 1/2, 1/4 or 1/8 of its size
where that still leaves at least twice the 600 pixels (Pillow's draft mode): a photo of 40
megapixels then takes a small fraction of the time and memory of decoding all of it. PNG and
WebP cannot be decoded that way, and WebP is the slowest to decode of the three, so they are
accepted up to 16 megapixels: more than a phone's 12-megapixel photo (4032×3024), and more
than any screenshot or graphic needs."""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from home.images import NO_METADATA, metadata_free

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PIXELS_DECODED_IN_FULL = 16_000_000  # PNG and WebP (see above)
FORMATS = ("JPEG", "PNG", "WEBP")
DRAFT_FORMATS = ("JPEG", "MPO")  # MPO: a phone's JPEG with a second picture (Pillow's name)
BOX = (600, 600)
QUALITY = 85

NOT_AN_IMAGE = _("This file is not a photo we can use. Please upload a JPEG, PNG or WebP image.")
TOO_LARGE = _("The photo is larger than 5 MB. Please upload a smaller file.")
TOO_MANY_PIXELS = _(
    "The photo has too many pixels (more than 40 megapixels). Please upload a smaller image."
)
TOO_MANY_PIXELS_DECODED_IN_FULL = _(
    "A PNG or WebP photo may have at most 16 megapixels. "
    "Please upload a smaller image or the photo as a JPEG."
)


def processed_photo(upload):
    """A ContentFile with the cleaned JPEG made from `upload` (an uploaded file), named
    members/<random>.jpg by the field's upload_to; ValidationError for anything else."""
    if upload.size > MAX_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    image = opened_image(upload)
    try:
        # A JPEG decoded at a fraction of its size, still twice the box (what thumbnail()
        # would ask for itself, were the image not loaded before it); other formats ignore it.
        image.draft(None, (BOX[0] * 2, BOX[1] * 2))
        image = flattened(metadata_free(image))
        image.thumbnail(BOX, Image.Resampling.LANCZOS)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from error
    output = io.BytesIO()
    image.save(output, "JPEG", quality=QUALITY, optimize=True, progressive=True, **NO_METADATA)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def opened_image(upload):
    """`upload` opened by Pillow (only the header is read), if it is a JPEG, PNG or WebP
    image of acceptable size in pixels."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice that: make it an error, too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from error
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
    if image.format not in DRAFT_FORMATS and width * height > MAX_PIXELS_DECODED_IN_FULL:
        raise ValidationError(TOO_MANY_PIXELS_DECODED_IN_FULL, code="too_many_pixels")
    return image


def flattened(image):
    """`image` in RGB, as JPEG needs: transparent parts become white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
