from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.core.cache import cache
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion
        from wagtail.models import CollectionViewRestriction, PageViewRestriction

        from search.cache import index_changed
        from search.models import PROMOTED_QUERIES_CACHE_KEY, SYNONYMS_CACHE_KEY, SynonymGroup

        # What the search caches, and the models whose changes make it stale.
        cached = {
            SynonymGroup: SYNONYMS_CACHE_KEY,
            SearchPromotion: PROMOTED_QUERIES_CACHE_KEY,
            Query: PROMOTED_QUERIES_CACHE_KEY,
        }
        for model, key in cached.items():

            def forget(key=key, **kwargs):
                cache.delete(key)

            uid = f"search-cache-{model.__name__}"
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=uid)
            post_delete.connect(forget, sender=model, weak=False, dispatch_uid=uid)

        # Who may find what, and what a word stands for: the kept hit lists are stale.
        for model in (PageViewRestriction, CollectionViewRestriction, SynonymGroup):
            uid = f"search-hits-{model.__name__}"
            post_save.connect(index_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(index_changed, sender=model, dispatch_uid=uid)
            if model is not SynonymGroup:
                m2m_changed.connect(
                    index_changed, sender=model.groups.through, dispatch_uid=f"{uid}-groups"
                )
