"""Demo content of the member area: the landing page »Netzwerk« in the main menu, 25
approved members of ten carriers in ten Bundesländer (one of them the network's moderator),
one account waiting for approval with an organisation still to be confirmed, and four
working groups (community/demo/groups.py).

The accounts can log in with their verified e-mail address once they have a password: the
demo gives them none; `create_dev_admin` sets and prints one for the two DEV_LOGINS.
Found by e-mail address, so a second run creates nothing.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from community.access import MEMBERS_GROUP, MODERATION_GROUP
from community.demo.collections import generate_collections
from community.demo.data import (
    MEMBER_EMAIL,
    MEMBERS,
    MODERATOR_EMAIL,
    NETWORK_INTRO,
    NETWORK_OFFERS,
    NETWORK_OFFERS_HEADING,
    NETWORK_TEAM,
    NETWORK_TEAM_HEADING,
    NETWORK_TEXT,
    ORGANISATIONS,
    PENDING,
)
from community.demo.exchange import generate_exchange
from community.demo.groups import generate_groups
from community.models import MemberProfile, MemberStatus, NetworkPage, SpokenLanguage
from home.demo import Builder, heading, paragraphs
from home.models import Organisation
from library.models import Topic

# The demo accounts that `create_dev_admin` gives a password to, with what they are.
DEV_LOGINS = [(MEMBER_EMAIL, "member"), (MODERATOR_EMAIL, "moderator")]


def generate():
    builder = Builder()
    network_page(builder)
    organisations(builder)
    for person in MEMBERS:
        groups = [MEMBERS_GROUP]
        if person["email"] == MODERATOR_EMAIL:
            groups.append(MODERATION_GROUP)
        account(builder, person, MemberStatus.APPROVED, groups)
    account(builder, PENDING, MemberStatus.PENDING, groups=[])
    generate_exchange(builder.report)
    generate_collections(builder.report)
    generate_groups(builder.report)
    return builder.report


def network_page(builder):
    home = Site.objects.get(is_default_site=True).root_page
    page, created = builder.page(
        home,
        NetworkPage,
        "netzwerk",
        title="Netzwerk",
        show_in_menus=True,
        intro=NETWORK_INTRO,
        body=[
            paragraphs(*NETWORK_TEXT),
            heading(NETWORK_OFFERS_HEADING),
            paragraphs(*NETWORK_OFFERS),
            heading(NETWORK_TEAM_HEADING),
            paragraphs(*NETWORK_TEAM),
        ],
    )
    news = home.get_children().filter(slug="meldungen").first()
    if created and news:
        page.move(news, pos="right")  # in the menu after »Meldungen«
    return page


def organisations(builder):
    for values in ORGANISATIONS:
        details = {name: value for name, value in values.items() if name != "name"}
        _item, created = Organisation.objects.get_or_create(name=values["name"], defaults=details)
        report = builder.report.created if created else builder.report.skipped
        report.append(f"organisation »{values['name']}«")


def account(builder, person, status, groups):
    """The account of `person` with a verified address, an unusable password and a profile."""
    first_name, last_name = person["name"]
    label = f"member account »{first_name} {last_name}«"
    User = get_user_model()
    if User.objects.filter(email__iexact=person["email"]).exists():
        builder.report.skipped.append(label)
        return
    user = User(
        username=person["email"],
        email=person["email"],
        first_name=first_name,
        last_name=last_name,
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    profile(user, person, status)
    builder.report.created.append(label)


def profile(user, person, status):
    now = timezone.now()
    visibility, contact_email, contact_phone = person["contact"]
    state, city = person["place"]
    organisation = Organisation.objects.filter(name=person.get("organisation", "")).first()
    created = MemberProfile.objects.create(
        user=user,
        status=status,
        status_changed_at=now if status == MemberStatus.APPROVED else None,
        display_name=user.get_full_name(),
        organisation=organisation,
        proposed_organisation=person.get("proposed_organisation", ""),
        role=person["role"],
        state=state,
        city=city,
        bio=person["bio"],
        offers=person["offers"],
        seeks=person["seeks"],
        contact_email=contact_email,
        contact_phone=contact_phone,
        contact_visibility=visibility,
        privacy_consent_at=now,
        privacy_notice_version=settings.PRIVACY_NOTICE_VERSION,
    )
    created.topics.set(Topic.objects.filter(name__in=person["topics"]))
    created.languages.set(SpokenLanguage.objects.filter(code__in=person["languages"]))
