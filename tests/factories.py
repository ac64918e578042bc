"""Factories for the test suite only (demo content is built by its own command).

Page factories need a `parent`: `NewsPageFactory(parent=news_index)`. StreamField bodies are
given in Wagtail's JSON form, `[{"type": "heading", "value": {...}}]`, the same shape the
database stores.
"""

import datetime

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from community.models import MemberProfile, MemberStatus
from events.models import (
    AgendaSession,
    CongressPage,
    EventIndexPage,
    EventPage,
    Registration,
    RegistrationState,
    SessionFormat,
    Speaker,
)
from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage, Organisation, SiteImage
from library.models import (
    LibraryDocument,
    LibraryIndexPage,
    MaterialDocument,
    MaterialPage,
    MaterialType,
    Topic,
)


def root_collection():
    return Collection.get_first_root_node()


class SiteImageFactory(DjangoModelFactory):
    """An image as the admin's upload form saves it: with alt text and credit."""

    title = factory.Sequence(lambda n: f"Foto {n}")
    description = "Teilnehmende des Fachkongresses im Plenum"
    credit = "Foto: Jörg Farys/www.dieprojektoren.de"
    file = factory.django.ImageField(width=800, height=600, color="green", filename="foto.jpg")
    collection = factory.LazyFunction(root_collection)

    class Meta:
        model = SiteImage


class LibraryDocumentFactory(DjangoModelFactory):
    """A document as the admin's upload form saves it: with file size and hash."""

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


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Alex"
    last_name = "Beispiel"
    password = factory.django.Password("ein-langes-testpasswort")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """`UserFactory(groups=["Redaktion"])` puts the user into existing groups by name."""
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """The address counts as verified (allauth), so the user can log in on the site;
        `UserFactory(verified_email=False)` has not followed the link yet."""
        if create and self.email:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = "startseite"
    headline = "Menschen stärken Menschen"
    intro = "Das Bundesprogramm für Patenschaften, Mentoring und Lotsenprojekte."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Ein kurzer Vorspann zur Seite."
    show_in_menus = False

    class Meta:
        model = ContentPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Meldungen"
    slug = "meldungen"
    intro = "Neuigkeiten aus dem Programm."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = datetime.date(2024, 5, 1)
    teaser = factory.LazyAttribute(lambda page: f"Kurzfassung von »{page.title}«.")

    class Meta:
        model = NewsPage


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Patenschaftsverein {n} e. V.")
    city = "Leipzig"
    state = "SN"

    class Meta:
        model = Organisation


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


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Netzwerktreffen {n}")
    start = factory.LazyFunction(
        lambda: datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)
    )
    place = "Berlin"

    class Meta:
        model = EventPage


class CongressPageFactory(wagtail_factories.PageFactory):
    """A congress in the future with registration open: `CongressPageFactory(parent=index)`."""

    title = factory.Sequence(lambda n: f"Fachkongress {2030 + n}")
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=60))
    end_date = factory.LazyAttribute(lambda page: page.start_date + datetime.timedelta(days=1))
    venue_name = "Tagesspiegel Verlagshaus"
    venue_address = "Askanischer Platz 3, 10963 Berlin"
    registration_enabled = True
    capacity = 200

    class Meta:
        model = CongressPage


class SpeakerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Referentin {n}")
    title = "Referentin für Engagementpolitik"

    class Meta:
        model = Speaker


class AgendaSessionFactory(DjangoModelFactory):
    """A session of `congress` on its first day: `AgendaSessionFactory(congress=congress,
    speakers=[speaker])`."""

    title = factory.Sequence(lambda n: f"Sitzung {n}")
    format = SessionFormat.PLENARY
    day = factory.LazyAttribute(lambda session: session.congress.start_date)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(11, 30)
    room = "Saal 1"

    class Meta:
        model = AgendaSession
        skip_postgeneration_save = True

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)
            self.save()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration made directly (the rules of events/waiting_list.py are not
    applied): for the admin and exports."""

    name = factory.Sequence(lambda n: f"Teilnehmerin {n}")
    organisation = "Diakonie Deutschland"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    privacy_consent_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    state = RegistrationState.CONFIRMED
    # Its e-mail address is confirmed; `email_confirmed_at=None` for a visitor's that is not.
    email_confirmed_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))

    class Meta:
        model = Registration


class MemberProfileFactory(DjangoModelFactory):
    """A member's profile with its account. `status` decides the group, as approval in the
    admin does: `MemberProfileFactory(status=MemberStatus.APPROVED)` is in Mitglieder."""

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda p: f"{p.user.first_name} {p.user.last_name}")
    status = MemberStatus.APPROVED
    privacy_consent_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    privacy_notice_version = "2026-11"

    class Meta:
        model = MemberProfile

    @classmethod
    def _create(cls, model_class, *args, status=MemberStatus.APPROVED, **kwargs):
        profile = model_class(*args, status=status, **kwargs)
        profile.save()
        if status == MemberStatus.APPROVED:
            profile.user.groups.add(Group.objects.get(name="Mitglieder"))
        elif status in (MemberStatus.REJECTED, MemberStatus.SUSPENDED):
            profile.user.is_active = False
            profile.user.save(update_fields=["is_active"])
        return profile
