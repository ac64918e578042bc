"""Factories of the knowledge database: documents, topics, material types and pages."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from library.models import (
    LibraryDocument,
    LibraryIndexPage,
    MaterialDocument,
    MaterialPage,
    MaterialType,
    Topic,
)

from .home import root_collection


class LibraryDocumentFactory(DjangoModelFactory):
    """A document as the admin's upload form saves it: with file size and hash. The file's
    name and content: `LibraryDocumentFactory(file__filename="a.txt", file__data=b"…")`."""

    title = factory.Sequence(lambda n: f"Handreichung {n}")
    file = factory.django.FileField(filename="handreichung.pdf", data=b"%PDF-1.4\n" + b"x" * 2039)
    collection = factory.LazyFunction(root_collection)

    class Meta:
        model = LibraryDocument

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        # What wagtail.documents.forms.BaseDocumentForm.save() does on upload.
        document._set_document_file_metadata()
        document.save()
        return document


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Topic


class MaterialTypeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Materialart {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = MaterialType


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wissensdatenbank"
    slug = "wissensdatenbank"
    intro = "Materialien zum Herunterladen."
    show_in_menus = True

    class Meta:
        model = LibraryIndexPage


class MaterialPageFactory(wagtail_factories.PageFactory):
    """A published material: `MaterialPageFactory(parent=library, topics=[topic], files=[doc])`.
    `files` become its documents (in this order) and are put into the collection its access
    level asks for, as on publishing in the admin."""

    title = factory.Sequence(lambda n: f"Material {n}")
    intro = factory.LazyAttribute(lambda page: f"Zusammenfassung von »{page.title}«.")
    material_type = factory.SubFactory(MaterialTypeFactory)
    year = 2017

    class Meta:
        model = MaterialPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def files(self, create, extracted, **kwargs):
        if create and extracted:
            for order, document in enumerate(extracted):
                MaterialDocument.objects.create(page=self, document=document, sort_order=order)
            self.place_documents()
