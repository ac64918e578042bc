"""Small helpers to read rendered pages."""

from bs4 import BeautifulSoup


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
