from pathlib import PurePath

from wagtail.documents.forms import BaseDocumentForm

from library.files import check_content


class LibraryDocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), which already refuses other
    extensions than WAGTAILDOCS_EXTENSIONS and files over WAGTAILDOCS_MAX_UPLOAD_SIZE; this
    one also refuses a file whose content does not fit its extension."""

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file and "file" in self.changed_data:  # not when only the title is edited
            check_content(file, PurePath(file.name).suffix.lstrip(".").lower())
        return file
