"""Members' document collections (»Merkliste«): named lists of library materials, private or
shared with all members, ordered, each item with a note."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from library.models import MaterialPage

DEFAULT_COLLECTION_NAME = "Merkliste"


class MaterialCollectionQuerySet(models.QuerySet):
    def readable_by(self, user):
        """The user's own collections and those other members share."""
        return self.filter(models.Q(owner=user) | models.Q(is_shared=True))


class MaterialCollection(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="material_collections",
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    is_shared = models.BooleanField(
        _("shared with all members"),
        default=False,
        help_text=_("Other approved members can see and download a shared collection."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MaterialCollectionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="one_collection_per_name")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:collection", args=[self.pk])


class CollectionItem(models.Model):
    collection = models.ForeignKey(
        MaterialCollection,
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    material = models.ForeignKey(
        MaterialPage,
        verbose_name=_("material"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "material"], name="a_material_once_per_collection"
            )
        ]

    def __str__(self):
        return f"{self.collection}: {self.material_id}"
