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
