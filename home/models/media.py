from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class SiteImage(AbstractImage):
    """An image with the alt text and the credit every published photo needs."""

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


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
