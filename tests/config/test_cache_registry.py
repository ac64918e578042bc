"""The cache registry (config/caches.py): every model of the project that pages or cached
values may read is declared there with the caches it makes stale, or listed as not cached
with the reason. A new model (the working groups to come) that is neither fails here."""

import pytest
from django.apps import apps
from wagtail.snippets.models import get_snippet_models

from config.caches import DEPENDS_ON, NOT_CACHED, dependency_of
from home.caching import NAMES

PROJECT_APPS = (
    "home",
    "library",
    "events",
    "community",
    "search",
    "django_comments",
    "django_comments_xtd",
)


def project_models():
    """Every concrete model of the project's apps and of the comments, the relations between
    them, and every snippet."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PROJECT_APPS
    ]
    return sorted({*models, *get_snippet_models()}, key=lambda model: model._meta.label)


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_every_model_is_declared_or_said_to_be_irrelevant(model):
    declared = dependency_of(model)

    assert (declared is not None and declared.caches) or model in NOT_CACHED, (
        f"{model._meta.label}: add it to config.caches.DEPENDS_ON with the caches it makes "
        "stale, or to NOT_CACHED with the reason no cache keeps what it changes"
    )
    assert not (declared and model in NOT_CACHED), f"{model._meta.label} is in both lists"


def test_every_reason_is_given_and_every_cache_is_known():
    assert all(isinstance(reason, str) and len(reason) > 10 for reason in NOT_CACHED.values())
    assert {name for dependency in DEPENDS_ON.values() for name in dependency.caches} <= set(NAMES)


def test_what_pages_show_makes_the_site_cache_stale_and_indexed_models_the_search():
    from community.models import Question
    from events.models import AgendaSession, CongressPage, Speaker
    from home.models import SiteSettings
    from library.models import LibraryDocument, MaterialPage

    for model in (MaterialPage, CongressPage, AgendaSession, Speaker, SiteSettings):
        assert "site" in dependency_of(model).caches, model
    for model in (MaterialPage, LibraryDocument, Question):
        assert "search" in dependency_of(model).caches, model
