"""The text a result shows: a passage around the first word the query found, with the found
words marked, escaped like all other text."""

import functools
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.language import fold

SNIPPET_LENGTH = 220
_TOKEN = re.compile(r"\w+")


def stream_text(raw_blocks):
    """The words of a StreamField's raw data (no rendering): every string in it, rich text
    without its tags."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(strip_tags(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("type", "id", "url", "link", "image", "document", "page"):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(list(raw_blocks or []))
    return " ".join(" ".join(found).split())


def _matches(token, stems):
    folded = fold(token)
    return any(folded == stem or (len(stem) > 3 and folded.startswith(stem)) for stem in stems)


# How a folded letter may be written: fold() turns »ä« into »a« and »ß« into »ss«.
_WRITTEN = {"a": "[aä]", "o": "[oö]", "u": "[uü]"}


@functools.lru_cache(maxsize=256)
def _finder(stems):
    """A regex for where a word matching one of `stems` may begin in unfolded text."""
    patterns = []
    for stem in stems:
        written = re.escape(stem).replace("ss", "(?:ss|ß)")
        written = "".join(_WRITTEN.get(char, char) for char in written)
        patterns.append(written if len(stem) > 3 else written + r"(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.IGNORECASE)


def _first_match(text, stems):
    """The first word of `text` that one of `stems` matches, found by a regex instead of
    folding every word of a long file text."""
    if not stems:
        return None
    for candidate in _finder(tuple(sorted(stems))).finditer(text):
        token = _TOKEN.match(text, candidate.start())
        if token and _matches(token.group(), stems):
            return token
    return None


@functools.lru_cache(maxsize=256)
def _folded_finder(stems):
    """A regex for a word of folded text that one of `stems` matches (see _matches)."""
    patterns = [re.escape(stem) + ("" if len(stem) > 3 else r"(?!\w)") for stem in sorted(stems)]
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")")


# A search checks the titles of its thousand hits; the same titles come back query after query.
_folded_title = functools.lru_cache(maxsize=20_000)(fold)


def mentions(text, stems):
    """Whether a word of `text` is one of `stems` (or, for longer stems, begins with it)."""
    if not stems or not text:
        return False
    return _folded_finder(frozenset(stems)).search(_folded_title(text)) is not None


def snippet(text, stems, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around its first found word, found words in
    <mark>; the start of the text when none is found; "" for no text."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    first = _first_match(text, stems)
    start = 0
    if first is not None and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    passage = text[start:end]
    marked = []
    position = 0
    for token in _TOKEN.finditer(passage):
        if _matches(token.group(), stems):
            marked.append(escape(passage[position : token.start()]))
            marked.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    marked.append(escape(passage[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(marked) + suffix)  # noqa: S308 (every part escaped)
