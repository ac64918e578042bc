"""Synonyms the programme's people use, as a start for the editors' list."""

from django.db import migrations

GROUPS = [
    "Patenschaft, Mentoring, Tandem, Lotsen",
    "Geflüchtete, Flüchtlinge, Schutzsuchende",
    "Ehrenamt, Freiwilligenarbeit, bürgerschaftliches Engagement",
    "Finanzierung, Förderung, Zuwendung",
]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_groups, migrations.RunPython.noop)]
