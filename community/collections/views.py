"""Members' document collections (»Merkliste«): a member's own collections and those other
members share, saving a material into one, the collection's page with notes and order, and
the download of all its files as one ZIP archive.

Only approved members use collections. A member reads their own collections and the shared
ones of other active members; only the owner changes a collection (anyone else gets 404)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Exists, OuterRef, Q, When
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.access import MEMBERS_GROUP, display_name, member_required
from community.collections.archive import archive_members
from community.collections.forms import CollectionForm, CollectionItemNoteForm, SaveMaterialForm
from community.collections.zipstream import zip_chunks
from community.models import DEFAULT_COLLECTION_NAME, CollectionItem, MaterialCollection
from events.views import safe_next_url
from home.models.pages import german_slug, unrestricted
from home.pagination import page_of
from library.models import LibraryIndexPage, MaterialPage

SHARED_PER_PAGE = 20


# --- Who reads which collection ---------------------------------------------------------------


def readable_collections(user):
    """The user's own collections and those shared by other active members."""
    sharing = get_user_model().objects.filter(is_active=True, groups__name=MEMBERS_GROUP)
    own_or_shared = MaterialCollection.objects.readable_by(user)
    return own_or_shared.filter(Q(owner=user) | Q(owner__in=sharing)).select_related(
        "owner__member_profile"
    )


def owner_name(collection):
    """The owner's name as the member directory shows it."""
    profile = getattr(collection.owner, "member_profile", None)
    return profile.display_name if profile else display_name(collection.owner)


def readable(view):
    """Calls `view(request, collection)` with collection `pk` if the member may read it."""

    @wraps(view)
    @member_required
    def wrapper(request, pk):
        collection = readable_collections(request.user).filter(pk=pk).first()
        if collection is None:
            raise Http404
        collection.owner_name = owner_name(collection)
        return view(request, collection)

    return wrapper


def posted(request):
    """The form data of a POST (even an empty one), else None."""
    return request.POST if request.method == "POST" else None


def own_collection(request, pk):
    return get_object_or_404(MaterialCollection, pk=pk, owner=request.user)


# --- The list, creating, editing, deleting ----------------------------------------------------


@never_cache
@member_required
def collection_list(request):
    counted = MaterialCollection.objects.annotate(item_count=Count("items"))
    merkliste_first = Case(When(name=DEFAULT_COLLECTION_NAME, then=0), default=1)
    own = counted.filter(owner=request.user).order_by(merkliste_first, "name", "pk")
    shared_ids = readable_collections(request.user).exclude(owner=request.user).values("pk")
    shared = (
        counted.filter(pk__in=shared_ids)
        .select_related("owner__member_profile")
        .order_by("name", "pk")
    )
    page = page_of(shared, request.GET.get("page", 1), SHARED_PER_PAGE)
    for collection in page.object_list:
        collection.owner_name = owner_name(collection)
    library = LibraryIndexPage.objects.live().filter(unrestricted()).first() if not own else None
    return render(
        request,
        "community/collections/list.html",
        {"own": own, "shared_page": page, "library": library},
    )


@never_cache
@member_required
def create_collection(request):
    form = CollectionForm(request.user, posted(request))
    if request.method == "POST" and form.is_valid():
        collection = form.save()
        messages.success(
            request, _("The collection »%(name)s« has been created.") % {"name": collection.name}
        )
        return redirect(collection)
    return render(request, "community/collections/form.html", {"form": form})


@never_cache
@member_required
def edit_collection(request, pk):
    collection = own_collection(request, pk)
    form = CollectionForm(request.user, posted(request), instance=collection)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("The collection »%(name)s« has been saved.") % {"name": collection.name}
        )
        return redirect(collection)
    return render(
        request, "community/collections/form.html", {"form": form, "collection": collection}
    )


@never_cache
@member_required
def delete_collection(request, pk):
    collection = own_collection(request, pk)
    if request.method == "POST":
        collection.delete()
        messages.success(
            request, _("The collection »%(name)s« has been deleted.") % {"name": collection.name}
        )
        return redirect("community:collections")
    return render(
        request,
        "community/collections/delete.html",
        {"collection": collection, "item_count": collection.items.count()},
    )


# --- Saving a material ------------------------------------------------------------------------


@never_cache
@member_required
def add_material(request, material_id):
    """GET: a page to choose the collection (the library list links here); POST: save."""
    material = get_object_or_404(MaterialPage.objects.visible(), pk=material_id)
    next_url = safe_next_url(request) or material.get_url(request)
    form = SaveMaterialForm(request.user, posted(request))
    if request.method == "POST" and form.is_valid():
        save_into(request, form.target(), material)
        return redirect(next_url)
    return render(
        request,
        "community/collections/add.html",
        {"material": material, "form": form, "next": next_url},
        status=400 if form.errors else 200,
    )


def save_into(request, collection, material):
    """Adds `material` to the end of `collection` (once) and says so."""
    last = collection.items.order_by("-sort_order").values_list("sort_order", flat=True).first()
    _item, created = CollectionItem.objects.get_or_create(
        collection=collection,
        material=material,
        defaults={"sort_order": 0 if last is None else last + 1},
    )
    if created:
        text = _('»{title}« has been saved in <a href="{url}">{name}</a>.')
    else:
        text = _('»{title}« is already in <a href="{url}">{name}</a>.')
    message = format_html(
        text, title=material.title, url=collection.get_absolute_url(), name=collection.name
    )
    (messages.success if created else messages.info)(request, message)


# --- A collection's page and its items --------------------------------------------------------


@never_cache
@readable
def collection_detail(request, collection):
    return render_detail(request, collection)


def render_detail(request, collection, failed_form=None):
    """The collection's page; `failed_form` is an item's note form that did not validate and
    is shown with its errors and the text typed."""
    is_owner = collection.owner_id == request.user.pk
    items = list(
        collection.items.select_related("material__material_type", "material__organisation")
        .annotate(
            available=Exists(MaterialPage.objects.visible().filter(pk=OuterRef("material_id")))
        )
        .order_by("sort_order", "pk")
    )
    if not is_owner:
        items = [item for item in items if item.available]
    for item in items:
        if is_owner:
            failed = failed_form and failed_form.instance.pk == item.pk
            item.note_form = failed_form if failed else CollectionItemNoteForm(instance=item)
    return render(
        request,
        "community/collections/detail.html",
        {
            "collection": collection,
            "items": items,
            "is_owner": is_owner,
            "has_available": any(item.available for item in items),
        },
        status=400 if failed_form else 200,
    )


@never_cache
@require_POST
@member_required
def change_item(request, pk):
    """The owner's changes to an item: its note, its place (up, down), or removing it."""
    item = get_object_or_404(
        CollectionItem.objects.select_related("collection", "material"),
        pk=pk,
        collection__owner=request.user,
    )
    collection = item.collection
    action = request.POST.get("action")
    if action == "note":
        form = CollectionItemNoteForm(request.POST, instance=item)
        if not form.is_valid():
            collection.owner_name = owner_name(collection)
            return render_detail(request, collection, failed_form=form)
        form.save()
        messages.success(request, _("The note has been saved."))
    elif action in ("up", "down"):
        move(item, -1 if action == "up" else 1)
    elif action == "remove":
        item.delete()
        messages.success(
            request,
            _("»%(title)s« has been removed from the collection.") % {"title": item.material.title},
        )
        return redirect(collection)
    return redirect(f"{collection.get_absolute_url()}#item-{item.pk}")


def move(item, step):
    """Moves `item` one place up (-1) or down (1) and numbers the items afresh."""
    items = list(item.collection.items.order_by("sort_order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + step
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for order, other in enumerate(items):
        other.sort_order = order
    CollectionItem.objects.bulk_update(items, ["sort_order"])


# --- The ZIP download -------------------------------------------------------------------------


@never_cache
@readable
def download_zip(request, collection):
    members = archive_members(collection, request, collection.owner_name)
    response = StreamingHttpResponse(zip_chunks(members), content_type="application/zip")
    filename = f"{german_slug(collection.name) or 'sammlung'}.zip"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    return response
