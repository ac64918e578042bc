"""The registry: which models each cache depends on, and what the frontend cache must forget
when one changes. The same declaration sets the new versions (home/caching.py, after the
commit), sends the purges or the ban, and builds again after a request what every page reads.
A model that pages or cached values read is added here in the same commit:
tests/config/test_cache_registry.py fails for a model of the project that is neither here nor
in NOT_CACHED.

The caches (README, »Caches«): SITE — the site of a host name, site settings, menus, view
restrictions, page types below their parents, the footer, the library's facet catalogue,
popular topics and visitors' whole pages (PageCacheMiddleware); SEARCH — hit lists,
what the library's free text found, synonyms, editors' picks; and Varnish, which keeps
visitors' views of public pages and is told by `shown_on`.
"""

import copy
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django_comments.models import Comment, CommentFlag
from django_comments_xtd.models import BlackListedDomain
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.signals import task_finished
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.models import (
    CollectionItem,
    Follow,
    GroupMaterial,
    GroupMeeting,
    GroupMembership,
    GroupThread,
    MaterialCollection,
    MemberProfile,
    Notification,
    NotificationSetting,
    PrivacyRequest,
    Question,
    SpokenLanguage,
    WorkingGroup,
)
from events.models import (
    AgendaSession,
    CalendarFeed,
    GalleryImage,
    Registration,
    Speaker,
    StarredSession,
)
from home import frontend_cache
from home.caching import (
    SEARCH,
    SITE,
    changed,
    new_versions,
    rebuild_after_changes,
    rows_updated,
)
from home.models import Organisation, OutgoingMail, SiteImage, SiteRendition
from home.site_cache import rebuild_shared_values
from library.facets import rebuild_catalogues
from library.models import (
    LibraryDocument,
    MaterialDocument,
    MaterialLink,
    MaterialPage,
    MaterialType,
    RelatedMaterial,
    Topic,
)
from search.models import SearchTerm, SynonymGroup

EVERY_PAGE = "every page"  # the frontend cache forgets everything


def page_of(part):
    """The page that shows `part` (a page, or a part of one saved with it), whose address
    and listings the frontend cache forgets; EVERY_PAGE when that is not known."""
    if isinstance(part, Page):
        return part
    if isinstance(part, AgendaSession | GalleryImage):
        return part.congress
    if isinstance(part, MaterialDocument | MaterialLink | RelatedMaterial):
        return part.page
    return EVERY_PAGE


def commented_page(comment):
    """A comment shows on its material's page and as a count on its session's congress page;
    comments on questions only on members' pages, which no cache keeps."""
    target = comment.content_object
    return page_of(target) if isinstance(target, Page | AgendaSession) else None


@dataclass(frozen=True)
class Dependency:
    caches: tuple
    # The page a changed object shows on (a function of it), EVERY_PAGE, or None where the
    # frontend cache keeps no page that shows it.
    shown_on: object = EVERY_PAGE


PAGE_PART = Dependency((SITE,), page_of)
RESTRICTION = Dependency((SITE, SEARCH))

# Subclasses count: Page stands for every page type, BaseSiteSetting for the settings.
DEPENDS_ON = {
    # Pages: any save (a draft too) makes SITE stale; publications, unpublications, moves
    # and deletions purge the page and its listings (`purge_page`, `purge_moved_page`).
    Page: Dependency((SITE,), None),
    # Parts of a page, saved when it is published.
    MaterialDocument: PAGE_PART,
    MaterialLink: PAGE_PART,
    RelatedMaterial: PAGE_PART,
    MaterialPage.topics.through: PAGE_PART,
    AgendaSession: PAGE_PART,
    AgendaSession.topics.through: PAGE_PART,
    AgendaSession.speakers.through: PAGE_PART,
    AgendaSession.materials.through: PAGE_PART,
    GalleryImage: PAGE_PART,
    # What every page shows or decides who may see it.
    Site: Dependency((SITE,)),
    BaseSiteSetting: Dependency((SITE,)),
    PageViewRestriction: RESTRICTION,
    PageViewRestriction.groups.through: RESTRICTION,
    CollectionViewRestriction: RESTRICTION,  # members-only files, marked on material pages
    CollectionViewRestriction.groups.through: RESTRICTION,
    # Snippets, images and files any page may show.
    Organisation: Dependency((SITE,)),
    Topic: Dependency((SITE,)),
    MaterialType: Dependency((SITE,)),
    Speaker: Dependency((SITE,)),
    SiteImage: Dependency((SITE,)),
    LibraryDocument: Dependency((SITE, SEARCH)),
    Comment: Dependency((SITE,), commented_page),
    # What the search finds: besides these, every model in its index (`caches_of`).
    SynonymGroup: Dependency((SEARCH,), None),
    SearchPromotion: Dependency((SEARCH,), None),
    Query: Dependency((SEARCH,), None),
}

MEMBERS_ONLY = "shown only to signed-in members, whose pages no cache keeps"
GROUPS = "working groups: their pages and »Mein Bereich« are rendered per person, never kept"
NOT_CACHED = {
    Registration: "its free places show on the congress page, which caches keep at most "
    "FRONTEND_CACHE_S_MAXAGE seconds; the registration form counts them anew",
    Registration.workshops.through: "as Registration",
    SiteRendition: "made while a page renders; its address follows from its image",
    CommentFlag: "a report to the moderators, shown in the admin only",
    BlackListedDomain: "what the comment form refuses, never shown",
    SearchTerm: "what people searched for, shown in the admin's reports only",
    OutgoingMail: "the outbox of e-mails, shown in the admin only",
    StarredSession: MEMBERS_ONLY,
    CalendarFeed: MEMBERS_ONLY,
    MaterialCollection: MEMBERS_ONLY,
    CollectionItem: MEMBERS_ONLY,
    Follow: MEMBERS_ONLY,
    Notification: MEMBERS_ONLY,
    NotificationSetting: MEMBERS_ONLY,
    PrivacyRequest: MEMBERS_ONLY,
    WorkingGroup: GROUPS,
    WorkingGroup.topics.through: GROUPS,
    GroupMembership: GROUPS,
    GroupThread: GROUPS,
    GroupMeeting: GROUPS,
    GroupMaterial: GROUPS,
    SpokenLanguage: MEMBERS_ONLY,
    Question.topics.through: MEMBERS_ONLY,
    Question.materials.through: MEMBERS_ONLY,
    MemberProfile.topics.through: MEMBERS_ONLY,
    MemberProfile.languages.through: MEMBERS_ONLY,
}

# What every page reads, built again after a request that made it stale.
REBUILT_AFTER_CHANGES = {SITE: [rebuild_shared_values, rebuild_catalogues]}


@cache
def dependency_of(model):
    """The declared dependency of `model` (or of a model it inherits from), with SEARCH
    added for the models in the search index; None for a model no cache depends on."""
    found = next((d for m, d in DEPENDS_ON.items() if issubclass(model, m)), None)
    if model in index.get_indexed_models():
        found = found or Dependency((), None)
        found = Dependency(tuple(dict.fromkeys((*found.caches, SEARCH))), found.shown_on)
    return found


def forget(dependency, instance):
    shown_on = dependency.shown_on
    if not frontend_cache.enabled():  # the versions alone; no page to look up
        changed(*dependency.caches)
        return
    if shown_on is not None and shown_on != EVERY_PAGE:
        try:
            shown_on = shown_on(instance)
        except ObjectDoesNotExist:  # its page is being deleted as well
            shown_on = EVERY_PAGE
    if shown_on == EVERY_PAGE:
        changed(*dependency.caches, everything=True)
    else:
        changed(*dependency.caches, pages=[shown_on] if shown_on else ())


def object_changed(sender, instance, **kwargs):
    """post_save, post_delete of any model."""
    dependency = dependency_of(sender)
    if dependency is not None:
        forget(dependency, instance)


def relation_changed(sender, instance, action, **kwargs):
    """m2m_changed: the through model stands for the relation."""
    dependency = dependency_of(sender)
    if dependency is not None and action.startswith("post_"):
        forget(dependency, instance)


def objects_updated(sender, objects, **kwargs):
    """home.caching.rows_updated: rows changed by QuerySet.update()."""
    for instance in objects:
        object_changed(sender, instance)


def purge_page(instance, **kwargs):
    """page_published, page_unpublished (a deletion unpublishes first)."""
    if frontend_cache.shows_on_other_pages(instance):
        changed(SITE, everything=True)
    else:
        changed(SITE, pages=[instance])


def purge_moved_page(instance, parent_page_before, url_path_before, **kwargs):
    """post_page_move: the page at its old and new address, and both sets of listings."""
    if frontend_cache.shows_on_other_pages(instance):
        changed(SITE, everything=True)
        return
    if not frontend_cache.enabled():
        changed(SITE)
        return
    moved_from = copy.copy(instance)
    moved_from.url_path = url_path_before
    urls = frontend_cache.page_urls([moved_from])
    urls |= frontend_cache.listed_urls(parent_page_before)
    changed(SITE, urls=urls, pages=[instance])


# Wagtail's search index of an object is updated by the task worker after the commit that
# changed it (TASKS). The search backend makes SEARCH stale itself when it indexes
# (search/cache.py); but a visitor's view of the library's free text, made in between with
# the old index, may be kept by the frontend cache since the commit's purge: it is purged
# again once the index is updated, as the commit purged it.
INDEX_UPDATE = "modelsearch.tasks.insert_or_update_object_task"


def index_updated(sender, task_result, **kwargs):
    """django_tasks' task_finished. Indexed at once (the tests' backend), the index was
    updated in the change's own transaction, whose commit purges."""
    backend = sender if isinstance(sender, type) else type(sender)  # the worker sends one
    if issubclass(backend, ImmediateBackend) or not frontend_cache.enabled():
        return
    if task_result.task.module_path != INDEX_UPDATE:
        return
    app_label, model_name, pk = task_result.args
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:  # deleted meanwhile: its deletion purged
        return
    if isinstance(instance, Page):
        if instance.live:  # only a live page shows in listings and their free text
            changed(SEARCH, pages=[instance])
    else:  # an indexed model always has a dependency (dependency_of)
        forget(Dependency((SEARCH,), dependency_of(model).shown_on), instance)


def migrated(**kwargs):
    """After `migrate` (every deployment runs it): nothing cached before is read again."""
    new_versions()


def connect():
    post_save.connect(object_changed, dispatch_uid="caches-save")
    post_delete.connect(object_changed, dispatch_uid="caches-delete")
    m2m_changed.connect(relation_changed, dispatch_uid="caches-relation")
    rows_updated.connect(objects_updated, dispatch_uid="caches-rows-updated")
    task_finished.connect(index_updated, dispatch_uid="caches-index-updated")
    page_published.connect(purge_page, dispatch_uid="caches-publish")
    page_unpublished.connect(purge_page, dispatch_uid="caches-unpublish")
    post_page_move.connect(purge_moved_page, dispatch_uid="caches-move")
    home = apps.get_app_config("home")  # once per `migrate`, not once per app
    post_migrate.connect(migrated, sender=home, dispatch_uid="caches-migrate")
    for name, functions in REBUILT_AFTER_CHANGES.items():
        for function in functions:
            rebuild_after_changes(name, function)
