from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import ContactsBlock, FooterLinksBlock
from home.caching import SITE, cached


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What every page shows around its content: contacts, funding notice, footer links."""

    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("Short line under the site name in the header; also the default description."),
    )
    contacts = StreamField(
        ContactsBlock(),
        verbose_name=_("contacts"),
        blank=True,
        help_text=_("The project team's contacts, shown beside the content of every page."),
    )
    funding_notice = models.CharField(
        _("funding notice"),
        max_length=255,
        default=(
            "Das Projekt wird gefördert vom Bundesministerium für Familie, Senioren, "
            "Frauen und Jugend."
        ),
        help_text=_("Sentence shown in the footer of every page."),
    )
    funding_logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("funding logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Logo of the funding ministry; without one the ministry's name is shown."),
    )
    funder_name = models.CharField(
        _("funder"),
        max_length=160,
        default="Bundesministerium für Familie, Senioren, Frauen und Jugend",
    )
    funder_url = models.URLField(
        _("funder's website"),
        blank=True,
        help_text=_("e.g. the programme page on the ministry's website."),
    )
    footer_links = StreamField(
        FooterLinksBlock(),
        verbose_name=_("footer links"),
        blank=True,
        help_text=_("e.g. Impressum, Datenschutz, Erklärung zur Barrierefreiheit, Kontakt."),
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("contacts"),
        MultiFieldPanel(
            [
                FieldPanel("funding_notice"),
                FieldPanel("funder_name"),
                FieldPanel("funder_url"),
                FieldPanel("funding_logo"),
            ],
            heading=_("Funding notice"),
        ),
        FieldPanel("footer_links"),
    ]

    select_related = ["funding_logo"]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @classmethod
    def for_site(cls, site):
        """The settings of `site`, kept in the cache SITE (home/caching.py)."""
        if site is None:
            return super().for_site(site)
        read = super().for_site
        return cached(SITE, f"site-settings:{site.pk}", lambda: read(site))
