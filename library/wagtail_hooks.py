from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from library.models import LibraryDocument, MaterialType, Topic
from library.views import DownloadsReportView, text_status


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]


class MaterialTypeViewSet(SnippetViewSet):
    model = MaterialType
    icon = "form"
    menu_label = _("Material types")
    list_display = ["name", "slug"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, MaterialTypeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Knowledge database")
    menu_name = "library"
    menu_order = 200


register_snippet(LibraryViewSetGroup)


class DownloadsMenuItem(MenuItem):
    def is_shown(self, request):
        policy = policy_registry.get_by_type(LibraryDocument)
        return policy.user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_downloads_report_menu_item():
    return DownloadsMenuItem(
        _("Downloads"), reverse("library_downloads"), icon_name="download", order=650
    )


@hooks.register("register_admin_urls")
def register_downloads_report_urls():
    return [
        path("reports/downloads/", DownloadsReportView.as_view(), name="library_downloads"),
        path(
            "reports/downloads/results/",
            DownloadsReportView.as_view(results_only=True),
            name="library_downloads_results",
        ),
        path("documents/<int:pk>/text/", text_status, name="library_text_status"),
    ]


@hooks.register("insert_global_admin_js")
def text_status_js():
    """Shows when the worker has read a new file's text (templates/library/admin/)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-text-status.js"))
