from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from home.models.pages import german_slug


class NamedModel(index.Indexed, models.Model):
    """A thing editors pick by name and visitors filter by slug: organisations, topics,
    material types. The slug is made from the name (German spelling without umlauts) when
    the editor leaves it empty."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("Part of the web address of filters; made from the name when left empty."),
    )

    search_fields = [
        # The name weighs like a page's title (Wagtail's boost 2), so a search for an
        # organisation by name finds it before the pages that merely mention it.
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or german_slug(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = self.slug or german_slug(self.name)


class FederalState(models.TextChoices):
    BADEN_WUERTTEMBERG = "BW", _("Baden-Württemberg")
    BAVARIA = "BY", _("Bavaria")
    BERLIN = "BE", _("Berlin")
    BRANDENBURG = "BB", _("Brandenburg")
    BREMEN = "HB", _("Bremen")
    HAMBURG = "HH", _("Hamburg")
    HESSE = "HE", _("Hesse")
    MECKLENBURG_WESTERN_POMERANIA = "MV", _("Mecklenburg-Western Pomerania")
    LOWER_SAXONY = "NI", _("Lower Saxony")
    NORTH_RHINE_WESTPHALIA = "NW", _("North Rhine-Westphalia")
    RHINELAND_PALATINATE = "RP", _("Rhineland-Palatinate")
    SAARLAND = "SL", _("Saarland")
    SAXONY = "SN", _("Saxony")
    SAXONY_ANHALT = "ST", _("Saxony-Anhalt")
    SCHLESWIG_HOLSTEIN = "SH", _("Schleswig-Holstein")
    THURINGIA = "TH", _("Thuringia")


PROGRAMME_START = 2016


class Organisation(NamedModel):
    """A carrier of the programme (Programmträger): association, welfare organisation or
    foundation. The knowledge database names it as publisher of materials; events and the
    member area use it too."""

    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("Abbreviation used where space is short, e.g. »DRK« or »AWO«."),
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Like every image, the logo needs an alt text and a credit."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=2000,
        help_text=_("What the organisation does in the programme, in two or three sentences."),
    )
    website = models.URLField(_("website"), blank=True)
    state = models.CharField(
        _("federal state"), max_length=2, choices=FederalState.choices, blank=True
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    programme_since = models.PositiveSmallIntegerField(
        _("in the programme since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(PROGRAMME_START), MaxValueValidator(2100)],
        help_text=_("Year the organisation joined »Menschen stärken Menschen«, e.g. 2016."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("state"), FieldPanel("city")],
            heading=_("Location"),
        ),
        FieldPanel("programme_since"),
    ]
    search_fields = NamedModel.search_fields + [
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.SearchField("city"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    @property
    def display_name(self):
        """The name with its abbreviation, e.g. »Deutsches Rotes Kreuz (DRK)«."""
        return f"{self.name} ({self.short_name})" if self.short_name else self.name
