"""The e-mails of working groups: a request to join reaches the group's moderators (the
BBE's moderators when the group has none), the person hears of the decision with the
moderator's message, of an invitation and of being removed. Each is sent once (home.mail)
in the site's language, with the group's address and never another member's e-mail
address."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from community.access import MODERATION_GROUP, public_name
from community.groups.models import GroupMembership
from community.notifications.emails import absolute
from home import mail


def send(users, template, event, **context):
    """The e-mail `template` (community/groups/emails/) to each of `users`, once per event."""
    context = {**context, "site_name": Site.objects.get_current().name}
    with translation.override(settings.LANGUAGE_CODE):
        for user in users:
            if not user.email or not user.is_active:
                continue
            context["user"] = user
            path = f"community/groups/emails/{template}"
            subject = " ".join(render_to_string(f"{path}_subject.txt", context).split())
            body = render_to_string(f"{path}.txt", context)
            mail.once(EmailMessage(subject, body, to=[user.email]), f"{event}-{user.pk}").send()


def moderators_of(group):
    found = get_user_model().objects.filter(
        is_active=True,
        group_memberships__group=group,
        group_memberships__state=GroupMembership.State.ACTIVE,
        group_memberships__role=GroupMembership.Role.MODERATOR,
    )
    if not found.exists():
        found = get_user_model().objects.filter(is_active=True, groups__name=MODERATION_GROUP)
    return found


def request_received(membership):
    group = membership.group
    send(
        moderators_of(group),
        "request",
        f"group-request-{membership.pk}",
        group=group,
        name=public_name(membership.user),
        message=membership.message,
        url=absolute(group.get_absolute_url()),
    )


def request_decided(membership, group, accepted, message):
    send(
        [membership.user],
        "decision",
        f"group-decision-{group.pk}-{membership.user_id}-{membership.created_at:%Y%m%d%H%M%S%f}",
        group=group,
        accepted=accepted,
        message=message,
        url=absolute(group.get_absolute_url() if accepted else reverse("community:groups")),
    )


def invited(membership, inviter):
    group = membership.group
    send(
        [membership.user],
        "invitation",
        f"group-invitation-{membership.pk}",
        group=group,
        inviter=inviter,
        message=membership.message,
        url=absolute(group.get_absolute_url()),
    )


def removed(membership, group):
    send(
        [membership.user],
        "removed",
        f"group-removed-{group.pk}-{membership.user_id}-{membership.created_at:%Y%m%d%H%M%S%f}",
        group=group,
        url=absolute(reverse("community:groups")),
    )
