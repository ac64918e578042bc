"""»Fragen« in the admin, for the moderators: the questions of the exchange, newest activity
first; moderators hide a question that breaks the rules, show it again, or delete it.

The one list of the site that stays on wagtail-modeladmin, which the design card names
among the platform's packages: a stock modeladmin list (columns, a list filter, row
buttons, the inspect view and delete) that reads only the parameters it offers
(admin_lists.py). The other lists of the member area are Wagtail viewsets."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import modeladmin_register
from wagtail_modeladmin.views import InstanceSpecificView

from community.models import Question
from community.questions import rules
from community.questions.admin_lists import StrictModelAdmin


class QuestionStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("open")), ("solved", _("solved")), ("hidden", _("hidden"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.visible().open()
        if self.value() == "solved":
            return queryset.visible().solved()
        if self.value() == "hidden":
            return queryset.filter(is_public=False)
        return queryset


class QuestionPermissionHelper(PermissionHelper):
    """Members ask in the site, not here; moderators hide, show and delete questions."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_moderate(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))


class QuestionButtonHelper(ButtonHelper):
    """Each row's buttons: hide or show, the question on the site, inspect and delete."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        classname = self.finalise_classname(classnames_add, classnames_exclude)
        if self.permission_helper.user_can_moderate(self.request.user):
            label = _("Hide") if obj.is_public else _("Show")
            url = self.url_helper.get_action_url("visibility", obj.pk)
            buttons.insert(0, {"url": url, "label": label, "classname": classname, "title": label})
        view = {"url": obj.get_absolute_url(), "label": _("View on site"), "classname": classname}
        return [*buttons, {**view, "title": _("The question as members see it")}]


class QuestionVisibilityView(InstanceSpecificView):
    """Hides a question (members no longer see it, nor its answers) or shows it again:
    GET asks for confirmation, POST with `visible` (1 or 0) does it."""

    template_name = "community/questions/admin/visibility.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_moderate(user)

    def get_page_title(self):
        return _("Hide question") if self.instance.is_public else _("Show question")

    def post(self, request, *args, **kwargs):
        question = self.instance
        question.is_public = request.POST.get("visible") == "1"
        question.save(update_fields=["is_public"])
        if question.is_public:
            done = _("The question »%(title)s« is visible to members again.")
        else:
            done = _("The question »%(title)s« is hidden.")
        messages.success(request, done % {"title": question.title})
        return redirect(self.url_helper.index_url)


class QuestionAdmin(StrictModelAdmin):
    """»Fragen«: the questions of the exchange, newest activity first. Moderators hide a
    question that breaks the rules, show it again, or delete it."""

    model = Question
    menu_label = _("Questions")
    menu_icon = "help"
    menu_order = 245
    permission_helper_class = QuestionPermissionHelper
    button_helper_class = QuestionButtonHelper
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "text",
        "author",
        "topics",
        "materials",
        "accepted_answer",
        "is_public",
        "created_at",
        "last_activity_at",
    ]
    history_view_enabled = False
    list_display = ("title", "asked_by", "answers", "state", "last_activity_at")
    list_filter = (QuestionStateFilter,)
    search_fields = ("title", "text")
    ordering = ("-last_activity_at", "-pk")
    list_per_page = 50

    def get_queryset(self, request):
        listed = super().get_queryset(request).select_related("author__member_profile")
        return rules.with_answer_counts(listed)

    @admin.display(description=_("asked by"))
    def asked_by(self, obj):
        return rules.asker(obj)[0]

    @admin.display(description=_("answers"))
    def answers(self, obj):
        return obj.answer_count

    @admin.display(description=_("state"))
    def state(self, obj):
        if not obj.is_public:
            return _("hidden")
        return _("solved") if obj.is_solved else _("open")

    def get_admin_urls_for_registration(self):
        visibility = re_path(
            self.url_helper.get_action_url_pattern("visibility"),
            self.visibility_view,
            name=self.url_helper.get_action_url_name("visibility"),
        )
        return (*super().get_admin_urls_for_registration(), visibility)

    def visibility_view(self, request, instance_pk):
        return QuestionVisibilityView.as_view(model_admin=self, instance_pk=instance_pk)(request)


modeladmin_register(QuestionAdmin)
