"""Pictures without metadata: what an image keeps when it is stored under /media/.

Phones and cameras write the place a photo was taken (GPS), the camera and its serial number,
the time and the software into EXIF and XMP; programs add ICC colour profiles (with the
device's name), PNG text chunks and comments. None of it is needed to show the picture, and
everything under /media/ is public. So every picture is saved anew from its pixels alone:

- turned upright first as its EXIF orientation says (the tag goes with the rest of EXIF);
- with colours converted to sRGB where an ICC profile says they are in another colour space
  (Display P3 of phones, Adobe RGB of cameras), so that they look the same without the
  profile, which browsers then read as sRGB;
- in the format it came in; a JPEG with its own quantization tables, so that saving it again
  costs as little quality as possible.

`metadata_free` does this to an image opened with Pillow (community/members/photos.py uses it for
members' photos), `without_metadata` to an uploaded file, and `MetadataFreeFilter` to every
rendition Wagtail makes (home/models/media.py uses both for the site's images).
"""

import functools
import io
import os
import struct

from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps, JpegImagePlugin
from wagtail.images.image_operations import FilterOperation
from wagtail.images.models import Filter
from willow.plugins.pillow import PillowImage

# What Pillow reads into `image.info` that the pixels need; everything else there is metadata
# (exif, xmp, icc_profile, comment, PNG text, Photoshop/IPTC, dpi, ...).
PIXEL_INFO = ("transparency", "background", "duration", "loop")
# Given to every save, so that Pillow writes none of it even where it would copy it from
# `image.info` by itself (a JPEG's comment, a PNG's ICC profile, a GIF's comments).
NO_METADATA = {"exif": b"", "xmp": b"", "icc_profile": None, "comment": b""}
# The formats an image is saved in again, by the format it came in (MPO: a phone's JPEG with
# a second picture such as a depth map, of which only the photo is kept).
SAVED_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "GIF"}
WEBP_QUALITY = 90


class MetadataFreeFile(ContentFile):
    """An image file as `without_metadata` made it."""


def metadata_free(image):
    """A copy of `image` (opened by Pillow) turned upright, in sRGB and without metadata."""
    upright = ImageOps.exif_transpose(image)
    clean = in_srgb(upright, upright.info.get("icc_profile"))
    clean.info = {key: value for key, value in upright.info.items() if key in PIXEL_INFO}
    return clean


def in_srgb(image, icc_profile):
    """`image` converted from the colour space `icc_profile` describes to sRGB; unchanged
    where there is no profile or it cannot be applied (then it is dropped all the same)."""
    if not icc_profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        return ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
            srgb_profile(),
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


@functools.cache
def srgb_profile():
    return ImageCms.createProfile("sRGB")


def without_metadata(file):
    """A MetadataFreeFile with the picture of `file` (a JPEG, PNG, WebP or GIF), named like
    it; Pillow's errors (OSError, ValueError, ...) for anything it cannot read."""
    file.seek(0)
    data = file.read()
    with Image.open(io.BytesIO(data)) as image:
        kind = SAVED_AS.get(image.format)
        if kind is None:
            raise ValueError(f"Cannot save {image.format} images without metadata.")
        options = {**encoding_options(image, data), **NO_METADATA}
        output = io.BytesIO()
        if kind != "JPEG" and getattr(image, "is_animated", False):
            # Every frame as it is (animations carry no orientation); the metadata stays
            # behind through NO_METADATA and the cleared info.
            image.info = {key: value for key, value in image.info.items() if key in PIXEL_INFO}
            image.save(output, kind, save_all=True, **options)
        else:
            metadata_free(image).save(output, kind, **options)
    return MetadataFreeFile(output.getvalue(), name=os.path.basename(file.name))


def encoding_options(image, data):
    """How to save `image` (as opened from `data`) again with the quality it has."""
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        return {
            "qtables": image.quantization,
            "subsampling": JpegImagePlugin.get_sampling(image),
            "progressive": "progressive" in image.info or "progression" in image.info,
            "optimize": True,
        }
    if image.format == "WEBP":
        if b"VP8L" in riff_chunk_types(data):  # lossless
            return {"lossless": True}
        return {"quality": WEBP_QUALITY}
    return {}


def riff_chunk_types(data):
    """The chunk types of a RIFF file such as a WebP image."""
    types, position = [], 12
    while position + 8 <= len(data):
        types.append(data[position : position + 4])
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        position += 8 + length + (length & 1)
    return types


class WithoutMetadata(FilterOperation):
    """The last step of every rendition: the picture as `metadata_free` leaves it (Willow
    would otherwise copy the original's EXIF and ICC profile into JPEG, PNG and WebP
    renditions, and Pillow its comment into JPEGs)."""

    def construct(self):
        pass

    def run(self, willow, image, env):
        if isinstance(willow, PillowImage):
            return PillowImage(metadata_free(willow.image))
        return willow


class MetadataFreeFilter(Filter):
    """Wagtail's Filter for a rendition spec such as `fill-600x400`, ending with
    WithoutMetadata; renditions made with it are named and cached as with Wagtail's own."""

    @property
    def filter_operations(self):
        return [*super().filter_operations, WithoutMetadata("without-metadata")]
