"""The knowledge database's pages: the library (LibraryIndexPage) and its materials."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.groups import group_names
from home.models.pages import COMMENTS_PANEL, SitePage, comments_switch, unrestricted
from library.models.documents import MEMBERS_GROUPS, LibraryDocument, library_collection
from library.models.taxonomy import MaterialType, Topic


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("public: everybody may download the files")
    MEMBERS = "members", _("members only: the files need a member login")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "cc-by-nd-4.0", "CC BY-ND 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("all rights reserved")

    @property
    def url(self):
        """The licence text on creativecommons.org ("" for all rights reserved)."""
        if self is Licence.ALL_RIGHTS_RESERVED:
            return ""
        if self is Licence.CC0:
            return "https://creativecommons.org/publicdomain/zero/1.0/deed.de"
        kind = self.value.removeprefix("cc-").removesuffix("-4.0")
        return f"https://creativecommons.org/licenses/{kind}/4.0/deed.de"


class Language(models.TextChoices):
    GERMAN = "de", _("German")
    EASY_GERMAN = "de-easy", _("Easy-to-read German")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    PERSIAN = "fa", _("Persian (Farsi, Dari)")
    KURDISH = "ku", _("Kurdish")
    TIGRINYA = "ti", _("Tigrinya")
    TURKISH = "tr", _("Turkish")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    FRENCH = "fr", _("French")
    MULTILINGUAL = "mul", _("several languages")


def current_year():
    return timezone.localdate().year


YEARS = range(1990, 2101)  # that a material may name as its year


def year_from(text):
    """The year `text` names, or None: ASCII digits within YEARS (»²« is a digit to
    Python, and 10**20 would be too big for the database)."""
    if text.isascii() and text.isdigit() and int(text) in YEARS:
        return int(text)
    return None


class MaterialPageQuerySet(PageQuerySet):
    def visible(self):
        """Published materials that everybody may see (their files may still be for
        members only)."""
        return self.live().filter(unrestricted())

    def for_listing(self):
        return self.select_related("material_type", "organisation")

    def latest_public(self):
        """The newest materials whose files everybody may download, newest first."""
        return (
            self.visible()
            .filter(access_level=AccessLevel.PUBLIC)
            .for_listing()
            .order_by("-first_published_at", "-pk")
        )


class LibraryIndexPage(SitePage):
    """The knowledge database: every material below it, to browse by facets and words."""

    per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.MaterialPage"]
    max_count = 1

    class Meta:
        verbose_name = _("knowledge database")
        verbose_name_plural = _("knowledge databases")

    def get_context(self, request, *args, **kwargs):
        from library.browse import MaterialBrowser  # browse.py builds on these models

        context = super().get_context(request, *args, **kwargs)
        context["browser"] = MaterialBrowser(request, self, self.per_page)
        return context


class MaterialPage(SitePage):
    """A material of the knowledge database: a guide, a template, a study … with its files,
    links and metadata. Its summary is the page's lead (`intro`)."""

    kept_with = ("social_image", "material_type", "organisation")

    material_type = models.ForeignKey(
        MaterialType,
        verbose_name=_("material type"),
        null=True,
        on_delete=models.PROTECT,
        related_name="materials",
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), related_name="materials")
    target_group = models.CharField(
        _("target group"),
        max_length=200,
        blank=True,
        help_text=_("Who the material is for, e.g. »Ehrenamtliche PatInnen und Koordinierende«."),
    )
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
        help_text=_("The carrier or institution that published the material."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        default=current_year,
        validators=[MinValueValidator(YEARS.start), MaxValueValidator(YEARS.stop - 1)],
        help_text=_("Year of publication."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.GERMAN
    )
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
        help_text=_("Under which terms others may reuse the files."),
    )
    accessible_files = models.BooleanField(
        _("accessible files"),
        default=False,
        help_text=_("Tick when the files are barrier-free (e.g. tagged PDF with alt texts)."),
    )
    comments_enabled = comments_switch(default=True)
    access_level = models.CharField(
        _("access"),
        max_length=10,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        help_text=_(
            "The page itself is always visible. Members-only files move to a collection that "
            "only members and editors may download when the page is published."
        ),
    )
    source_id = models.CharField(
        _("import ID"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Key of the material in the files of the bulk import."),
    )

    objects = PageManager.from_queryset(MaterialPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel(
            "intro",
            heading=_("Summary"),
            help_text=_("Two or three sentences: shown in the list and at the top of the page."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("material_type"), FieldPanel("year")]),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisation"),
                FieldPanel("target_group"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("licence")]),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("access_level", widget=forms.RadioSelect),
                FieldPanel("accessible_files"),
            ],
            heading=_("Access"),
        ),
        InlinePanel(
            "documents",
            heading=_("Files"),
            label=_("File"),
            help_text=_("The files to download, e.g. the guide as PDF and the template as DOCX."),
        ),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
        FieldPanel("body", heading=_("Further text")),
        InlinePanel("related_materials", heading=_("Related materials"), label=_("Material")),
    ]
    settings_panels = SitePage.settings_panels + [COMMENTS_PANEL]
    search_fields = SitePage.search_fields + [
        index.SearchField("target_group"),
        index.RelatedFields("material_type", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields(
            "organisation", [index.SearchField("name"), index.SearchField("short_name")]
        ),
        index.FilterField("year"),
        index.FilterField("access_level"),
        index.FilterField("material_type"),
        index.FilterField("organisation"),
    ]

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.UniqueConstraint(
                fields=["source_id"], condition=~Q(source_id=""), name="unique_material_source_id"
            )
        ]
        # The list's default order starts with the year.
        indexes = [models.Index(fields=["year"], name="material_year")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when a part of the page is not kept as HTML already (the template's
        # shared fragments, under SITE): the render after a change, or an editor's preview.
        context["parts"] = SimpleLazyObject(self.shown_parts)
        context["library"] = self.get_parent()
        context["may_download"] = self.may_download(request.user)
        return context

    def shown_parts(self):
        """What the page shows besides its own fields, the same for every reader."""
        visible = MaterialPage.objects.visible().for_listing()
        related = visible.filter(pk__in=self.related_materials.values("material_id"))
        from_organisation = []
        if self.organisation_id:
            from_organisation = (
                visible.filter(organisation_id=self.organisation_id)
                .exclude(pk=self.pk)
                .order_by("-year", "title")[:5]
            )
        return {
            "files": list(self.documents.select_related("document")),
            "links": list(self.links.all()),
            "topics": list(self.topics.all()),
            "related": list(related.order_by("title")),
            "from_organisation": list(from_organisation),
        }

    def clean(self):
        super().clean()
        if not self.intro.strip():
            raise ValidationError({"intro": _("Please write a short summary of the material.")})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            # The search index was updated on post_save, before modelcluster stored the
            # topics: index again with the topics just saved.
            index.insert_or_update_object(self)
            self.place_documents()

    @property
    def members_only(self):
        return self.access_level == AccessLevel.MEMBERS

    @property
    def licence_choice(self):
        return Licence(self.licence)

    def may_download(self, user):
        """Whether `user` may download this material's files."""
        if not self.members_only or user.is_superuser:
            return True
        return bool(group_names(user) & set(MEMBERS_GROUPS))

    def place_documents(self):
        """Move the files into the collection the access level asks for: members-only
        materials keep theirs in the restricted collection (a file that a members-only
        material uses stays there, whatever other materials use it); files of public
        materials leave it."""
        documents = list(LibraryDocument.objects.filter(pk__in=self.documents.values("document")))
        if not documents:
            return
        members_ids = set(
            MaterialDocument.objects.filter(
                document__in=documents, page__access_level=AccessLevel.MEMBERS
            ).values_list("document_id", flat=True)
        )
        members, public = library_collection(members_only=True), library_collection(False)
        for document in documents:
            if document.pk in members_ids:
                target = members
            elif document.collection_id == members.pk:
                target = public
            else:
                continue
            if document.collection_id != target.pk:
                document.collection = target
                document.save(update_fields=["collection"])


class MaterialDocument(Orderable):
    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        LibraryDocument, verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Shown as the download link; the document's title when left empty."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.label or self.document.title


class MaterialLink(Orderable):
    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("link text"), max_length=200)
    url = models.URLField(_("web address"), max_length=500)

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.label


class RelatedMaterial(Orderable):
    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="related_materials")
    material = models.ForeignKey(
        MaterialPage, verbose_name=_("material"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("material")]

    class Meta(Orderable.Meta):
        verbose_name = _("related material")
        verbose_name_plural = _("related materials")
