"""»Kommentare« in the admin, for the moderators (permission change_xtdcomment): every
comment, those that members reported and that are still visible first, then the newest;
hide a comment, show it again, dismiss the reports, delete it. Hiding or deleting a
comment hides its replies as well (django-comments-xtd does that on save)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin, messages
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import modeladmin_register
from wagtail_modeladmin.views import WMABaseView

from community.admin_lists import DeclaredParametersIndexView, StrictModelAdmin
from community.comments import rules

REPORTED = Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)


def is_visible(comment):
    return comment.is_public and not comment.is_removed


def set_state(comment, **state):
    for name, value in state.items():
        setattr(comment, name, value)
    comment.save()  # django-comments-xtd hides or shows the replies with it


@dataclass(frozen=True)
class CommentAction:
    name: str
    label: str
    applies: Callable
    change: Callable
    done: str
    needs_confirmation: bool = False


ACTIONS = {
    action.name: action
    for action in [
        CommentAction(
            name="hide",
            label=pgettext_lazy("comment", "Hide"),
            applies=is_visible,
            change=lambda comment: set_state(comment, is_public=False),
            done=_("The comment is hidden; members no longer see it (nor its replies)."),
        ),
        CommentAction(
            name="show",
            label=pgettext_lazy("comment", "Show again"),
            applies=lambda comment: not comment.is_public and not comment.is_removed,
            change=lambda comment: set_state(comment, is_public=True),
            done=_("The comment is visible again."),
        ),
        CommentAction(
            name="dismiss",
            label=pgettext_lazy("comment", "Dismiss reports"),
            applies=lambda comment: is_visible(comment) and comment.flag_count > 0,
            change=lambda comment: comment.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL).delete(),
            done=_("The reports are dismissed; the comment stays visible."),
        ),
        CommentAction(
            name="delete",
            label=pgettext_lazy("comment", "Delete"),
            applies=lambda comment: not comment.is_removed,
            change=lambda comment: set_state(comment, is_removed=True),
            done=_("The comment is deleted."),
            needs_confirmation=True,
        ),
    ]
}


def with_reports(comments):
    """Comments with the number of reports and whether they wait for a moderator."""
    return comments.annotate(
        flag_count=Count("flags", filter=REPORTED),
        needs_review=Case(
            When(Q(flag_count__gt=0, is_public=True, is_removed=False), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
    )


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"
    states = {
        "reported": Q(needs_review=1),
        "visible": Q(is_public=True, is_removed=False),
        "hidden": Q(is_public=False, is_removed=False),
        "deleted": Q(is_removed=True),
    }

    def lookups(self, request, model_admin):
        return [
            ("reported", _("reported")),
            ("visible", _("visible")),
            ("hidden", _("hidden")),
            ("deleted", _("deleted")),
        ]

    def queryset(self, request, queryset):
        state = self.states.get(self.value())
        return queryset.filter(state) if state is not None else queryset


class CommentPermissionHelper(PermissionHelper):
    """Comments come from members; moderators change their state, nobody edits them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_moderate(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))


class CommentIndexView(DeclaredParametersIndexView):
    """The comments with what they belong to and the buttons of each row
    (templates/community/comments/admin/index.html)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        may_moderate = self.permission_helper.user_can_moderate(self.request.user)
        comments = list(context["object_list"])
        for comment in comments:
            target = comment.content_object
            comment.target_title = rules.target_title(target) if target else _("(deleted)")
            comment.target_url = rules.target_url(target) if target else ""
            comment.actions = [
                action for action in ACTIONS.values() if may_moderate and action.applies(comment)
            ]
        context["object_list"] = comments
        context["moderate_url"] = self.url_helper.get_action_url("moderate")
        context["may_moderate"] = may_moderate
        return context


class CommentModerateView(WMABaseView):
    """Changes one comment (POST: `action`, `pk`, `next`); deleting asks first (GET, or a
    POST without `confirmed`, shows the confirmation). Then back to the list as it was."""

    template_name = "community/comments/admin/confirm.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_moderate(user)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        data = request.POST if request.method == "POST" else request.GET
        self.action = ACTIONS.get(data.get("action", ""))
        pk = data.get("pk", "")
        self.pk = int(pk) if pk.isdigit() else None
        next_url = data.get("next", "")
        allowed = url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()})
        self.next_url = next_url if allowed and next_url.startswith(self.index_url) else None

    @cached_property
    def back_url(self):
        return self.next_url or self.index_url

    @cached_property
    def comment(self):
        if self.pk is None:
            return None
        return with_reports(XtdComment.objects.filter(pk=self.pk)).first()

    def applicable(self):
        return self.action is not None and self.comment and self.action.applies(self.comment)

    def get_page_title(self):
        return _("Delete comment")

    def get(self, request, *args, **kwargs):
        if not self.applicable() or not self.action.needs_confirmation:
            return redirect(self.back_url)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        if not self.applicable():
            messages.warning(request, _("This does not apply to the comment (any more)."))
        elif self.action.needs_confirmation and "confirmed" not in request.POST:
            return self.render_to_response(self.get_context_data())
        else:
            self.action.change(self.comment)
            messages.success(request, self.action.done)
        return redirect(self.back_url)


@modeladmin_register
class CommentAdmin(StrictModelAdmin):
    """»Kommentare«: members' comments on pages, sessions and questions."""

    model = XtdComment
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_order = 235
    permission_helper_class = CommentPermissionHelper
    index_view_class = CommentIndexView
    index_template_name = "community/comments/admin/index.html"
    index_view_extra_css = ["css/admin-comments.css"]
    list_filter = (StateFilter,)
    search_fields = ("comment", "user_name")
    ordering = ("-needs_review", "-submit_date")
    list_per_page = 50

    def get_queryset(self, request):
        return with_reports(
            XtdComment.objects.select_related("content_type").prefetch_related("content_object")
        )

    def get_admin_urls_for_registration(self):
        moderate = re_path(
            rf"^{self.url_helper.base_url_path}/moderate/$",
            self.moderate_view,
            name=self.url_helper.get_action_url_name("moderate"),
        )
        index = self.url_helper.get_action_url_name("index")
        urls = [url for url in super().get_admin_urls_for_registration() if url.name == index]
        return (*urls, moderate)

    def moderate_view(self, request):
        return CommentModerateView.as_view(model_admin=self)(request)
