from django import template

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
