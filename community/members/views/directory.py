"""The member directory: approved members, searched by name and free text and filtered by
federal state, topic, organisation and language, from plain GET parameters

    ?q=Vormundschaft&state=SN&topic=recht-und-aufenthalt&organisation=drk&language=ar&page=2

so that every view of the list is a link to share with other members."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from community.access import member_required
from community.members.forms import DirectoryFilterForm
from community.models import MemberProfile
from home.pagination import page_of

PER_PAGE = 20


def listed_profiles():
    """The profiles the directory lists, with what a member card shows, in two queries
    however many there are (the profiles with their organisation, then their topics)."""
    return (
        MemberProfile.objects.approved()
        .select_related("organisation")
        .prefetch_related("topics")
        .order_by("display_name", "pk")
    )


@never_cache
@member_required
def directory(request):
    form = DirectoryFilterForm(request.GET)
    profiles = form.filter(listed_profiles())
    page = page_of(profiles, request.GET.get("page", 1), PER_PAGE)

    def url_without(name):
        """This list without filter `name` (and the empty ones), from its first page."""
        params = {key: value for key, value in form.chosen().items() if key != name}
        return f"?{urlencode(params)}" if params else request.path

    return render(
        request,
        "community/members/directory.html",
        {
            "form": form,
            "page_obj": page,
            "active_filters": form.active_filters(url_without),
            "is_filtered": bool(form.chosen()),
        },
    )
