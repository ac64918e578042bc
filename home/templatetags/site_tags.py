from django import template

register = template.Library()


@register.filter
def email_parts(address):
    """Split an e-mail address so templates can show it without a harvestable `@`."""
    user, _, domain = (address or "").partition("@")
    return {"user": user, "domain": domain} if user and domain else None
