"""The demo loader builds the seed's site once and never twice."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import ContentPage, HomePage, NewsPage, SiteImage, SiteSettings

pytestmark = pytest.mark.django_db


def load(capsys):
    call_command("load_demo_content")
    return capsys.readouterr().out


def test_demo_loader_builds_the_page_tree_of_the_seed(client, demo_content):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    menu = [page.title for page in home.get_children().live().in_menu()]
    assert menu == [
        "Programm »Menschen stärken Menschen«",
        "Wissenstransfer",
        "Wissensdatenbank",
        "Veranstaltungen",
        "Meldungen",
        "Netzwerk",
        "Kontakt",
    ]
    assert Page.objects.get(url_path="/startseite/programm/patinnen-mentorinnen-und-lotsinnen/")
    assert NewsPage.objects.live().count() == 3
    legal = ContentPage.objects.filter(slug="erklaerung-zur-barrierefreiheit").get()
    assert legal.title == "Erklärung zur Barrierefreiheit"
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)  # BASE_URL of dev and tests
    response = client.get("/")
    assert "PatInnen, MentorInnen und LotsInnen" in response.content.decode()
    assert "Foto: Jörg Farys/www.dieprojektoren.de" in response.content.decode()


def test_second_run_changes_nothing_and_says_what_it_skipped(capsys, demo_content):
    assert "0 skipped" in demo_content  # the first run
    counts = (Page.objects.count(), SiteImage.objects.count(), SiteSettings.objects.count())
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}

    second = load(capsys)

    assert "0 created" in second
    assert "skipped (exists): page /meldungen/" in second
    assert (Page.objects.count(), SiteImage.objects.count(), SiteSettings.objects.count()) == counts
    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == revisions


def test_loader_keeps_what_editors_changed(capsys, demo_content):
    contact = ContentPage.objects.get(slug="kontakt")
    contact.title = "Kontakt und Anfahrt"
    contact.save_revision().publish()
    settings = SiteSettings.objects.get()
    settings.tagline = "Von der Redaktion geändert"
    settings.save()

    load(capsys)

    assert ContentPage.objects.get(slug="kontakt").title == "Kontakt und Anfahrt"
    assert SiteSettings.objects.get().tagline == "Von der Redaktion geändert"
