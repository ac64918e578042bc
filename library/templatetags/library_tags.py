from django import template

from home.models.pages import unrestricted
from library.models import LibraryIndexPage, MaterialPage

register = template.Library()


@register.inclusion_tag("library/latest_materials.html")
def latest_materials(count=3):
    """»Neu in der Wissensdatenbank«: the newest public materials, for the start page."""
    library = LibraryIndexPage.objects.live().filter(unrestricted()).first()
    if library is None:
        return {"materials": []}
    return {
        "library": library,
        "materials": MaterialPage.objects.descendant_of(library).latest_public()[:count],
    }
