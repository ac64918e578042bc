"""German for the search: what a typed query means, on every backend alike.

A query is cut into words (letters and digits only, so SQL and Lucene syntax, control
characters and RTL overrides are dropped), without German stop words. Each word then stands
for itself, its spellings with and without umlauts and ß (»Foerderung« finds »Förderung«) and
the synonyms editors keep in the admin (»Patenschaft« also finds »Mentoring«). Stemming
(»Patenschaften« finds »Patenschaft«) is the backend's: PostgreSQL's `german` configuration,
Elasticsearch's German analyzer, and on SQLite German stems used as prefixes
(search/backends/database.py)."""

import functools
import re
import unicodedata

import snowballstemmer
from modelsearch.query import And, Or, PlainText

MAX_WORDS = 10
MAX_WORD_LENGTH = 40
MAX_QUERY_LENGTH = 200

STOP_WORDS = frozenset(
    [
        "aber",
        "als",
        "am",
        "an",
        "auch",
        "auf",
        "aus",
        "bei",
        "bin",
        "bis",
        "da",
        "das",
        "dass",
        "dem",
        "den",
        "der",
        "des",
        "die",
        "dies",
        "diese",
        "doch",
        "du",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "er",
        "es",
        "für",
        "hat",
        "ich",
        "ihr",
        "im",
        "in",
        "ist",
        "ja",
        "kann",
        "mit",
        "nach",
        "nicht",
        "noch",
        "nur",
        "ob",
        "oder",
        "sich",
        "sie",
        "sind",
        "so",
        "über",
        "um",
        "und",
        "uns",
        "vom",
        "von",
        "vor",
        "war",
        "was",
        "wie",
        "wir",
        "wird",
        "zu",
        "zum",
        "zur",
    ]
)

_WORD = re.compile(r"\w+")
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
_DIGRAPHS = {digraph: umlaut for umlaut, digraph in _UMLAUTS.items()}
_FOLDED = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_stemmer = snowballstemmer.stemmer("german")


def clean(text):
    """The query as a visitor meant it: control and formatting characters (NUL, RTL
    overrides, zero-width joiners) removed, spaces collapsed, at most MAX_QUERY_LENGTH."""
    text = unicodedata.normalize("NFC", text or "")
    kept = "".join(char for char in text if unicodedata.category(char)[0] != "C" or char == " ")
    return " ".join(kept.split())[:MAX_QUERY_LENGTH].rstrip()


def words(text):
    """The words of a query worth searching: no stop words, no underscores, at most
    MAX_WORDS, each cut to MAX_WORD_LENGTH."""
    found = (word.strip("_") for word in _WORD.findall(clean(text)))
    meaningful = [word[:MAX_WORD_LENGTH] for word in found if word]
    meaningful = [word for word in meaningful if word.lower() not in STOP_WORDS]
    return meaningful[:MAX_WORDS]


@functools.lru_cache(maxsize=10_000)  # titles and snippets repeat their words
def stem(word):
    """The German stem of `word`, lower case, umlauts and ß folded (»Förderungen« →
    »forder«)."""
    return fold(_stemmer.stemWord(word.lower()))


def fold(text):
    """Lower case without umlauts and ß, for comparing spellings (»Straße« → »strasse«)."""
    return text.lower().translate(_FOLDED)


def spellings(word):
    """`word` and its spellings with umlauts written out or in (»Foerderung«, »Förderung«)
    and with ß or ss (»Strasse«, »Straße«)."""
    written_out = "".join(_UMLAUTS.get(char, char) for char in word)
    umlauts = re.sub("|".join(_DIGRAPHS), lambda match: _DIGRAPHS[match.group()], word)
    variants = {word, written_out, umlauts, word.replace("ß", "ss"), word.replace("ss", "ß")}
    return sorted(variants, key=lambda variant: (variant != word, variant))


def alternatives(word, synonyms):
    """What `word` stands for: its spellings and, when it belongs to a group of synonyms
    (matched by stem), every term of that group with its spellings."""
    terms = [word, *synonyms.get(stem(word), ())]
    found = []
    for term in terms:
        for spelling in spellings(term):
            if spelling not in found:
                found.append(spelling)
    return found


def expand(text, synonyms=None, operator="and"):
    """The backend query for `text`: every word (or, with operator "or", any word) in one
    of its alternatives. None when nothing is left to search for."""
    parts = []
    for word in words(text):
        options = [PlainText(term, operator="and") for term in alternatives(word, synonyms or {})]
        parts.append(options[0] if len(options) == 1 else Or(options))
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return Or(parts) if operator == "or" else And(parts)


def highlight_stems(text, synonyms=None):
    """The stems a snippet marks for `text`: those of every alternative of every word."""
    stems = set()
    for word in words(text):
        for term in alternatives(word, synonyms or {}):
            stems.update(stem(part) for part in _WORD.findall(term))
    return {value for value in stems if value}
