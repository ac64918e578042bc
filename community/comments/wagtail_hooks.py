"""»Kommentare« in the admin, for the moderators (permission change_xtdcomment): every
comment, those that members reported and that are still visible first, then the newest;
hide a comment, show it again, dismiss the reports, delete it. Hiding or deleting a
comment hides its replies as well (django-comments-xtd does that on save)."""

from collections.abc import Callable
from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.forms import Media
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView

from community.admin_views import ActionView, ReadOnlyViewSet, list_address
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


STATES = {
    "reported": (_("reported"), Q(needs_review=1)),
    "visible": (_("visible"), Q(is_public=True, is_removed=False)),
    "hidden": (_("hidden"), Q(is_public=False, is_removed=False)),
    "deleted": (_("deleted"), Q(is_removed=True)),
}


class CommentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[(name, label) for name, (label, _condition) in STATES.items()],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_state",
    )

    class Meta:
        model = XtdComment
        fields = ["state"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(STATES[value][1])


class CommentIndexView(IndexView):
    """The comments with what they belong to and the buttons of each row
    (templates/community/comments/admin/index_results.html)."""

    columns = ()  # the template shows the table
    moderate_url_name = None

    def get_base_queryset(self):
        return with_reports(
            XtdComment.objects.select_related("content_type").prefetch_related("content_object")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        may_moderate = self.user_has_permission("change")
        comments = list(context["object_list"])
        for comment in comments:
            target = comment.content_object
            comment.target_title = rules.target_title(target) if target else _("(deleted)")
            comment.target_url = rules.target_url(target) if target else ""
            comment.actions = [
                action for action in ACTIONS.values() if may_moderate and action.applies(comment)
            ]
        context["object_list"] = comments
        context["moderate_url"] = reverse(self.moderate_url_name)
        context["list_url"] = list_address(self.request, self.index_url)
        context["media"] += Media(css={"all": ["css/admin-comments.css"]})
        return context


class CommentModerateView(ActionView):
    """Changes one comment (POST: `action`, `pk`, `next`); deleting asks first (GET, or a
    POST without `confirmed`, shows the confirmation). Then back to the list as it was."""

    template_name = "community/comments/admin/confirm.html"
    actions = ACTIONS
    page_title = _("Delete comment")

    @cached_property
    def comment(self):
        pk = self.data.get("pk", "")
        if not pk.isdigit():
            return None
        return with_reports(XtdComment.objects.filter(pk=pk)).first()

    def applicable(self):
        return self.action is not None and self.comment and self.action.applies(self.comment)

    def get(self, request, *args, **kwargs):
        if not self.applicable() or not self.action.needs_confirmation:
            return redirect(self.next_url)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        if not self.applicable():
            messages.warning(request, _("This does not apply to the comment (any more)."))
        elif self.action.needs_confirmation and "confirmed" not in request.POST:
            return self.render_to_response(self.get_context_data())
        else:
            self.action.change(self.comment)
            messages.success(request, self.action.done)
        return redirect(self.next_url)


class CommentViewSet(ReadOnlyViewSet):
    """»Kommentare«: members' comments on pages, sessions and questions. Comments come from
    members; moderators change their state, nobody edits them."""

    model = XtdComment
    name = "community_comments"
    url_prefix = "django_comments_xtd/xtdcomment"
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 235
    permission_actions = ("view", "change")
    index_view_class = CommentIndexView
    index_results_template_name = "community/comments/admin/index_results.html"
    filterset_class = CommentFilterSet
    search_fields = ["comment", "user_name"]
    ordering = ["-needs_review", "-submit_date"]

    def get_common_view_kwargs(self, **kwargs):
        moderate_url_name = self.get_url_name("moderate")
        return super().get_common_view_kwargs(moderate_url_name=moderate_url_name, **kwargs)

    def get_urlpatterns(self):
        moderate = self.construct_view(CommentModerateView, list_label=self.menu_label)
        return [*super().get_urlpatterns(), path("moderate/", moderate, name="moderate")]


hooks.register("register_admin_viewset", CommentViewSet)
