"""The programme's organisations (Träger): a public list, filterable by federal state,
and a page for each with its public materials in the knowledge database; members also
see who of the network works there."""

from django.shortcuts import get_object_or_404, render

from community.access import is_member
from community.models import MemberProfile
from home.models import FederalState, Organisation
from home.models.pages import unrestricted
from library.models import LibraryIndexPage, MaterialPage

MATERIALS_SHOWN = 10


def organisation_list(request):
    state = request.GET.get("state", "")
    if state not in FederalState.values:
        state = ""
    organisations = Organisation.objects.order_by("name")
    if state:
        organisations = organisations.filter(state=state)
    return render(
        request,
        "community/members/organisation_list.html",
        {
            "organisations": organisations,
            "states": FederalState.choices,
            "state": state,
            "state_name": FederalState(state).label if state else "",
        },
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("logo"), slug=slug)
    materials = (
        MaterialPage.objects.visible()
        .for_listing()
        .filter(organisation=organisation)
        .order_by("-year", "title")
    )
    members = None
    if is_member(request.user):
        members = MemberProfile.objects.approved().filter(organisation=organisation)
    return render(
        request,
        "community/members/organisation_detail.html",
        {
            "organisation": organisation,
            "materials": materials[:MATERIALS_SHOWN],
            "material_count": materials.count(),
            "library": LibraryIndexPage.objects.live().filter(unrestricted()).first(),
            "members": members,
        },
    )
