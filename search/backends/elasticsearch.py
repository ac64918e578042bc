"""Wagtail's Elasticsearch 9 backend in German: every text field is analysed with German
stop words, umlaut and ß normalisation (»Foerderung« = »Förderung«), ASCII folding and the
light German stemmer; queries are expanded with the editors' synonyms like on the database
backend (search/language.py), so changing a synonym needs no reindex."""

from copy import deepcopy

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.utils import deep_update

from search.backends.german import GermanQueries

GERMAN_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "german_stop": {"type": "stop", "stopwords": "_german_"},
                "german_stemmer": {"type": "stemmer", "language": "light_german"},
            },
            "analyzer": {
                # Elasticsearch uses the analyzer named »default« for every text field that
                # names none (Wagtail's autocomplete fields keep their edge n-grams).
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_stop",
                        "german_normalization",
                        "asciifolding",
                        "german_stemmer",
                    ],
                }
            },
        }
    }
}


class SearchBackend(GermanQueries, Elasticsearch9SearchBackend):
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), GERMAN_ANALYSIS)
