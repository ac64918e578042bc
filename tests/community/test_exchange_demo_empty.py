"""The demo's exchange needs the knowledge database and the demo members: without them it
makes nothing (tests/community/test_exchange_demo.py tests it with them)."""

import pytest
from django_comments_xtd.models import XtdComment

from community.demo.exchange import generate_exchange
from community.models import Question
from home.demo import Report

pytestmark = pytest.mark.django_db


def test_without_the_knowledge_database_and_members_nothing_is_made(home_page):
    report = Report()

    generate_exchange(report)

    assert report.created == []
    assert len(report.skipped) == 6
    assert not Question.objects.exists() and not XtdComment.objects.exists()
