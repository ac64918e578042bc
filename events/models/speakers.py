"""Speakers: snippets that congresses reuse from year to year."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models.pages import german_slug


class Speaker(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=160)
    title = models.CharField(
        _("title or role"),
        max_length=200,
        blank=True,
        help_text=_("e.g. »Referentin für Engagementpolitik« or »Prof. Dr.«"),
    )
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=200,
        blank=True,
        help_text=_("For speakers whose organisation is no carrier of the programme."),
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait; its credit is shown below it."),
    )
    bio = models.TextField(_("short bio"), max_length=800, blank=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("organisation_name"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [
        # Weighs like a title: the speaker before the sessions that list them.
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = german_slug(self.name) or "person"
            slug, number = base, 1
            while Speaker.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def affiliation(self):
        """The organisation to print after the name."""
        if self.organisation_id:
            return self.organisation.name
        return self.organisation_name

    @property
    def anchor(self):
        """The id of the speaker's entry on a congress page."""
        return f"person-{self.slug}"
