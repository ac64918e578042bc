from django import template

register = template.Library()


@register.filter
def email_parts(address):
    """Split an e-mail address so templates can show it without a harvestable `@`."""
    user, _, domain = (address or "").partition("@")
    return {"user": user, "domain": domain} if user and domain else None


@register.filter
def elided_page_range(page_obj):
    """The page numbers to link from a page of a long list: the first, the last and two on
    each side of the current one, with the paginator's ellipsis (»…«) in the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
