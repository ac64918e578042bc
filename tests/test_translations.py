"""No English may show in the German UI: every msgid of the code and templates has a German
translation in locale/de, none fuzzy."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale/de/LC_MESSAGES/django.po")
SKIP = shutil.ignore_patterns(
    ".venv", "node_modules", ".git", "test-artifacts", "media", "static_collected", "*.sqlite3"
)


pytestmark = pytest.mark.same_on_every_database


def statistics(po_file):
    result = subprocess.run(
        ["msgfmt", "--statistics", "--check-format", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts = {
        kind: int(number)
        for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr)
    }
    return counts, result.stderr


def test_german_catalogue_has_no_untranslated_or_fuzzy_entries():
    counts, output = statistics(ROOT / CATALOGUE)
    assert counts.get("translated", 0) > 0, output
    assert counts.get("fuzzy", 0) == 0, output
    assert counts.get("untranslated", 0) == 0, output


def test_every_string_of_the_code_is_in_the_german_catalogue(tmp_path):
    # Extract the strings again into a copy of the project, as a developer would with
    # makemessages, and check that nothing new came up untranslated.
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-location"]
        + ["--ignore=tests", "--ignore=benchmarks"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    counts, output = statistics(copy / CATALOGUE)
    assert counts.get("fuzzy", 0) == 0, output
    assert counts.get("untranslated", 0) == 0, output
