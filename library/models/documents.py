"""Every document of the site, with the text read from its file and its download count, and
the two collections that hold the knowledge database's files: one for everybody, one for
members only."""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import (
    AbstractDocument,
    Document,
    DocumentQuerySet,
    document_served,
)
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search import index

from library.files import TEXT_WARNINGS, FileText, TextStatus

PUBLIC_COLLECTION = "Wissensdatenbank"
MEMBERS_COLLECTION = "Wissensdatenbank: nur für Mitglieder"
# Who may download members-only files: the approved carriers, and the editors who publish them.
MEMBERS_GROUPS = ["Mitglieder", "Redaktion"]


def hidden_collections(user):
    """The collections whose documents `user` may not download (Wagtail's collection
    privacy, including the sub-collections of a restricted one), as a query."""
    restrictions = CollectionViewRestriction.objects.all()
    if user.is_superuser:
        restrictions = restrictions.none()
    elif user.is_authenticated:
        restrictions = restrictions.exclude(restriction_type=CollectionViewRestriction.LOGIN)
        restrictions = restrictions.exclude(
            restriction_type=CollectionViewRestriction.GROUPS, groups__in=user.groups.all()
        )
    prefix_of_path = Substr(OuterRef("path"), 1, Length(F("collection__path")))
    return Collection.objects.filter(Exists(restrictions.filter(collection__path=prefix_of_path)))


class LibraryDocumentQuerySet(DocumentQuerySet):
    def viewable_by(self, user):
        """The documents `user` may download."""
        return self.exclude(collection__in=hidden_collections(user))


class LibraryDocument(AbstractDocument):
    """A document with the text of its file, read by the task worker after the file is
    uploaded or replaced (library/tasks.py, library/files.py), so that the knowledge
    database finds words inside files."""

    text = models.TextField(_("text of the file"), blank=True, editable=False)
    text_status = models.CharField(
        _("text"),
        max_length=20,
        choices=TextStatus.choices,
        blank=True,
        editable=False,
    )
    text_file_hash = models.CharField(max_length=40, blank=True, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    admin_form_fields = Document.admin_form_fields
    objects = LibraryDocumentQuerySet.as_manager()
    # A file's title weighs like a page's title (boost 2, not Wagtail's 10 for documents): the
    # site-wide search ranks a material found by its file no higher than one found by its page
    # or an event with an equally matching title.
    search_fields = [
        index.SearchField("title", boost=2)
        if isinstance(field, index.SearchField) and field.field_name == "title"
        else field
        for field in AbstractDocument.search_fields
    ] + [index.SearchField("text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        # The admin's upload form records size and hash; documents saved in code get them
        # here, so download links show the size and a new file is read again.
        if self.file and (self.file_size is None or not self.file_hash):
            self._set_document_file_metadata()
        new_file = self.file and self.file_hash != self.text_file_hash
        if new_file:  # its text is read by the task worker, not during the upload
            self.set_text(FileText(TextStatus.PENDING))
        super().save(*args, **kwargs)
        if new_file:
            self.read_text_later()

    def read_text_later(self):
        """Enqueues the reading of the file's text (library/tasks.py) with this save; where
        the task ran at once (the tests' backend), this object shows its result."""
        from library.tasks import read_document_text

        result = read_document_text.enqueue(self.pk, self.text_file_hash)
        if result.is_finished:
            self.refresh_from_db(fields=["text", "text_status"])

    @property
    def text_pending(self):
        return bool(self.file) and self.text_status == TextStatus.PENDING

    def set_text(self, file_text):
        """Keep `file_text` (a library.files.FileText) as the text of the current file."""
        self.text, self.text_status = file_text.text, file_text.status
        self.text_file_hash = self.file_hash

    @property
    def text_warning(self):
        """What the editor should know when the file's text could not be read, or ""."""
        return TEXT_WARNINGS.get(self.text_status, "")


@receiver(document_served, sender=LibraryDocument)
def count_download(sender, instance, request, **kwargs):
    """Wagtail sends this after its permission check, as it serves the file."""
    LibraryDocument.objects.filter(pk=instance.pk).update(download_count=F("download_count") + 1)


def library_collection(members_only):
    """The collection for the files of public or of members-only materials, created on first
    use; the members' one is always restricted to MEMBERS_GROUPS."""
    root = Collection.get_first_root_node()
    name = MEMBERS_COLLECTION if members_only else PUBLIC_COLLECTION
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    if members_only:
        restriction, _ = CollectionViewRestriction.objects.get_or_create(
            collection=collection,
            defaults={"restriction_type": CollectionViewRestriction.GROUPS},
        )
        if restriction.restriction_type != CollectionViewRestriction.GROUPS:
            restriction.restriction_type = CollectionViewRestriction.GROUPS
            restriction.save()
        restriction.groups.add(*Group.objects.filter(name__in=MEMBERS_GROUPS))
    return collection
