"""What the platform sends to Elasticsearch, checked without a server: the German analysis
of the index and the German expansion of queries. (Searching a live Elasticsearch is tested
where ELASTICSEARCH_URL is set, see test_privacy.py.)"""

import json

import pytest
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from home.models import ContentPage
from search.models import SynonymGroup

pytestmark = pytest.mark.django_db

ELASTICSEARCH = {
    "default": {"BACKEND": "search.backends.elasticsearch", "URLS": ["http://127.0.0.1:9"]}
}


@pytest.fixture
def backend():
    with override_settings(WAGTAILSEARCH_BACKENDS=ELASTICSEARCH):
        yield get_search_backend()


def test_text_fields_are_analysed_in_german_with_umlauts_and_accents_folded(backend):
    analyzer = backend.settings["settings"]["analysis"]["analyzer"]["default"]

    assert analyzer["filter"] == [
        "lowercase",
        "german_stop",
        "german_normalization",
        "asciifolding",
        "german_stemmer",
    ]
    # Wagtail's own analyzers for autocompletion are still there.
    assert "edgengram_analyzer" in backend.settings["settings"]["analysis"]["analyzer"]


def sent_query(backend, text):
    results = backend.search(text, ContentPage)
    return json.dumps(results.query_compiler.get_query(), ensure_ascii=False)


def test_queries_carry_spellings_and_the_editors_synonyms(backend):
    SynonymGroup.objects.create(terms="Patenschaft, Tandem")

    assert "Förderung" in sent_query(backend, "Foerderung")
    assert "Tandem" in sent_query(backend, "Patenschaften")


def test_stop_words_alone_send_no_query(backend):
    results = backend.search("und der", ContentPage)

    assert list(results) == []
