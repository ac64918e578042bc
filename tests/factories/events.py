"""Factories of the events: the pages, speakers and sessions, registrations and the
members' personal agendas."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from events.models import (
    AgendaSession,
    CalendarFeed,
    CongressPage,
    EventIndexPage,
    EventPage,
    Registration,
    RegistrationState,
    SessionFormat,
    Speaker,
    StarredSession,
)

from .home import UserFactory


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


class StarredSessionFactory(DjangoModelFactory):
    """A session a user put into »Mein Programm«: `StarredSessionFactory(session=session,
    user=user)` (a session needs its congress, so there is no default one)."""

    user = factory.SubFactory(UserFactory)

    class Meta:
        model = StarredSession


class CalendarFeedFactory(DjangoModelFactory):
    """The secret address of `user`'s calendar feed, with a new token as the site makes it
    (`token=` a known one)."""

    user = factory.SubFactory(UserFactory)

    class Meta:
        model = CalendarFeed
