from .collections import DEFAULT_COLLECTION_NAME, CollectionItem, MaterialCollection
from .exchange import Follow, Question
from .members import (
    ContactVisibility,
    MemberProfile,
    MemberStatus,
    PrivacyRequest,
    SpokenLanguage,
)
from .notifications import (
    DEFAULT_FREQUENCY,
    Frequency,
    Notification,
    NotificationKind,
    NotificationSetting,
)
from .pages import NetworkPage

__all__ = [
    "DEFAULT_COLLECTION_NAME",
    "DEFAULT_FREQUENCY",
    "CollectionItem",
    "ContactVisibility",
    "Follow",
    "Frequency",
    "MaterialCollection",
    "MemberProfile",
    "MemberStatus",
    "NetworkPage",
    "Notification",
    "NotificationKind",
    "NotificationSetting",
    "PrivacyRequest",
    "Question",
    "SpokenLanguage",
]
