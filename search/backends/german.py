from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults

from search.cache import index_changed
from search.language import clean, expand, words


class NothingFound(EmptySearchResults):
    """No results, for a query of stop words or punctuation only; unlike modelsearch's
    empty results it knows its model, which Wagtail's admin lists ask for."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


def nothing_found(model_or_queryset):
    is_queryset = isinstance(model_or_queryset, QuerySet)
    return NothingFound(model_or_queryset.model if is_queryset else model_or_queryset)


class NotifyingRebuilder:
    """Mixed into a backend's rebuilder: `update_index` makes the kept hit lists stale."""

    def finish(self):
        super().finish()
        index_changed()


class GermanQueries:
    """Mixed into a backend: a typed query is expanded into its German alternatives (see
    search/language.py); a query of stop words or punctuation only finds nothing."""

    def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if isinstance(query, str):
            from search.models import SynonymGroup  # the backend loads before the models

            query = expand(query, SynonymGroup.objects.as_map(), operator or "and") or ""
            operator = None
            if query == "":
                return nothing_found(model_or_queryset)
        return super().search(query, model_or_queryset, fields, operator, **kwargs)

    def __init__(self, params):
        super().__init__(params)
        rebuilder = self.rebuilder_class
        if rebuilder is not None:
            self.rebuilder_class = type(rebuilder.__name__, (NotifyingRebuilder, rebuilder), {})

    # Whatever changes the index makes the search's cached hit lists stale (search/cache.py).
    def add(self, obj):
        super().add(obj)
        index_changed()

    def add_bulk(self, model, obj_list):
        super().add_bulk(model, obj_list)
        index_changed()

    def delete(self, obj):
        super().delete(obj)
        index_changed()

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            # The last word is a prefix: keep it even when it looks like a stop word.
            kept = words(query)
            last = clean(query).split()[-1:] if query.strip() else []
            if last and last[0] not in kept and last[0].isalnum():
                kept.append(last[0])
            query = " ".join(kept)
            if query == "":
                return nothing_found(model_or_queryset)
        return super().autocomplete(query, model_or_queryset, *args, **kwargs)
