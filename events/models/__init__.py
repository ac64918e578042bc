from .pages import (
    EVENT_MANAGERS,
    AgendaSession,
    CongressPage,
    EventIndexPage,
    EventPage,
    GalleryImage,
    SessionFormat,
    grant_event_managers,
)
from .registrations import (
    CalendarFeed,
    Registration,
    RegistrationState,
    StarredSession,
)
from .speakers import Speaker

__all__ = [
    "EVENT_MANAGERS",
    "AgendaSession",
    "CalendarFeed",
    "CongressPage",
    "EventIndexPage",
    "EventPage",
    "GalleryImage",
    "Registration",
    "RegistrationState",
    "SessionFormat",
    "Speaker",
    "StarredSession",
    "grant_event_managers",
]
