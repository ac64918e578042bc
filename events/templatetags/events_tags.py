from django import template
from django.db.models import OuterRef

from events.models import AgendaSession
from home.caching import SITE, cached
from home.models.pages import unrestricted

register = template.Library()


@register.inclusion_tag("events/material_sessions.html")
def sessions_of_material(material):
    """The congress sessions a material of the knowledge database belongs to (slides,
    minutes), for its page: the library shows them without importing events. Sessions of
    congresses that are unpublished or behind a view restriction stay hidden. Kept in the
    cache SITE, which sessions, pages and restrictions make stale."""

    def build():
        sessions = (
            AgendaSession.objects.filter(materials=material, congress__live=True)
            .filter(unrestricted(OuterRef("congress__path")))
            .select_related("congress")
            .order_by("-day", "start_time")
        )
        return list(sessions)

    return {"sessions": cached(SITE, f"material-sessions:{material.pk}", build)}
