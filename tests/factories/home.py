"""Factories of the public site's core: accounts, the page types of `home`, organisations
and images."""

import datetime

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage, Organisation, SiteImage


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
