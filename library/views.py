from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import policy_registry

from library.models import LibraryDocument


class DownloadsReportView(ReportView):
    """Admin report: every document with its downloads, the most downloaded first; exports
    to a spreadsheet for the programme's reporting."""

    page_title = _("Downloads")
    header_icon = "download"
    index_url_name = "library_downloads"
    index_results_url_name = "library_downloads_results"
    any_permission_required = ["change"]
    list_export = ["title", "filename", "collection.name", "download_count"]
    export_headings = {
        "title": _("Title"),
        "filename": _("File"),
        "collection.name": _("Collection"),
        "download_count": _("Downloads"),
    }
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtaildocs:edit"),
        Column("filename", label=_("File")),
        Column("collection", label=_("Collection"), accessor="collection.name"),
        Column("text_status", label=_("Text"), accessor="get_text_status_display"),
        NumberColumn("download_count", label=_("Downloads")),
    ]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(LibraryDocument)

    def get_queryset(self):
        return LibraryDocument.objects.select_related("collection").order_by(
            "-download_count", "title"
        )


def text_status(request, pk):
    """Whether the text of document `pk`'s file is still being read, and else its status and
    any warning, for the editor's page of the document (static/js/admin-text-status.js)."""
    document = get_object_or_404(LibraryDocument, pk=pk)
    policy = policy_registry.get_by_type(LibraryDocument)
    if not policy.user_has_permission_for_instance(request.user, "change", document):
        raise PermissionDenied
    return JsonResponse(
        {
            "pending": document.text_pending,
            "status": str(document.get_text_status_display()),
            "warning": str(document.text_warning),
        }
    )
