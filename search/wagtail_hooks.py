"""The search in the admin: synonyms (a snippet), the editors' picks (Wagtail's
»Promoted search results«) and the report of what people search and do not find."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchTerm, SynonymGroup

REPORT_PERMISSION = "search.view_searchterm"
PERIODS = (7, 30, 365)


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 910
    add_to_admin_menu = True
    list_display = ["__str__"]


register_snippet(SynonymGroupViewSet)


class SearchTermsReportView(WagtailAdminTemplateMixin, TemplateView):
    """The queries typed most often in a period, and those that found nothing: what people
    look for, and where synonyms, picks or new content would help."""

    template_name = "search/admin/search_terms.html"
    page_title = _("Search terms")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def days(self):
        days = self.request.GET.get("days", "")
        return int(days) if days.isdigit() and int(days) in PERIODS else 30

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.localdate() - datetime.timedelta(days=self.days - 1)
        context.update(
            days=self.days,
            periods=PERIODS,
            popular=SearchTerm.objects.popular(since),
            without_results=SearchTerm.objects.without_results(since),
        )
        return context


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_search_terms_report_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"), reverse("search_terms_report"), icon_name="search", order=1290
    )


@hooks.register("register_admin_urls")
def register_search_terms_report_url():
    return [
        path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms_report")
    ]


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    """Wagtail's own »Search terms« report counts queries only when a site calls
    Query.add_hit(); ours counts every search (search.models.SearchTerm)."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
