"""What the moderators' lists in the admin share (members, comments, privacy requests; each
sub-package registers its own in its wagtail_hooks.py).

Members write what these lists show on the site; in the admin it is read and moderated,
never added, edited or deleted as a form: `ReadOnlyViewSet` offers a list (and an inspect
view where enabled) and no other view. A moderator's change from a list is an
`ActionView`: it says what it will do first where that needs confirming, and goes back to
the list as it was (its filters, search and page). Wagtail's listings read only the
parameters they offer (their search, filters, ordering and page): nothing else of the
address filters a list."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet


class ReadOnlyViewSet(ModelViewSet):
    """Only the list, its results for searching and filtering, and the inspect view where
    enabled. The group editor offers only the permissions of `permission_actions`."""

    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    search_backend_name = None  # a plain search in the database
    list_per_page = 50
    permission_actions = ("view",)

    def get_common_view_kwargs(self, **kwargs):
        hidden = ("add", "edit", "delete", "history", "usage")
        no_urls = {f"{view}_url_name": None for view in hidden}
        return super().get_common_view_kwargs(**{**no_urls, **kwargs})

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            patterns.append(path("inspect/<int:pk>/", self.inspect_view, name="inspect"))
        return patterns

    def register_admin_url_finder(self):
        """Nothing to register: these models have no edit view that links could lead to."""

    def get_permissions_to_register(self):
        codenames = [f"{action}_{self.model_name}" for action in self.permission_actions]
        return super().get_permissions_to_register().filter(codename__in=codenames)


class ActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A moderator's change from a list, for those with the permission to change the model:
    `action` names one of `actions`, `next` is the address to go back to, the list or one of
    its objects (any other address is ignored). Subclasses show `template_name` to confirm
    what they will do."""

    model = None
    index_url_name = None
    permission_required = "change"
    actions = {}
    list_label = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.data = request.POST if request.method == "POST" else request.GET
        self.action = self.actions.get(self.data.get("action", ""))
        self.next_url = self.list_url(self.data.get("next", ""))

    @cached_property
    def index_url(self):
        return reverse(self.index_url_name)

    def list_url(self, url):
        """`url` if it is an address of this list (with its parameters) or of one of its
        objects, else the list."""
        return url if url.startswith(self.index_url) else self.index_url

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.next_url, "label": self.list_label},
            {"url": "", "label": self.get_page_title()},
        ]


def list_address(request, index_url):
    """The list's address with what the moderator chose (search, filters, page), also when
    the results were replaced after a filter changed (through the results address)."""
    params = request.GET.copy()
    params.pop("_w_filter_fragment", None)
    return f"{index_url}?{params.urlencode()}" if params else index_url
