"""Background tasks of the knowledge database (the worker: README »Background tasks«)."""

from django.db import transaction
from django_tasks import task

from library.files import TextStatus, read_text
from library.models import LibraryDocument


@task()
def read_document_text(pk, file_hash):
    """Reads the text of document `pk`'s file with the SHA-1 `file_hash` and keeps it, unless
    the file was replaced or read meanwhile (library.models.LibraryDocument.save). Saving
    updates the search index and makes the search caches stale."""
    waiting = LibraryDocument.objects.filter(
        pk=pk, text_file_hash=file_hash, text_status=TextStatus.PENDING
    )
    document = waiting.first()
    if document is None:
        return
    result = read_text(document.file, document.file_extension)  # outside the transaction
    with transaction.atomic():
        document = waiting.select_for_update().first()
        if document is not None:
            document.text, document.text_status = result.text, result.status
            document.save(update_fields=["text", "text_status"])
