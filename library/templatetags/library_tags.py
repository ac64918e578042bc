from django import template
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from home.caching import SITE, cached
from home.models.pages import unrestricted
from library.models import LibraryIndexPage, MaterialPage

register = template.Library()


@register.inclusion_tag("library/latest_materials.html")
def latest_materials(count=3):
    """»Neu in der Wissensdatenbank«: the newest public materials, for the start page; kept
    in the cache SITE."""

    def build():
        library = LibraryIndexPage.objects.live().filter(unrestricted()).first()
        if library is None:
            return {"materials": []}
        materials = MaterialPage.objects.descendant_of(library).latest_public()[:count]
        return {"library": library, "materials": list(materials)}

    return cached(SITE, f"latest-materials:{count}", build)


FACET_VALUE = (
    '<li><label><input type="checkbox" name="{}" value="{}"{}> '
    '<span class="facet__label">{}</span> <span class="facet__count">{}</span></label></li>'
)


@register.simple_tag
def facet_values(facet):
    """A facet's checkboxes with their counts (library/facet.html), built here: the list
    shows about a hundred of them, which cost a template ten times as much."""
    checked = mark_safe(" checked")  # noqa: S308 -- a constant
    return format_html_join(
        "\n",
        FACET_VALUE,
        (
            (
                facet.name,
                value.value,
                checked if value.selected else "",
                value.label,
                localize(value.count),
            )
            for value in facet.values
        ),
    )
