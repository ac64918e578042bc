"""Saving a material into a collection (»Merken«), for approved members only; others see
nothing, and visitors cost no query.

- `{% save_material_button material %}` on the material's page: a small form with the
  member's collections and the ones that hold the material already (one query).
- `{% save_material_link material %}` in a material teaser: a link to the page that asks
  for the collection. Teasers of the library list sit inside its filter form, where a form
  of their own would be invalid HTML; the link costs no query per material.
"""

from django import template
from django.db.models import Exists, OuterRef

from community.access import is_member
from community.collections.forms import SaveMaterialForm
from community.models import CollectionItem, MaterialCollection

register = template.Library()


def member_request(context):
    """The request when its user is an approved member, else None. Works in templates
    included with `only`, which keep the request but not the context's variables."""
    request = getattr(context, "request", None) or context.get("request")
    user = getattr(request, "user", None)
    return request if user is not None and is_member(user) else None


@register.inclusion_tag("community/collections/save_material_button.html", takes_context=True)
def save_material_button(context, material):
    request = member_request(context)
    if request is None:
        return {"show": False}
    holding = CollectionItem.objects.filter(collection=OuterRef("pk"), material=material)
    collections = list(
        MaterialCollection.objects.filter(owner=request.user).annotate(has_material=Exists(holding))
    )
    form = SaveMaterialForm(request.user, collections=collections)
    return {
        "show": True,
        "material": material,
        "field": form["collection"],
        "saved_in": [collection for collection in collections if collection.has_material],
        "next": request.get_full_path(),
    }


@register.inclusion_tag("community/collections/save_material_link.html", takes_context=True)
def save_material_link(context, material):
    request = member_request(context)
    if request is None:
        return {"show": False}
    return {"show": True, "material": material, "next": request.get_full_path()}
