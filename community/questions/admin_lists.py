"""The questions' list in the admin (wagtail-modeladmin, the one list of the site that
still uses it) accepts only the parameters it offers.

wagtail-modeladmin, like Django's admin, turns every unknown parameter of a list's address
into a filter of its queryset: `?user__password__startswith=pbkdf2` answered with rows or
without, so a moderator could read password hashes, tokens and flags of any account one
character at a time, and a parameter that is no lookup (`?page=x`, `?sort=pk`) answered
500. Here a list reads only its search (`q`), its column ordering (`o`, `ot`), its page
(`p`) and the parameters of the filters it declares (`list_filter`); everything else is
ignored. A search term loses NUL characters, which PostgreSQL refuses in text. Wagtail's
own viewsets (snippets, the other lists of the member area) behave like this already."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView


class DeclaredParametersIndexView(IndexView):
    """An IndexView whose queryset is filtered only by the declared list filters."""

    probing = False

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            # A declared filter with a value it cannot use: the list without filters.
            return redirect(request.path)

    def get_filters_params(self, params=None):
        if self.probing:
            return {}
        declared = self.declared_parameters()
        lookups = super().get_filters_params(params)
        return {name: values for name, values in lookups.items() if name in declared}

    def declared_parameters(self):
        """The names of the parameters that the declared list filters read, found by
        building the filters once without any parameter."""
        self.probing = True
        try:
            filter_specs = super().get_filters(self.request)[0]
        finally:
            self.probing = False
        return {name for spec in filter_specs for name in spec.expected_parameters()}

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))


class StrictModelAdmin(ModelAdmin):
    """A modeladmin list whose index view takes only the parameters it offers."""

    index_view_class = DeclaredParametersIndexView
