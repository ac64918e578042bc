"""Approval of accounts: the one place that changes a member's status. The status decides
the membership of the group Mitglieder (which grants access) and whether the account may
log in at all: rejected and suspended accounts are deactivated, so their open sessions no
longer reach member content on their next request.

Moderation acts on members only: the accounts of staff (administrators, editors, event
managers, moderators; see home.groups.STAFF) are never changed here, whoever
asks, so a moderator cannot lock out an administrator."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.access import MEMBERS_GROUP
from community.models import MemberStatus
from home import mail
from home.groups import staff_ids
from home.models import Organisation


def of_members_only(profiles):
    """The profiles that moderation may change: those of accounts that are not staff."""
    profiles = list(profiles)
    staff = staff_ids(profile.user_id for profile in profiles)
    return [profile for profile in profiles if profile.user_id not in staff]


@transaction.atomic
def set_status(profiles, status):
    """Give each profile of a member (not of staff) the status; returns the profiles that
    changed."""
    members = Group.objects.get(name=MEMBERS_GROUP)
    changed = []
    for profile in of_members_only(profiles):
        if profile.status == status:
            continue
        user = profile.user
        profile.status = status
        profile.status_changed_at = timezone.now()
        if status == MemberStatus.APPROVED:
            confirm_organisation(profile)
            user.groups.add(members)
        else:
            user.groups.remove(members)
        active = status in (MemberStatus.APPROVED, MemberStatus.PENDING)
        if user.is_active != active:
            user.is_active = active
            user.save(update_fields=["is_active"])
        profile.save()
        changed.append(profile)
        if status == MemberStatus.APPROVED:
            transaction.on_commit(lambda profile=profile: send_approval_mail(profile))
    return changed


def approve(profiles):
    return set_status(profiles, MemberStatus.APPROVED)


def reject(profiles):
    return set_status(profiles, MemberStatus.REJECTED)


def suspend(profiles):
    return set_status(profiles, MemberStatus.SUSPENDED)


def confirm_organisation(profile):
    """The organisation named at sign-up becomes an Organisation (or the existing one of
    that name) when its first member is approved."""
    name = profile.proposed_organisation.strip()
    if profile.organisation_id or not name:
        return
    organisation = Organisation.objects.filter(name__iexact=name).first()
    profile.organisation = organisation or Organisation.objects.create(name=name)
    profile.proposed_organisation = ""


def send_approval_mail(profile):
    """In the site's language, whoever approves the account and from where (admin, shell)."""
    site = Site.objects.get_current()
    context = {
        "profile": profile,
        "site_name": site.name,
        "dashboard_url": settings.BASE_URL.rstrip("/") + reverse("community:dashboard"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("community/members/emails/approved_subject.txt", context).strip()
        body = render_to_string("community/members/emails/approved.txt", context)
    event = f"approved-{profile.pk}-{profile.status_changed_at:%Y%m%d%H%M%S%f}"
    mail.once(EmailMessage(subject, body, to=[profile.user.email]), event).send()
