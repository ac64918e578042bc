"""The knowledge database's taxonomies, edited as snippets: topics and material types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from home.models import NamedModel


class Topic(NamedModel, Orderable):
    """A subject of the field, e.g. »Recht und Aufenthalt«; events and the member area use
    them too."""

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class MaterialType(NamedModel, Orderable):
    """What kind of material it is, e.g. »Leitfaden« or »Praxisbeispiel«."""

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("material type")
        verbose_name_plural = _("material types")
