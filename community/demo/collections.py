"""Demo collections: the demo member (mitglied@example.org) shares a starter kit for new
sponsorship projects with the network and keeps a private »Merkliste«. The materials are the
knowledge database's demo materials, found by their import ID; a second run adds nothing."""

from django.contrib.auth import get_user_model

from community.demo.data import MEMBER_EMAIL
from community.models import DEFAULT_COLLECTION_NAME, CollectionItem, MaterialCollection
from library.models import MaterialPage

STARTER_KIT = {
    "name": "Starterpaket für neue Patenschaftsprojekte",
    "description": (
        "Was wir neuen Trägern für die ersten Wochen empfehlen: vom Aufbau des Projekts über "
        "die Vereinbarung mit den Patinnen und Paten bis zur Finanzierung."
    ),
    "is_shared": True,
    "items": [
        ("MSM-001", "Der beste Einstieg – wir geben den Leitfaden allen neuen Koordinierenden."),
        (
            "MSM-003",
            "Für das erste Gespräch mit Interessierten; die Word-Fassung lässt sich "
            "an das eigene Projekt anpassen.",
        ),
        (
            "MSM-002",
            "Unsere Vorlage für die Vereinbarung. Bitte die Kontaktdaten der eigenen "
            "Koordinierungsstelle eintragen.",
        ),
        ("MSM-004", ""),
        ("MSM-017", "Hilfreich vor dem ersten Förderantrag."),
    ],
}
MERKLISTE = {
    "name": DEFAULT_COLLECTION_NAME,
    "description": "",
    "is_shared": False,
    "items": [
        ("MSM-005", "Für die Schulung im Herbst ansehen."),
        ("MSM-007", ""),
    ],
}


def generate_collections(report):
    """Adds the demo member's collections; names what it made or found to `report`."""
    owner = get_user_model().objects.filter(email__iexact=MEMBER_EMAIL).first()
    if owner is None:
        report.skipped.append("collections (the demo member is missing)")
        return
    for values in (STARTER_KIT, MERKLISTE):
        demo_collection(report, owner, values)


def demo_collection(report, owner, values):
    collection, created = MaterialCollection.objects.get_or_create(
        owner=owner,
        name=values["name"],
        defaults={"description": values["description"], "is_shared": values["is_shared"]},
    )
    label = f"collection »{collection.name}«"
    (report.created if created else report.skipped).append(label)
    keys = [key for key, _note in values["items"]]
    materials = {page.source_id: page for page in MaterialPage.objects.filter(source_id__in=keys)}
    for order, (key, note) in enumerate(values["items"]):
        if key in materials:
            CollectionItem.objects.get_or_create(
                collection=collection,
                material=materials[key],
                defaults={"note": note, "sort_order": order},
            )
