from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.caching import SITE, cached
from home.groups import group_names
from home.pagination import page_of
from home.site_cache import child_page, view_restrictions

GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def german_slug(text):
    """A web address part in ASCII the way Germans spell without umlauts:
    »Erklärung zur Barrierefreiheit« → »erklaerung-zur-barrierefreiheit«."""
    return slugify(text.lower().translate(GERMAN_LETTERS))


def unrestricted(path=None):
    """A filter for pages that no view restriction covers (the page's own or an ancestor's),
    like Wagtail's `.public()` but checked inside the query: `.public()` first reads every
    restriction in a query of its own. `path` points to the page's path, e.g.
    `OuterRef("congress__path")` for rows that belong to a page."""
    covering = PageViewRestriction.objects.filter(
        StartsWith(path if path is not None else OuterRef("path"), F("page__path"))
    )
    return ~Exists(covering)


def viewable_by(user, path=None):
    """Like `unrestricted()`, for `user`: restrictions to a group of theirs (or to logged-in
    people, for anyone in a group) do not hide a page; password restrictions always do, as
    do all restrictions for visitors and accounts that are not yet approved."""
    covering = PageViewRestriction.objects.filter(
        StartsWith(path if path is not None else OuterRef("path"), F("page__path"))
    )
    if user.is_authenticated and user.is_active:
        passed = Q(restriction_type=PageViewRestriction.GROUPS, groups__user=user)
        if user.is_superuser or group_names(user):
            passed |= Q(restriction_type=PageViewRestriction.LOGIN)
        if user.is_superuser:
            passed = ~Q(restriction_type=PageViewRestriction.PASSWORD)
        covering = covering.exclude(passed)
    return ~Exists(covering)


def comments_switch(default):
    """The page setting that opens a page to members' comments (the member area shows and
    takes them; only approved members read them)."""
    return models.BooleanField(
        _("comments by members"),
        default=default,
        help_text=_(
            "Approved members may comment below the page; only members read the comments. "
            "Leave it off for legal pages."
        ),
    )


COMMENTS_PANEL = FieldPanel("comments_enabled")


class SitePage(Page):
    """What every page of the public site has: a lead, a body and a picture for sharing."""

    intro = models.TextField(
        _("lead"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown in large type below the title."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared in social networks or messengers."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("social_image")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    # The field holding the page's own main image, used for link previews.
    main_image_field = "social_image"
    # Related objects every render shows, read when the page is kept in the site cache
    # (home/site_cache.py), so that no render reads them again.
    kept_with = ("social_image",)

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # The admin suggests »erklärung-…« from the title; the address gets »erklaerung-…«.
        if self.slug:
            self.slug = german_slug(self.slug)
        super().full_clean(*args, **kwargs)

    def route(self, request, path_components):
        """Like Wagtail's, with each level's page from the site cache instead of two
        queries (home/site_cache.py)."""
        if not path_components:
            return super().route(request, path_components)
        slug, *remaining = path_components
        child = child_page(self, slug)
        if child is None:
            return super().route(request, path_components)  # Wagtail's answer, e.g. 404
        child._cached_parent_obj = self  # treebeard's cache of get_parent()
        return child.route(request, remaining)

    def get_view_restrictions(self):
        """Wagtail's check before serving a page, without a query when no restriction
        covers the page (home/site_cache.py keeps where restrictions are)."""
        restrictions = view_restrictions(self)
        return super().get_view_restrictions() if restrictions is None else restrictions

    @property
    def has_contact_card(self):
        """Whether the body shows a contact card (the sidebar then leaves out the contacts)."""
        return any(block.block_type == "contact" for block in self.body)

    @property
    def sharing_image(self):
        """The picture for link previews: the sharing image, else the page's own main image."""
        return self.social_image or getattr(self, self.main_image_field, None)


class HomePage(SitePage):
    headline = models.CharField(
        _("headline"),
        max_length=160,
        blank=True,
        help_text=_("Main heading of the start page; the page title is used when empty."),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Large photo at the top of the start page; its caption and credit show below."),
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=300, blank=True)
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the teaser box points to, e.g. the next congress."),
    )
    featured_title = models.CharField(_("teaser title"), max_length=160, blank=True)
    featured_text = models.TextField(_("teaser text"), max_length=600, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("headline"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")],
            heading=_("Hero image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("featured_page"),
                FieldPanel("featured_title"),
                FieldPanel("featured_text"),
            ],
            heading=_("Teaser"),
            help_text=_("A highlighted box on the start page, e.g. for the congress."),
        ),
        FieldPanel("body"),
    ]

    main_image_field = "hero_image"
    kept_with = ("social_image", "hero_image", "featured_page")

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("start page")
        verbose_name_plural = _("start pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(cached(SITE, f"home-parts:{self.pk}", self.shown_parts))
        return context

    def shown_parts(self):
        """The newest news items and the news list, kept in the cache SITE."""
        return {
            "latest_news": list(NewsPage.objects.latest_for(self)[:3]),
            "news_index": NewsIndexPage.objects.descendant_of(self).live().first(),
        }


class ContentPage(SitePage):
    """A page of text and media: the programme, knowledge transfer, contact, legal pages."""

    comments_enabled = comments_switch(default=False)

    settings_panels = SitePage.settings_panels + [COMMENTS_PANEL]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class NewsIndexPage(SitePage):
    per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news list")
        verbose_name_plural = _("news lists")

    def get_context(self, request, *args, **kwargs):
        """The page of news asked for. Its items are read only where the template renders
        them: the list is kept as HTML per page number (templates/home/news_index_page.html)
        and the number of news with it, so a kept page of the list reads nothing."""
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.latest_for(self)
        count = cached(SITE, f"news-count:{self.pk}", news.count)
        context["news"] = page_of(news, request.GET.get("page", 1), self.per_page, count=count)
        return context


class NewsPageQuerySet(PageQuerySet):
    def latest_for(self, ancestor):
        """Published, public news below `ancestor`, newest first, ready for a listing."""
        return (
            self.descendant_of(ancestor)
            .live()
            .filter(unrestricted())
            .select_related("image")
            .order_by("-date", "-first_published_at", "-pk")
        )


class NewsPage(SitePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("Two or three sentences shown in the news list and on the start page."),
    )
    comments_enabled = comments_switch(default=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the news item and in the list."),
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()
    main_image_field = "image"
    kept_with = ("social_image", "image")

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    settings_panels = SitePage.settings_panels + [COMMENTS_PANEL]
    search_fields = SitePage.search_fields + [index.SearchField("teaser")]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
