"""»Mein Bereich«, where a logged-in user lands: the state of their account and what to do
next, shortcuts into the member area, the newest materials in their topics, the coming events
with the state of their registration and, for members, the open questions in their
topics."""

import datetime

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, OuterRef, Q, Subquery, When
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from community.access import member_state
from community.groups.models import memberships_of
from community.models import MemberProfile
from community.questions.rules import open_in_topics, with_answer_counts
from events.models import CongressPage, EventIndexPage, EventPage, Registration
from events.models.registrations import ACTIVE
from home.models.pages import unrestricted
from library.models import LibraryIndexPage, MaterialPage

MATERIALS_SHOWN = 5
EVENTS_SHOWN = 5
QUESTIONS_SHOWN = 5


@never_cache
@login_required
def dashboard(request):
    user = request.user
    profile = MemberProfile.objects.select_related("organisation").filter(user=user).first()
    topics = list(profile.topics.all()) if profile else []
    indexes = index_pages(LibraryIndexPage, EventIndexPage)
    state = member_state(user)
    return render(
        request,
        "community/members/dashboard.html",
        {
            "profile": profile,
            "state": state,
            "topics": topics,
            "materials": newest_materials(topics),
            "library": indexes.get(LibraryIndexPage),
            "events": upcoming_events(user),
            "events_index": indexes.get(EventIndexPage),
            "questions": open_questions(topics) if state == "member" else None,
            "memberships": memberships_of(user) if state == "member" else None,
            "admin_access": user.has_perm("wagtailadmin.access_admin"),
        },
    )


def index_pages(*models):
    """{model: its published, public page} for listing pages of which a site has one, in one
    query (as plain pages: enough for their title and address)."""
    types = ContentType.objects.get_for_models(*models)
    pages = Page.objects.live().filter(unrestricted(), content_type__in=types.values())
    by_type = {content_type.pk: model for model, content_type in types.items()}
    return {by_type[page.content_type_id]: page for page in pages.order_by("-path")}


def newest_materials(topics, count=MATERIALS_SHOWN):
    """The newest materials everybody may see; of the `topics` when there are any."""
    materials = MaterialPage.objects.visible().for_listing()
    if topics:
        in_topics = MaterialPage.topics.through.objects.filter(topic__in=topics)
        materials = materials.filter(pk__in=in_topics.values("materialpage_id"))
    return list(materials.order_by("-first_published_at", "-pk")[:count])


def open_questions(topics, count=QUESTIONS_SHOWN):
    """The open questions with the newest activity, of the `topics` when there are any."""
    open_ones = with_answer_counts(open_in_topics(topics))
    return list(open_ones.order_by("-last_activity_at", "-pk")[:count])


def upcoming_events(user, count=EVENTS_SHOWN):
    """The next published, public events and congresses (those still running included),
    soonest first; each congress with `registration`: the user's own (an active one before
    a cancelled or expired one, then the newest), or None."""
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time(0)))
    mine = (
        Registration.objects.of_user(user)
        .filter(congress=OuterRef("pk"))
        .order_by(Case(When(state__in=ACTIVE, then=0), default=1), "-created_at", "-pk")
    )
    congresses = (
        CongressPage.objects.live()
        .filter(unrestricted(), end_date__gte=today)
        .annotate(
            my_state=Subquery(mine.values("state")[:1]),
            my_token=Subquery(mine.values("token")[:1]),
            my_confirmed_at=Subquery(mine.values("email_confirmed_at")[:1]),
        )
    )
    events = (
        EventPage.objects.live()
        .filter(unrestricted())
        .filter(Q(end__isnull=True, start__gte=midnight) | Q(end__gte=midnight))
    )
    upcoming = sorted(
        [*congresses.order_by("start_date")[:count], *events.order_by("start")[:count]],
        key=lambda event: (event.starts_at, event.title),
    )[:count]
    for event in upcoming:
        state = getattr(event, "my_state", None)
        # Enough of the registration for its state and address, read with the congress.
        event.registration = (
            Registration(
                congress=event,
                state=state,
                token=event.my_token,
                email_confirmed_at=event.my_confirmed_at,
            )
            if state
            else None
        )
    return upcoming
