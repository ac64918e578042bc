from search.language import clean, expand, words


class GermanQueries:
    """Mixed into a backend: a typed query is expanded into its German alternatives (see
    search/language.py); a query of stop words or punctuation only finds nothing."""

    def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if isinstance(query, str):
            from search.models import SynonymGroup  # the backend loads before the models

            query = expand(query, SynonymGroup.objects.as_map(), operator or "and") or ""
            operator = None
        return super().search(query, model_or_queryset, fields, operator, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            # The last word is a prefix: keep it even when it looks like a stop word.
            kept = words(query)
            last = clean(query).split()[-1:] if query.strip() else []
            if last and last[0] not in kept and last[0].isalnum():
                kept.append(last[0])
            query = " ".join(kept)
        return super().autocomplete(query, model_or_queryset, *args, **kwargs)
