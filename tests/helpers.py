"""Small helpers to read rendered pages and the texts the site writes."""

import re

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

from home import caching


def soup(response):
    """The response's HTML, parsed."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(element):
    """An element's visible text with whitespace collapsed (None for a missing element)."""
    if element is None:
        return None
    return " ".join(element.get_text(" ").split())


def csp_directives(header):
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def translated(message, **values):
    """A message as the site writes it (in its language), e.g. a notification's title."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message) % values if values else str(message)


def links_in(text):
    """The web addresses in a plain text, e.g. an e-mail's body."""
    return re.findall(r"https?://\S+", text)


def commit():
    """Sends what the test's open transaction queued for its commit (the new cache versions
    and frontend purges of home.caching.Changes) as if it had committed: a test's
    transaction never commits, so tests of what the caches keep call it after a change."""
    changes = caching.queued()
    if changes is not None:
        changes()
