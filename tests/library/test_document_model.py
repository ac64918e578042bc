import pytest
from django.core.files.base import ContentFile

from library.models import LibraryDocument

pytestmark = pytest.mark.django_db


def test_document_saved_in_code_knows_its_file_size():
    document = LibraryDocument(title="Handreichung Patenschaften")
    document.file.save("handreichung.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2039), save=False)
    document.save()

    document.refresh_from_db()
    assert document.file_size == 2048
