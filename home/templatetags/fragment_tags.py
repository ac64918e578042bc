"""Parts of pages kept as HTML in the cache SITE (home/caching.py), so that a render does not
build them again until something they show changes (config/caches.py says what).

    {% stream page "body" %}
        a page's StreamField, as components/stream.html shows it: the same for everyone
    {% shared_fragment "agenda" page.pk chosen_format visitors_only=True %}…{% endshared_fragment %}
        any part whose content follows from the named parts and from what SITE depends on;
        with visitors_only, signed-in people get it rendered (stars, forms with their token);
        with when=<value>, it is kept only where the value is true

Nothing is kept for an editor's preview (unsaved content) or for a page without a key.
"""

import hashlib

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from home.caching import SITE, cached

register = template.Library()


def may_keep(request):
    return request is not None and not getattr(request, "is_preview", False)


def kept(request, key, render):
    host = request.get_host() if request is not None else ""
    return mark_safe(cached(SITE, f"fragment:{host}:{key}", render))  # noqa: S308 -- our HTML


@register.simple_tag(takes_context=True)
def stream(context, page, field):
    """The StreamField `field` of `page`. Its blocks read nothing of the request."""
    request = context.get("request")

    def render():
        shown = {"body": getattr(page, field), "request": request}
        return render_to_string("components/stream.html", shown)

    if not may_keep(request) or page.pk is None:
        return mark_safe(render())  # noqa: S308 -- rendered from our templates
    return kept(request, f"stream:{page.pk}:{field}", render)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts, visitors_only, when):
        self.nodelist, self.parts = nodelist, parts
        self.visitors_only, self.when = visitors_only, when

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (
            not may_keep(request)
            or (self.visitors_only and signed_in)
            or (self.when is not None and not self.when.resolve(context))
        ):
            return self.nodelist.render(context)
        parts = "\n".join(str(part.resolve(context)) for part in self.parts)
        digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
        return kept(request, f"shared:{digest}", lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()[1:]
    visitors_only = "visitors_only=True" in bits
    when = next((bit.removeprefix("when=") for bit in bits if bit.startswith("when=")), None)
    when = None if when is None else parser.compile_filter(when)
    parts = [
        parser.compile_filter(bit)
        for bit in bits
        if bit != "visitors_only=True" and not bit.startswith("when=")
    ]
    if not parts:
        raise template.TemplateSyntaxError("{% shared_fragment %} needs a name.")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, parts, visitors_only, when)
