from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class LibraryDocument(AbstractDocument):
    """Every document of the site: downloads on pages now, the knowledge database's
    materials later (which add the extracted full text)."""

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        # The admin's upload form records the size; documents saved in code get it here, so
        # download links always show it.
        if self.file and self.file_size is None:
            self.file_size = self.file.size
        super().save(*args, **kwargs)
