"""The models of the member area, one app (label `community`) whose sub-packages each keep
their own `models.py`; importing them here is how Django finds them."""

from community.collections.models import (
    DEFAULT_COLLECTION_NAME,
    CollectionItem,
    MaterialCollection,
)
from community.comments.models import Follow
from community.groups.models import (
    GroupMaterial,
    GroupMeeting,
    GroupMembership,
    GroupThread,
    WorkingGroup,
)
from community.members.models import (
    ContactVisibility,
    MemberProfile,
    MemberStatus,
    NetworkPage,
    SpokenLanguage,
)
from community.notifications.models import (
    DEFAULT_FREQUENCY,
    Frequency,
    Notification,
    NotificationKind,
    NotificationSetting,
)
from community.privacy.models import PrivacyRequest
from community.questions.models import Question

__all__ = [
    "DEFAULT_COLLECTION_NAME",
    "DEFAULT_FREQUENCY",
    "CollectionItem",
    "ContactVisibility",
    "Follow",
    "Frequency",
    "GroupMaterial",
    "GroupMeeting",
    "GroupMembership",
    "GroupThread",
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
    "WorkingGroup",
]
