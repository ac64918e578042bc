from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image

from home.images import without_metadata
from home.models import SiteImage

# What Pillow reads into `image.info` that is metadata (PNG text comes as `image.text`).
METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop", "iptc")


def has_metadata(file):
    with file.open("rb"), Image.open(file) as image:
        text = getattr(image, "text", None)
        return bool(text) or any(image.info.get(key) for key in METADATA)


class Command(BaseCommand):
    help = (
        "Store the original of every image that still carries metadata (GPS position, camera, "
        "XMP, ICC profile, comments) anew without it, and drop its renditions, which are then "
        "made again without metadata. For images uploaded before uploads were cleaned; images "
        "added since are stored clean. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        cleaned = failed = 0
        images = SiteImage.objects.order_by("pk")
        for number, image in enumerate(images.iterator(), start=1):
            if self.stdout.isatty():
                self.stdout.write(f"\r{number}/{images.count()}", ending="")
            try:
                if not has_metadata(image.file):
                    continue
                self.clean(image)
            except (OSError, ValueError, SyntaxError) as error:
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")
                failed += 1
            else:
                cleaned += 1
        self.stdout.write(f"{cleaned} images cleaned, {failed} could not be read.")

    @transaction.atomic
    def clean(self, image):
        storage, old_name = image.file.storage, image.file.name
        with image.file.open("rb") as original:
            clean = without_metadata(original)
        image.file = clean
        image._set_image_file_metadata()
        image.save()
        image.renditions.all().delete()  # Wagtail deletes their files after the commit
        transaction.on_commit(lambda: storage.delete(old_name))
