"""Factories for the test suite only (demo content is built by its own command), one module
per app; import them from here: `from tests.factories import QuestionFactory`.

Page factories need a `parent`: `NewsPageFactory(parent=news_index)`. StreamField bodies are
given in Wagtail's JSON form, `[{"type": "heading", "value": {...}}]`, the same shape the
database stores.
"""

from .community import (
    AnswerFactory,
    CollectionItemFactory,
    CommentFactory,
    CommentFlagFactory,
    FollowFactory,
    MaterialCollectionFactory,
    MemberProfileFactory,
    NotificationFactory,
    NotificationSettingFactory,
    PrivacyRequestFactory,
    QuestionFactory,
)
from .events import (
    AgendaSessionFactory,
    CalendarFeedFactory,
    CongressPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    SpeakerFactory,
    StarredSessionFactory,
)
from .home import (
    ContentPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    SiteImageFactory,
    UserFactory,
    root_collection,
)
from .library import (
    LibraryDocumentFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    TopicFactory,
)

__all__ = [
    "AgendaSessionFactory",
    "AnswerFactory",
    "CalendarFeedFactory",
    "CollectionItemFactory",
    "CommentFactory",
    "CommentFlagFactory",
    "CongressPageFactory",
    "ContentPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "FollowFactory",
    "HomePageFactory",
    "LibraryDocumentFactory",
    "LibraryIndexPageFactory",
    "MaterialCollectionFactory",
    "MaterialPageFactory",
    "MaterialTypeFactory",
    "MemberProfileFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "NotificationFactory",
    "NotificationSettingFactory",
    "OrganisationFactory",
    "PrivacyRequestFactory",
    "QuestionFactory",
    "RegistrationFactory",
    "SiteImageFactory",
    "SpeakerFactory",
    "StarredSessionFactory",
    "TopicFactory",
    "UserFactory",
    "root_collection",
]
