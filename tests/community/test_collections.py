"""Document collections (»Merkliste«): saving materials from the material page and the
library list, the list of one's own and shared collections, creating, editing and deleting
a collection, its page with notes and order, user text that never becomes markup, and the
query budgets of the list and a collection's page."""

import pytest
from django.urls import reverse

from community.demo.collections import generate_collections
from community.models import DEFAULT_COLLECTION_NAME, CollectionItem, MaterialCollection
from home.demo import Report
from tests.factories import (
    CollectionItemFactory,
    MaterialCollectionFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    MemberProfileFactory,
    OrganisationFactory,
)
from tests.helpers import soup, text_of
from tests.library.test_query_budget import measure

pytestmark = pytest.mark.django_db

LIST = reverse("community:collections")
NEW = reverse("community:collection_new")
QUERY_BUDGET = 15  # everything a member's request costs, session and user included


def add_url(page):
    return reverse("community:collection_add", args=[page.pk])


def item_url(item):
    return reverse("community:collection_item", args=[item.pk])


@pytest.fixture
def materials(library):
    """Three materials: a guide (CC BY, of an organisation), a template, a checklist."""
    return [
        MaterialPageFactory(
            parent=library,
            title="Leitfaden Patenschaften",
            material_type=MaterialTypeFactory(name="Leitfaden"),
            organisation=OrganisationFactory(name="Caritas Köln", short_name="Caritas"),
            year=2016,
            licence="cc-by-4.0",
        ),
        MaterialPageFactory(parent=library, title="Vorlage Patenschaftsvereinbarung", year=2017),
        MaterialPageFactory(parent=library, title="Checkliste Erstgespräch", year=2018),
    ]


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return member


def items_of(collection):
    return list(
        collection.items.order_by("sort_order", "pk").values_list("material__title", flat=True)
    )


def shown_titles(client, collection):
    page = soup(client.get(collection.get_absolute_url()))
    return [text_of(title) for title in page.select(".collection-item__title")]


# --- Saving a material ------------------------------------------------------------------------


def test_member_saves_a_material_into_the_merkliste_made_on_first_use(client, logged_in, materials):
    guide = materials[0]
    page = soup(client.get(guide.url))
    form = page.select_one(".save-material form")
    assert form["action"] == add_url(guide)
    assert [text_of(o) for o in form.select("option")] == [DEFAULT_COLLECTION_NAME]

    response = client.post(add_url(guide), {"collection": "", "next": guide.url}, follow=True)

    assert response.redirect_chain[-1][0] == guide.url
    merkliste = MaterialCollection.objects.get(owner=logged_in)
    assert merkliste.name == DEFAULT_COLLECTION_NAME and not merkliste.is_shared
    assert items_of(merkliste) == ["Leitfaden Patenschaften"]
    message = soup(response).select_one(".message--success")
    assert "Leitfaden Patenschaften" in text_of(message)
    assert message.select_one("a")["href"] == merkliste.get_absolute_url()
    saved = soup(response).select_one(".save-material__saved a")
    assert saved["href"] == merkliste.get_absolute_url()


def test_saving_a_material_twice_says_so_and_keeps_one_item(client, logged_in, materials):
    guide = materials[0]
    client.post(add_url(guide), {"next": guide.url}, follow=True)

    response = client.post(add_url(guide), {"next": guide.url}, follow=True)

    assert soup(response).select_one(".message--info a") is not None
    assert not soup(response).select(".message--success")
    assert CollectionItem.objects.filter(collection__owner=logged_in).count() == 1


def test_a_material_goes_to_the_end_of_the_chosen_collection(client, logged_in, materials):
    projekt = MaterialCollectionFactory(
        owner=logged_in, materials=materials[:2], name="Projektstart"
    )
    MaterialCollectionFactory(owner=logged_in, name=DEFAULT_COLLECTION_NAME)

    page = soup(client.get(materials[2].url))
    options = [text_of(o) for o in page.select(".save-material option")]
    assert options == [DEFAULT_COLLECTION_NAME, "Projektstart"]

    client.post(add_url(materials[2]), {"collection": projekt.pk})

    assert items_of(projekt) == [m.title for m in materials]
    assert shown_titles(client, projekt)[-1] == "Checkliste Erstgespräch"


def test_nobody_saves_into_another_members_collection(client, logged_in, other_member, materials):
    theirs = MaterialCollectionFactory(owner=other_member, name="Ottos Sammlung", is_shared=True)

    response = client.post(add_url(materials[0]), {"collection": theirs.pk})

    assert response.status_code == 400
    assert soup(response).select_one("[role=alert]") is not None
    assert not theirs.items.exists()
    assert not CollectionItem.objects.exists()


def test_an_unpublished_material_cannot_be_saved(client, logged_in, materials):
    materials[0].unpublish()
    assert client.post(add_url(materials[0])).status_code == 404
    assert not CollectionItem.objects.exists()


def test_after_saving_an_address_of_another_site_is_not_followed(client, logged_in, materials):
    response = client.post(add_url(materials[0]), {"next": "https://evil.example/"})
    assert response["Location"] == materials[0].url


def test_the_library_list_offers_saving_to_members_only(client, library, materials, pending):
    assert not soup(client.get(library.url)).select(".save-link")
    client.force_login(pending)
    assert not soup(client.get(library.url)).select(".save-link")
    assert not soup(client.get(materials[0].url)).select(".save-material")

    client.force_login(MemberProfileFactory().user)
    links = soup(client.get(library.url, {"page": 1})).select(".save-link")

    assert len(links) == 3
    assert {link["href"].split("?")[0] for link in links} == {add_url(m) for m in materials}
    assert "next=/wissensdatenbank/%3Fpage%3D1" in links[0]["href"]


def test_the_choice_page_of_the_library_list_saves_and_returns(client, logged_in, materials):
    back = "/wissensdatenbank/?page=2"
    page = soup(client.get(add_url(materials[1]), {"next": back}))
    assert text_of(page.select_one(".lead")) == "Vorlage Patenschaftsvereinbarung"
    assert page.select_one("input[name=next]")["value"] == back

    response = client.post(add_url(materials[1]), {"collection": "", "next": back})

    assert response["Location"] == back
    assert items_of(MaterialCollection.objects.get(owner=logged_in)) == [materials[1].title]


# --- The list of collections ------------------------------------------------------------------


def test_list_shows_own_collections_and_those_others_share(
    client, logged_in, other_member, materials
):
    MaterialCollectionFactory(
        owner=logged_in, materials=materials, name="Projektstart", is_shared=True
    )
    MaterialCollectionFactory(owner=logged_in, materials=materials[:1])
    MaterialCollectionFactory(
        owner=other_member, materials=materials[:2], name="Ottos Auswahl", is_shared=True
    )
    MaterialCollectionFactory(owner=other_member, materials=materials, name="Ottos Geheimes")
    gone = MemberProfileFactory(display_name="Gesperrte Person", status="suspended")
    MaterialCollectionFactory(
        owner=gone.user, materials=materials, name="Von Gesperrten", is_shared=True
    )

    page = soup(client.get(LIST))

    own = page.select("#own-title + .collection-list .collection-card")
    assert [text_of(card.select_one("h3")) for card in own] == ["Merkliste", "Projektstart"]
    assert [card.select_one(".tag")["class"] for card in own] == [
        ["tag", "tag--quiet"],
        ["tag"],
    ]
    assert text_of(own[1].select_one(".collection-card__meta span")).startswith("3 ")
    shared = page.select("#shared-title + .collection-list .collection-card")
    assert len(shared) == 1
    assert text_of(shared[0].select_one("h3")) == "Ottos Auswahl"
    assert "Otto Anders" in text_of(shared[0])
    assert page.select_one(f"a[href='{NEW}']") is not None


def test_empty_list_points_to_the_knowledge_database(client, logged_in, library):
    page = soup(client.get(LIST))
    assert len(page.select(".empty-state")) == 2
    assert page.select_one(f".empty-state a[href='{library.url}']") is not None


# --- Creating, editing, deleting --------------------------------------------------------------


def test_member_creates_a_shared_collection(client, logged_in):
    response = client.post(
        NEW, {"name": "Projektstart", "description": "Für neue Träger", "is_shared": "on"}
    )

    collection = MaterialCollection.objects.get(owner=logged_in)
    assert response["Location"] == collection.get_absolute_url()
    assert (collection.name, collection.description, collection.is_shared) == (
        "Projektstart",
        "Für neue Träger",
        True,
    )


@pytest.mark.parametrize("name", ["Projektstart", "projektSTART"])
def test_a_second_collection_of_the_same_name_is_refused_and_the_input_kept(
    client, logged_in, name
):
    MaterialCollectionFactory(owner=logged_in, name="Projektstart")

    response = client.post(NEW, {"name": name, "description": "Mein Text"})

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("[role=alert] a[href='#id_name']") is not None
    assert page.select_one("#id_name")["aria-invalid"] == "true"
    assert page.select_one("#id_name")["value"] == name
    assert text_of(page.select_one("#id_description")) == "Mein Text"
    assert MaterialCollection.objects.filter(owner=logged_in).count() == 1


def test_another_member_may_use_the_same_name(client, logged_in, other_member):
    MaterialCollectionFactory(owner=other_member, name="Projektstart")
    client.post(NEW, {"name": "Projektstart"})
    assert MaterialCollection.objects.filter(owner=logged_in, name="Projektstart").exists()


def test_a_name_is_required_and_at_most_120_characters(client, logged_in):
    for name in ["   ", "x" * 121]:
        page = soup(client.post(NEW, {"name": name}))
        assert page.select_one("#id_name")["aria-invalid"] == "true"
    assert not MaterialCollection.objects.exists()


def test_owner_edits_a_collection(client, logged_in):
    collection = MaterialCollectionFactory(owner=logged_in, name="Alt")
    url = reverse("community:collection_edit", args=[collection.pk])
    assert soup(client.get(url)).select_one("#id_name")["value"] == "Alt"

    client.post(url, {"name": "Neu", "description": "Text", "is_shared": "on"})

    collection.refresh_from_db()
    assert (collection.name, collection.description, collection.is_shared) == ("Neu", "Text", True)


def test_owner_keeps_the_name_when_editing_other_fields(client, logged_in):
    collection = MaterialCollectionFactory(owner=logged_in, name="Projektstart")
    url = reverse("community:collection_edit", args=[collection.pk])
    response = client.post(url, {"name": "Projektstart", "description": "Neu"})
    assert response.status_code == 302


def test_deleting_asks_first_and_leaves_the_materials(client, logged_in, materials):
    collection = MaterialCollectionFactory(
        owner=logged_in, materials=materials, name="Projektstart"
    )
    url = reverse("community:collection_delete", args=[collection.pk])

    page = soup(client.get(url))
    assert "Projektstart" in text_of(page.select_one(".danger-box"))
    assert MaterialCollection.objects.filter(pk=collection.pk).exists()

    response = client.post(url)

    assert response["Location"] == LIST
    assert not MaterialCollection.objects.filter(pk=collection.pk).exists()
    assert not CollectionItem.objects.exists()
    assert all(type(m).objects.filter(pk=m.pk).exists() for m in materials)


# --- A collection's page ----------------------------------------------------------------------


def test_collection_page_lists_the_materials_in_order_with_their_details(
    client, logged_in, materials
):
    collection = MaterialCollectionFactory(
        owner=logged_in,
        materials=materials,
        name="Projektstart",
        description="Für den Anfang",
        notes=["Zuerst lesen!\nDann weitergeben."],
    )

    page = soup(client.get(collection.get_absolute_url()))

    assert text_of(page.select_one("h1")) == "Projektstart"
    assert text_of(page.select_one(".lead")) == "Für den Anfang"
    items = page.select(".collection-item")
    assert [text_of(i.select_one("h2")) for i in items] == [m.title for m in materials]
    first = items[0]
    assert first.select_one("h2 a")["href"] == materials[0].url
    assert "Leitfaden" in text_of(first.select_one(".collection-item__meta"))
    assert "2016" in text_of(first.select_one(".collection-item__meta"))
    assert "Caritas" in text_of(first.select_one(".collection-item__meta"))
    assert "CC BY 4.0" in text_of(first.select_one(".collection-item__facts"))
    note = first.select_one(".collection-item__note p:last-child")
    assert note.select_one("br") is not None
    assert "Zuerst lesen!" in text_of(note)
    zip_url = reverse("community:collection_zip", args=[collection.pk])
    assert page.select_one(f"a[href='{zip_url}']") is not None


def test_owner_moves_items_up_and_down(client, logged_in, materials):
    collection = MaterialCollectionFactory(owner=logged_in, materials=materials)
    first, second, third = collection.items.order_by("sort_order")

    response = client.post(item_url(third), {"action": "up"})
    assert response["Location"] == f"{collection.get_absolute_url()}#item-{third.pk}"
    assert items_of(collection) == [materials[0].title, materials[2].title, materials[1].title]

    client.post(item_url(first), {"action": "down"})
    client.post(item_url(first), {"action": "down"})
    client.post(item_url(first), {"action": "down"})  # already last: stays
    assert shown_titles(client, collection) == [
        materials[2].title,
        materials[1].title,
        materials[0].title,
    ]


def test_owner_sees_move_buttons_only_where_they_move(client, logged_in, materials):
    collection = MaterialCollectionFactory(owner=logged_in, materials=materials)
    items = soup(client.get(collection.get_absolute_url())).select(".collection-item")
    buttons = [
        [b["value"] for b in item.select(".collection-item__order button")] for item in items
    ]
    assert buttons == [["down", "remove"], ["up", "down", "remove"], ["up", "remove"]]


def test_owner_removes_an_item(client, logged_in, materials):
    collection = MaterialCollectionFactory(owner=logged_in, materials=materials)
    second = collection.items.get(material=materials[1])

    response = client.post(item_url(second), {"action": "remove"}, follow=True)

    assert items_of(collection) == [materials[0].title, materials[2].title]
    assert materials[1].title in text_of(soup(response).select_one(".message--success"))


def test_owner_writes_a_note(client, logged_in, materials):
    collection = MaterialCollectionFactory(owner=logged_in, materials=materials[:1])
    item = collection.items.get()

    client.post(item_url(item), {"action": "note", f"item{item.pk}-note": "Für die Schulung"})

    item.refresh_from_db()
    assert item.note == "Für die Schulung"
    page = soup(client.get(collection.get_absolute_url()))
    assert text_of(page.select_one(".collection-item__note p:last-child")) == "Für die Schulung"


def test_a_note_too_long_is_refused_and_the_text_kept(client, logged_in, materials):
    collection = MaterialCollectionFactory(
        owner=logged_in, materials=materials[:2], notes=["alt", "alt"]
    )
    item = collection.items.get(material=materials[1])
    typed = "Viel zu lang. " * 100

    response = client.post(item_url(item), {"action": "note", f"item{item.pk}-note": typed})

    assert response.status_code == 400
    page = soup(response)
    edited = page.select_one(f"#item-{item.pk}")
    assert edited.select_one("details")["open"] is not None
    assert edited.select_one("[role=alert]") is not None
    assert edited.select_one("textarea").text.strip() == typed.strip()
    assert edited.select_one("textarea")["aria-invalid"] == "true"
    item.refresh_from_db()
    assert item.note == "alt"


def test_others_see_a_shared_collection_without_the_owners_tools(
    client, member, other_member, materials
):
    collection = MaterialCollectionFactory(
        owner=member, materials=materials, name="Projektstart", is_shared=True
    )
    materials[1].unpublish()
    client.force_login(other_member)

    page = soup(client.get(collection.get_absolute_url()))

    assert "Mira Mitglied" in text_of(page.select_one(".page-header__meta"))
    assert [text_of(t) for t in page.select(".collection-item__title")] == [
        materials[0].title,
        materials[2].title,
    ]
    assert not page.select(".collection-item__tools")
    assert not page.select(
        f"a[href='{reverse('community:collection_edit', args=[collection.pk])}']"
    )


def test_owner_sees_a_withdrawn_material_marked_and_without_link(client, logged_in, materials):
    collection = MaterialCollectionFactory(owner=logged_in, materials=materials[:1])
    materials[0].unpublish()

    item = soup(client.get(collection.get_absolute_url())).select_one(".collection-item")

    assert item.select_one("h2 a") is None
    assert item.select_one(".collection-item__gone") is not None


def test_only_the_owner_changes_items(client, member, other_member, materials):
    collection = MaterialCollectionFactory(
        owner=member, materials=materials, is_shared=True, notes=["Meine Notiz"]
    )
    item = collection.items.order_by("sort_order").first()
    client.force_login(other_member)

    for action in ["note", "up", "down", "remove"]:
        data = {"action": action, f"item{item.pk}-note": "Übernommen"}
        assert client.post(item_url(item), data).status_code == 404

    item.refresh_from_db()
    assert (item.note, collection.items.count()) == ("Meine Notiz", 3)


# --- User text never becomes markup -----------------------------------------------------------

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "javascript:alert(1)",
    "[Klick](javascript:alert(1))",
]


def assert_no_live_markup(page):
    assert not [s for s in page.select("script") if "alert" in s.text]
    assert not page.select("[onerror]")
    assert not page.select("img[src=x]")
    assert not [a for a in page.select("a[href]") if "javascript:" in a["href"].lower()]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_names_descriptions_and_notes_stay_text(
    client, logged_in, other_member, materials, payload
):
    response = client.post(
        NEW, {"name": f"Sammlung {payload}", "description": payload, "is_shared": "on"}, follow=True
    )
    collection = MaterialCollection.objects.get(owner=logged_in)
    item = CollectionItemFactory(collection=collection, material=materials[0])
    client.post(item_url(item), {"action": "note", f"item{item.pk}-note": payload})
    assert_no_live_markup(soup(response))  # the success message names the collection
    saved = client.post(add_url(materials[1]), {"collection": collection.pk}, follow=True)
    assert_no_live_markup(soup(saved))

    for viewer in (logged_in, other_member):
        client.force_login(viewer)
        for url in (LIST, collection.get_absolute_url(), materials[0].url):
            page = soup(client.get(url))
            assert_no_live_markup(page)
        detail = soup(client.get(collection.get_absolute_url()))
        assert payload in text_of(detail.select_one(".collection-item__note"))
        assert f"Sammlung {payload}" == text_of(detail.select_one("h1"))


# --- Query budgets ----------------------------------------------------------------------------


def test_collection_page_stays_within_the_budget_from_10_to_100_items(
    client, member, other_member, library, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    kind = MaterialTypeFactory()
    pages = [
        MaterialPageFactory(
            parent=library, title=f"Material {n:03d}", organisation=organisation, material_type=kind
        )
        for n in range(100)
    ]
    small = MaterialCollectionFactory(
        owner=member, materials=pages[:10], name="Klein", is_shared=True, notes=["Notiz"] * 10
    )
    large = MaterialCollectionFactory(
        owner=member, materials=pages, name="Groß", is_shared=True, notes=["Notiz"] * 100
    )

    for viewer in (member, other_member):
        client.force_login(viewer)
        counts = []
        for collection, size in ((small, 10), (large, 100)):
            url = collection.get_absolute_url()
            count, page = measure(client, url, django_assert_max_num_queries, budget=QUERY_BUDGET)
            assert len(page.select(".collection-item")) == size
            counts.append(count)
        assert counts[0] == counts[1], viewer


def test_collection_list_stays_within_the_budget(
    client, member, materials, django_assert_max_num_queries
):
    def shared_by_new_members(numbers):
        for number in numbers:
            owner = MemberProfileFactory().user
            MaterialCollectionFactory(
                owner=owner, materials=materials, name=f"Sammlung {number:03d}", is_shared=True
            )

    client.force_login(member)
    MaterialCollectionFactory(owner=member, materials=materials, name="Eigene")
    shared_by_new_members(range(3))
    few, _page = measure(client, LIST, django_assert_max_num_queries, budget=QUERY_BUDGET)
    shared_by_new_members(range(3, 40))
    many, page = measure(client, LIST, django_assert_max_num_queries, budget=QUERY_BUDGET)

    assert len(page.select(".collection-card")) == 1 + 20  # shared ones in pages of 20
    assert few == many


def test_save_links_cost_the_library_list_no_query_per_material(
    client, member, library, django_assert_max_num_queries
):
    client.force_login(member)
    for number in range(3):
        MaterialPageFactory(parent=library, title=f"Material {number}")
    few, _page = measure(client, library.url, django_assert_max_num_queries, budget=20)
    for number in range(3, 10):
        MaterialPageFactory(parent=library, title=f"Material {number}")
    many, page = measure(client, library.url, django_assert_max_num_queries, budget=20)

    assert len(page.select(".save-link")) == 10
    assert few == many


# --- Demo content -----------------------------------------------------------------------------


def test_demo_collections_are_made_once(library):
    owner = MemberProfileFactory(user__email="mitglied@example.org").user
    for number in range(1, 18):
        MaterialPageFactory(parent=library, title=f"Demo {number}", source_id=f"MSM-{number:03d}")

    first, second = Report(), Report()
    generate_collections(first)
    generate_collections(second)

    starter, merkliste = MaterialCollection.objects.filter(owner=owner).order_by("-is_shared")
    assert starter.name == "Starterpaket für neue Patenschaftsprojekte" and starter.is_shared
    assert (merkliste.name, merkliste.is_shared) == (DEFAULT_COLLECTION_NAME, False)
    assert starter.items.count() == 5 and merkliste.items.count() == 2
    assert starter.items.exclude(note="").count() == 4
    assert len(first.created) == 2 and not second.created
