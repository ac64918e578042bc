"""`{{ text|plain_text }}`: what members write (profiles, comments, questions, notes) is
plain text; on a page it is escaped, keeps its line breaks, and web and e-mail addresses
become links marked rel="nofollow ugc" (written by a user, not endorsed by the platform)."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize

register = template.Library()


@register.filter(is_safe=True)
def plain_text(text):
    linked = urlize(str(text), trim_url_limit=60, nofollow=True, autoescape=True)
    linked = linked.replace(' rel="nofollow"', ' rel="nofollow ugc"')  # the text is escaped
    return linebreaksbr(linked, autoescape=False)
