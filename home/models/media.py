from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import UploadedFile

from home.images import MetadataFreeFile, MetadataFreeFilter, without_metadata


class SiteImage(AbstractImage):
    """An image with the alt text and the credit every published photo needs.

    Its file and every rendition are stored without metadata (home/images.py): no GPS
    position, camera, XMP, ICC profile or comment reaches /media/. The credit is kept here,
    in the database, and shown under the image."""

    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it, "
            "e.g. »Teilnehmende des Fachkongresses im Plenum«."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        help_text=_(
            "Photographer or rights holder, shown under the image, "
            "e.g. »Foto: Jörg Farys/www.dieprojektoren.de«."
        ),
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def save(self, *args, **kwargs):
        """Saves a newly chosen file (upload, import, demo content) without its metadata,
        and the size and hash Wagtail keeps of it as they are for the file stored."""
        new_file = self.file and not self.file._committed
        if new_file and not isinstance(self.file.file, MetadataFreeFile):
            self.file = without_metadata(self.file)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)

    def generate_rendition_file(self, filter, *, source=None):
        """The rendition's file, without metadata even where the original still has some
        (images stored before their files were cleaned)."""
        return super().generate_rendition_file(MetadataFreeFilter(filter.spec), source=source)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@receiver(pre_save, sender=UploadedFile)
def upload_without_metadata(sender, instance, **kwargs):
    """Wagtail's multiple upload keeps an image it cannot save yet (alt text and credit are
    still missing) as an UploadedFile under /media/wagtail_uploads/ until the editor has
    filled them in: that file, too, is stored without metadata."""
    is_image = instance.for_content_type_id == ContentType.objects.get_for_model(SiteImage).pk
    if is_image and instance.file and not instance.file._committed:
        instance.file = without_metadata(instance.file)
