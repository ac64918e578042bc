"""Factories of the member area: profiles, the exchange (questions, answers and comments,
reports of comments), collections, followed discussions, notifications and the log of
privacy requests.

They store objects as the site stores them, but directly: nobody is notified, no posting
limit applies and a question's activity stays as it is. What the site does on posting is
tested by posting through its forms."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from factory.django import DjangoModelFactory

from community.comments.rules import author_name, content_type_of, target_url
from community.models import (
    DEFAULT_COLLECTION_NAME,
    CollectionItem,
    Follow,
    MaterialCollection,
    MemberProfile,
    MemberStatus,
    Notification,
    NotificationKind,
    NotificationSetting,
    PrivacyRequest,
    Question,
)

from .home import UserFactory
from .library import TopicFactory


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


def new_member():
    """The account of a new approved member: whoever writes when the test does not say."""
    return MemberProfileFactory().user


# --- The exchange ---------------------------------------------------------------------------


class QuestionFactory(DjangoModelFactory):
    """A visible question: `QuestionFactory(author=member, topics=[housing])`. Without
    `topics` it is about one new topic (the form asks for at least one); `materials=[…]`
    are the materials it is about."""

    author = factory.LazyFunction(new_member)
    title = "Wie finden wir Patinnen im ländlichen Raum?"
    text = "Bei uns melden sich kaum Engagierte. Was hat bei Ihnen geholfen?"

    class Meta:
        model = Question
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            self.topics.set(extracted or [TopicFactory()])

    @factory.post_generation
    def materials(self, create, extracted, **kwargs):
        if create and extracted:
            self.materials.set(extracted)


class CommentFactory(DjangoModelFactory):
    """A public comment as the site's comment form stores it, on `target` (a page, a
    congress session or a question; a new question when none is given):
    `CommentFactory(target=material, user=member, comment="…")`. With `parent=` a comment
    it is a reply to that comment; `submit_date=` sets when it was written."""

    user = factory.LazyFunction(new_member)
    content_type = factory.LazyAttribute(lambda comment: content_type_of(comment.target))
    object_pk = factory.LazyAttribute(lambda comment: str(comment.target.pk))
    site = factory.LazyFunction(Site.objects.get_current)
    user_name = factory.LazyAttribute(
        lambda comment: author_name(comment.user)[:50] if comment.user else ""
    )
    user_email = ""
    comment = "Ein Kommentar"
    submit_date = factory.LazyFunction(timezone.now)
    parent_id = factory.LazyAttribute(lambda comment: comment.parent.pk if comment.parent else 0)

    class Meta:
        model = XtdComment

    class Params:
        target = factory.SubFactory(QuestionFactory)
        parent = None


class AnswerFactory(CommentFactory):
    """A public answer to `question`, a top-level comment on it:
    `AnswerFactory(question=question, user=member)`; with `parent=` an answer it is a
    reply to that answer."""

    comment = "Wir arbeiten mit den Kirchengemeinden zusammen."

    class Params:
        question = factory.SubFactory(QuestionFactory)
        target = factory.SelfAttribute("question")


class CommentFlagFactory(DjangoModelFactory):
    """A member's report of a comment to the moderators, as the »report« button files it:
    `CommentFlagFactory(comment=comment, user=member)`."""

    comment = factory.SubFactory(CommentFactory)
    user = factory.LazyFunction(new_member)
    flag = CommentFlag.SUGGEST_REMOVAL
    flag_date = factory.LazyFunction(timezone.now)

    class Meta:
        model = CommentFlag


class FollowFactory(DjangoModelFactory):
    """`user` follows the discussion of `target` (a page, a congress session or a question;
    a new question when none is given) and hears of new comments there."""

    user = factory.LazyFunction(new_member)
    content_type = factory.LazyAttribute(lambda follow: content_type_of(follow.target))
    object_id = factory.LazyAttribute(lambda follow: follow.target.pk)

    class Meta:
        model = Follow

    class Params:
        target = factory.SubFactory(QuestionFactory)


# --- Collections ----------------------------------------------------------------------------


class MaterialCollectionFactory(DjangoModelFactory):
    """A member's collection, »Merkliste« unless named otherwise:
    `MaterialCollectionFactory(owner=member, materials=[guide, checklist], notes=["…"])`
    holds the materials in this order, with the notes by position (the rest without)."""

    owner = factory.LazyFunction(new_member)
    name = DEFAULT_COLLECTION_NAME
    materials = ()
    notes = ()

    class Meta:
        model = MaterialCollection

    @classmethod
    def _build(cls, model_class, *args, materials=(), notes=(), **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, materials=(), notes=(), **kwargs):
        collection = super()._create(model_class, *args, **kwargs)
        notes = [*notes, *[""] * (len(materials) - len(notes))]
        CollectionItem.objects.bulk_create(
            CollectionItem(collection=collection, material=material, note=note, sort_order=order)
            for order, (material, note) in enumerate(zip(materials, notes, strict=False))
        )
        return collection


def next_position(collection):
    """Where the »save« button puts a material: after the collection's last item."""
    last = collection.items.order_by("-sort_order").values_list("sort_order", flat=True).first()
    return 0 if last is None else last + 1


class CollectionItemFactory(DjangoModelFactory):
    """A material saved at the end of a collection, as the »save« button does:
    `CollectionItemFactory(collection=collection, material=material)` (a material needs its
    library, so there is no default one)."""

    collection = factory.SubFactory(MaterialCollectionFactory)
    note = ""
    sort_order = factory.LazyAttribute(lambda item: next_position(item.collection))

    class Meta:
        model = CollectionItem


# --- Notifications --------------------------------------------------------------------------


def notification_title(notification):
    target = notification.target
    if target is None:
        return "Neuigkeiten aus dem Programm"
    if isinstance(target, XtdComment):
        return f"Über {target.comment[:20]}"
    return f"Über {target.title}"


def notification_url(notification):
    """Where a notification leads, as the site makes it: to the discussion of a comment at
    the comment, else to the target's page."""
    target = notification.target
    if target is None:
        return "/"
    if isinstance(target, XtdComment):
        return f"{target_url(target.content_object)}#comment-{target.pk}"
    return target_url(target)


class NotificationFactory(DjangoModelFactory):
    """A notification as the site makes it, about `target` (a page, a question or a
    comment; none: a notice without one): `NotificationFactory(recipient=member,
    kind=NotificationKind.REPLY, target=answer, created_at=MONDAY)`. Title and address
    follow from the target unless given."""

    recipient = factory.LazyFunction(new_member)
    kind = NotificationKind.NEWS
    title = factory.LazyAttribute(notification_title)
    url = factory.LazyAttribute(notification_url)
    content_type = factory.LazyAttribute(
        lambda notification: content_type_of(notification.target) if notification.target else None
    )
    object_id = factory.LazyAttribute(
        lambda notification: notification.target.pk if notification.target else None
    )
    created_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Notification

    class Params:
        target = None


class NotificationSettingFactory(DjangoModelFactory):
    """How `user` wants to hear of one kind of notification:
    `NotificationSettingFactory(user=member, kind=NotificationKind.NEWS,
    frequency=Frequency.NEVER)`."""

    user = factory.LazyFunction(new_member)
    kind = NotificationKind.REPLY

    class Meta:
        model = NotificationSetting


# --- Privacy --------------------------------------------------------------------------------


class PrivacyRequestFactory(DjangoModelFactory):
    """An entry of the log of exports and deletions (it names nobody)."""

    kind = PrivacyRequest.Kind.EXPORT

    class Meta:
        model = PrivacyRequest
