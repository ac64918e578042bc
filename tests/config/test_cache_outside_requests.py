"""Changes made outside the site's requests — an import, the shell — show on the next view
of the running site, whose cache another process shares (home/caching.py). The command runs
as an operator runs it: in a process of its own, with the embedded default's cache in files.

PostgreSQL only: the other process must reach the test database."""

import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.factories import MaterialPageFactory
from tests.helpers import soup, text_of
from tests.library.test_import_materials import EXAMPLE

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
        reason="the command's process must reach the test database",
    ),
]


def manage(*arguments, cache_dir, media_root):
    from tests.home.test_backup import run

    command = [sys.executable, "manage.py", *arguments]
    result = run(command, connection.settings_dict["NAME"], media_root, cache_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def results_heading(client, url):
    return text_of(soup(client.get(url)).select_one("#results-title"))


def test_materials_imported_by_a_command_show_in_the_list_at_once(
    client, library, shared_cache, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    for title in ("Handreichung Vormundschaft", "Leitfaden Tandems"):
        MaterialPageFactory(parent=library, title=title)
    assert results_heading(client, library.url) == "2 Materialien"

    csv_file = str(EXAMPLE / "beispiel-import.csv")
    files = str(EXAMPLE / "dateien")
    manage(
        "import_materials",
        csv_file,
        "--files",
        files,
        cache_dir=shared_cache,
        media_root=tmp_path / "media",
    )

    assert results_heading(client, library.url) == "7 Materialien"


def test_site_settings_changed_in_the_shell_show_on_the_next_page(
    client, home_page, site_settings, shared_cache, tmp_path
):
    tagline = "Wissen teilen, Patenschaften stärken"
    assert text_of(soup(client.get("/")).select_one(".brand__tagline")) != tagline

    script = (
        "from home.models import SiteSettings; settings = SiteSettings.objects.get(); "
        f"settings.tagline = {tagline!r}; settings.save()"
    )
    manage("shell", "-c", script, cache_dir=shared_cache, media_root=tmp_path / "media")

    assert text_of(soup(client.get("/")).select_one(".brand__tagline")) == tagline
