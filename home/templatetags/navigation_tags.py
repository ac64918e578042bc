from django import template
from wagtail.models import Page, Site

from home.groups import group_names
from home.navigation import MENU_FIELDS, main_menu_pages
from home.navigation import section_menu as section_menu_items

register = template.Library()

# Groups whose members never work in the admin: they get no user bar, which spares every
# page they open the two queries of Wagtail's admin permission check.
SITE_ONLY_GROUPS = frozenset({"Mitglieder"})


@register.filter
def may_use_admin(user):
    """Whether the page shows Wagtail's user bar to `user`: superusers and members of any
    group besides the site-only ones (editors, event managers, moderators)."""
    return user.is_authenticated and (
        user.is_superuser or bool(group_names(user) - SITE_ONLY_GROUPS)
    )


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu (cached, see home/navigation.py), each item with its state relative to
    the current page: "current", "ancestor" or ""."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": [], "request": request}
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for title, url, path in main_menu_pages(site):
        if path == current_path:
            state = "current"
        elif current_path.startswith(path):
            state = "ancestor"
        else:
            state = ""
        items.append({"title": title, "url": url, "state": state})
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the start page (always the site root, "/") down to the current page.
    Pages right below the start page need no query for it."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"page": None}
    ancestors = []
    if page.depth == 4:
        ancestors = [page.get_parent()]  # routing left the parent in treebeard's cache
    elif page.depth > 4:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gte=3).only(*MENU_FIELDS)
    return {"ancestors": list(ancestors), "page": page, "request": context["request"]}


@register.inclusion_tag("components/section_menu.html", takes_context=True)
def section_menu(context):
    """The pages of the current section (the top-level page the current page belongs to,
    and its children marked »show in menus«), so visitors reach every page by clicking."""
    page = context.get("page")
    site = Site.find_for_request(context["request"])
    in_section = site is not None and isinstance(page, Page) and page.depth >= 3
    menu = section_menu_items(page, site) if in_section else None
    if menu is None:
        return {"section": None}
    (title, url, path), items = menu
    current_path = page.path
    return {
        "section": {"title": title, "url": url, "current": path == current_path},
        "items": [
            {"title": title, "url": url, "current": path == current_path}
            for title, url, path in items
        ],
    }
