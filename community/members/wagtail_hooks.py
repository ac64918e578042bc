"""The admin for moderators: the accounts that signed up (approve, reject or suspend them,
one by one or in bulk) and a dashboard panel with the accounts waiting for approval. Every
status change goes through community/members/moderation.py."""

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.forms import Media
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.permissions import policy_registry

from community.admin_views import ActionView, ReadOnlyViewSet, list_address
from community.members import moderation
from community.models import MemberProfile, MemberStatus
from home.groups import staff_ids

# --- What moderators do with accounts ------------------------------------------------------


@dataclass(frozen=True)
class StatusAction:
    """A change of status: the accounts it applies to (by their status), whether the
    moderator confirms it first, and the texts of its button, confirmation and result."""

    name: str
    label: str
    change: Callable
    applies_to: tuple
    title: str
    explanation: str
    done: str  # ngettext_lazy with the number as "count"
    needs_confirmation: bool = True


STATUS_ACTIONS = {
    action.name: action
    for action in [
        StatusAction(
            name="approve",
            label=pgettext_lazy("member account", "Approve"),
            change=moderation.approve,
            applies_to=(MemberStatus.PENDING, MemberStatus.SUSPENDED, MemberStatus.REJECTED),
            title=_("Approve accounts"),
            explanation=_(
                "Approved accounts see the member area at once and get an e-mail. A new "
                "organisation named at sign-up is added to the list of organisations."
            ),
            done=ngettext_lazy(
                "%(count)d account approved.", "%(count)d accounts approved.", "count"
            ),
            needs_confirmation=False,
        ),
        StatusAction(
            name="reject",
            label=pgettext_lazy("member account", "Reject"),
            change=moderation.reject,
            applies_to=(MemberStatus.PENDING,),
            title=_("Reject accounts"),
            explanation=_("Rejected accounts can no longer log in. They get no e-mail."),
            done=ngettext_lazy(
                "%(count)d account rejected.", "%(count)d accounts rejected.", "count"
            ),
        ),
        StatusAction(
            name="suspend",
            label=pgettext_lazy("member account", "Suspend"),
            change=moderation.suspend,
            applies_to=(MemberStatus.APPROVED,),
            title=_("Suspend accounts"),
            explanation=_(
                "Suspended accounts lose access to the member area at once, also in a "
                "browser where they are logged in, and can no longer log in. They get no "
                "e-mail. Approve them again to give access back."
            ),
            done=ngettext_lazy(
                "%(count)d account suspended.", "%(count)d accounts suspended.", "count"
            ),
        ),
    ]
}


STAFF_UNCHANGED = _(
    "Accounts of the BBE team (administrators, editors, event managers, moderators) are "
    "managed by administrators: moderation does not change them."
)


def actions_for(profile):
    """The status changes that apply to the profile; none for a staff account (marked by
    `mark_staff`), which moderation never changes."""
    if profile.is_staff_account:
        return []
    return [action for action in STATUS_ACTIONS.values() if profile.status in action.applies_to]


def mark_staff(profiles):
    """Sets `is_staff_account` on each profile (one query for all)."""
    staff = staff_ids(profile.user_id for profile in profiles)
    for profile in profiles:
        profile.is_staff_account = profile.user_id in staff
    return profiles


# --- Accounts ------------------------------------------------------------------------------


class MemberIndexView(IndexView):
    """The accounts, newest first, with buttons for each row and for the selected rows
    (templates/community/members/admin/index_results.html)."""

    columns = ()  # the template shows the table
    status_url_name = None

    @cached_property
    def can_moderate(self):
        """Approve, reject and suspend accounts (group Moderation, superusers)."""
        return self.user_has_permission("change")

    def get_base_queryset(self):
        verified = EmailAddress.objects.filter(user=OuterRef("user"), verified=True)
        return MemberProfile.objects.select_related("user", "organisation").annotate(
            email_verified=Exists(verified)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profiles = mark_staff(list(context["object_list"]))
        for profile in profiles:
            profile.inspect_url = self.get_inspect_url(profile)
            profile.status_actions = actions_for(profile) if self.can_moderate else []
        context["object_list"] = profiles
        context["status_actions"] = STATUS_ACTIONS.values()
        context["status_url"] = reverse(self.status_url_name)
        context["list_url"] = list_address(self.request, self.index_url)
        context["media"] += Media(css={"all": ["css/admin-members.css"]})
        return context


class MemberInspectView(InspectView):
    """A profile's fields as the member filled them in, with the buttons to change its
    status."""

    multiline_fields = {"bio", "offers", "seeks"}
    status_url_name = None

    def get_object(self, queryset=None):
        profiles = MemberProfile.objects.select_related("user", "organisation")
        return get_object_or_404(profiles, pk=self.pk)

    def get_context_for_field(self, field_name):
        if field_name == "email":
            return {"label": _("E-mail"), "value": self.object.user.email, "component": None}
        field = super().get_context_for_field(field_name)
        field["multiline"] = field_name in self.multiline_fields
        if field["value"] in (None, ""):
            field["value"] = "–"
        return field

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mark_staff([self.object])
        may_moderate = self.user_has_permission("change")
        context["status_actions"] = actions_for(self.object) if may_moderate else []
        context["status_url"] = reverse(self.status_url_name)
        return context


class MemberStatusView(ActionView):
    """Changes the status of the chosen accounts (POST: `action`, `ids`, `next`). A GET, and
    a POST of an action that needs confirmation before it is confirmed, only show the
    confirmation page. Afterwards back to the list as it was (its filters and search)."""

    template_name = "community/members/admin/confirm_status.html"
    actions = STATUS_ACTIONS

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.ids = [pk for pk in self.data.getlist("ids") if pk.isdigit()]

    @cached_property
    def profiles(self):
        """The chosen profiles that the action applies to; never those of staff."""
        return moderation.of_members_only(
            MemberProfile.objects.filter(pk__in=self.ids, status__in=self.action.applies_to)
            .select_related("user", "organisation")
            .order_by("display_name")
        )

    def get_page_title(self):
        return self.action.title

    def get(self, request, *args, **kwargs):
        if self.action is None or not self.profiles:
            return redirect(self.next_url)
        return self.render_to_response(self.get_context_data())

    @cached_property
    def staff_selected(self):
        users = MemberProfile.objects.filter(pk__in=self.ids).values_list("user_id", flat=True)
        return bool(staff_ids(users))

    def post(self, request, *args, **kwargs):
        if self.action is None:
            messages.error(request, _("Please choose what to do with the selected accounts."))
        elif not self.ids:
            messages.error(request, _("Please select at least one account."))
        elif self.action.needs_confirmation and self.profiles and "confirmed" not in request.POST:
            return self.render_to_response(self.get_context_data())
        else:
            changed = self.action.change(self.profiles)
            if changed:
                messages.success(request, self.action.done % {"count": len(changed)})
            elif not self.staff_selected:
                messages.warning(request, _("This does not apply to the selected accounts."))
            if self.staff_selected:
                messages.warning(request, STAFF_UNCHANGED)
        return redirect(self.next_url)


class MemberViewSet(ReadOnlyViewSet):
    """»Mitglieder«: every account that signed up. Accounts come from the sign-up and are
    edited by their owners; moderators read them and change their status."""

    model = MemberProfile
    name = "community_members"
    url_prefix = "community/memberprofile"
    icon = "group"
    menu_label = _("Members")
    menu_order = 230
    permission_actions = ("view", "change")
    index_view_class = MemberIndexView
    index_results_template_name = "community/members/admin/index_results.html"
    inspect_view_enabled = True
    inspect_view_class = MemberInspectView
    inspect_template_name = "community/members/admin/inspect.html"
    inspect_view_fields = [
        "display_name",
        "email",
        "status_changed_at",
        "organisation",
        "proposed_organisation",
        "role",
        "state",
        "city",
        "topics",
        "languages",
        "bio",
        "offers",
        "seeks",
        "contact_email",
        "contact_phone",
        "contact_visibility",
        "privacy_consent_at",
        "privacy_notice_version",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["display_name", "user__email", "organisation__name", "proposed_organisation"]
    ordering = "-created_at"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(status_url_name=self.get_url_name("status"), **kwargs)

    def get_urlpatterns(self):
        status = self.construct_view(MemberStatusView, list_label=self.menu_label)
        return [*super().get_urlpatterns(), path("status/", status, name="status")]


hooks.register("register_admin_viewset", MemberViewSet)


class PendingAccountsPanel(Component):
    """On the admin's dashboard: how many accounts wait for approval, linking to them."""

    name = "pending_accounts"
    template_name = "community/members/admin/pending_accounts_panel.html"
    order = 50
    media = Media(css={"all": ["css/admin-members.css"]})

    def __init__(self, count, url):
        self.count = count
        self.url = url

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": self.url}


@hooks.register("construct_homepage_panels")
def add_pending_accounts_panel(request, panels):
    if not policy_registry.get_by_type(MemberProfile).user_has_permission(request.user, "change"):
        return
    count = MemberProfile.objects.pending().count()
    if count:
        url = f"{reverse('community_members:index')}?status={MemberStatus.PENDING}"
        panels.append(PendingAccountsPanel(count, url))
