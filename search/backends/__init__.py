"""The search backends the settings choose from: Wagtail's (django-modelsearch's) database
and Elasticsearch backends, each taught German by search/language.py. Every `.search()` on
the site goes through them, so the knowledge database's filter, the member directory and the
site-wide search treat queries alike."""
