"""Scale data for the page benchmarks (pages.sh, load.sh): the demo site of
`manage.py load_demo_content` with, on top, 5,000 materials each with a text file
(library_data.py), 2,000 member accounts (search_data.py), 200 news items, a congress open
for registration with 60 sessions, and 20,000 comments (20 on each of the first 800
benchmark materials and on each of the 200 news items).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x BENCHMARK_DATABASE=bbe_pages_benchmark \\
        .venv/bin/python benchmarks/pages_data.py

Idempotent: each part is keyed (materials by source_id, members by e-mail, news by slug,
the congress by slug, comments counted per target), so a run adds only what is missing.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

# The project, not this folder, comes first: here `search` would be search.py, not the app.
sys.path[0] = str(Path(__file__).resolve().parent.parent)
os.environ.setdefault("BENCHMARK_DATABASE", "bbe_pages_benchmark")

from benchmarks import common  # noqa: E402

MATERIALS = 5000
MEMBERS = 2000
NEWS = 200
SESSIONS = 60
COMMENTED_MATERIALS = 800
COMMENTS_PER_TARGET = 20  # 800 materials and 200 news items: 20,000 comments
NEWS_SLUG = "benchmark-meldung-{:03d}"
CONGRESS_SLUG = "fachkongress-benchmark"
COMMENT_TEXTS = [
    "Danke für das Material, wir setzen die Checkliste in unserem Projekt in {city} ein.",
    "Gibt es die Vorlage auch in einfacher Sprache?",
    "Bei uns hat sich bewährt, das Erstgespräch zu zweit zu führen.",
    "Wir haben ähnliche Erfahrungen gemacht, vor allem mit den Terminen bei Behörden.",
    "Sehr hilfreich für die Schulung unserer neuen Ehrenamtlichen in {city}.",
]
SESSION_FORMATS = ["plenary", "forum", "workshop", "workshop", "workshop", "break"]


def main():
    common.setup_django()
    started = time.perf_counter()
    demo_content()

    from benchmarks.library_data import PLACES, FilePlan, ensure_library
    from benchmarks.search_data import ensure_members

    library = ensure_library(MATERIALS, common.progress, FilePlan(every=1))
    print(f"Materials: {library.total:,} ({library.created:,} new).")
    print(f"Members: {ensure_members(MEMBERS, common.progress):,} new.")
    print(f"News items: {ensure_news(NEWS):,} new.")
    print(f"Congress sessions: {ensure_congress(SESSIONS):,} new.")
    print(f"Comments: {ensure_comments(PLACES):,} new.")
    common.analyze()
    print(f"Scale data ready in {time.perf_counter() - started:.0f} s.")


def demo_content():
    from django.core.management import call_command

    from home.models import NewsIndexPage

    if NewsIndexPage.objects.exists():
        print("Demo content: exists.")
        return
    started = time.perf_counter()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"Demo content loaded in {time.perf_counter() - started:.0f} s.")


def ensure_news(count):
    """`count` news items below the demo's news list, one per day back from today."""
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from benchmarks.library_data import child_paths
    from home.models import NewsIndexPage, NewsPage

    news_index = NewsIndexPage.objects.first()
    slugs = [NEWS_SLUG.format(number) for number in range(1, count + 1)]
    existing = set(NewsPage.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    missing = [number for number in range(1, count + 1) if NEWS_SLUG.format(number) not in existing]
    if not missing:
        return 0
    today = timezone.localdate()
    with transaction.atomic(), disable_reference_index_auto_update():
        paths = child_paths(news_index)
        for number in missing:
            date = today - datetime.timedelta(days=number)
            title = f"Meldung {number}: Neues aus dem Programm »Menschen stärken Menschen«"
            page = NewsPage(
                title=title,
                draft_title=title,
                slug=NEWS_SLUG.format(number),
                locale_id=news_index.locale_id,
                path=next(paths),
                depth=news_index.depth + 1,
                date=date,
                teaser="Patinnen und Paten berichten von ihren Erfahrungen im ersten Jahr der "
                "Begleitung; die Koordination zieht eine erste Bilanz.",
                intro="Eine Meldung des Benchmarks mit einem kurzen Text.",
                body=[("paragraph", "<p>Die Tandems trafen sich im Quartier. " * 20 + "</p>")],
                first_published_at=timezone.make_aware(
                    datetime.datetime.combine(date, datetime.time(10))
                ),
            )
            page.last_published_at = page.first_published_at
            page._cached_parent_obj = news_index
            page.save(clean=False)
        Page.objects.filter(pk=news_index.pk).update(numchild=F("numchild") + len(missing))
    return len(missing)


def ensure_congress(count):
    """A congress open for registration (next year, places for everyone) with `count`
    sessions over two days: plenaries, forums, parallel workshops and breaks."""
    from django.utils import timezone

    from events.models import AgendaSession, CongressPage, EventIndexPage, Speaker
    from library.models import Topic

    if CongressPage.objects.filter(slug=CONGRESS_SLUG).exists():
        return 0
    index = EventIndexPage.objects.first()
    year = timezone.localdate().year + 1
    congress = CongressPage(
        title=f"Fachkongress Benchmark {year}",
        slug=CONGRESS_SLUG,
        intro="Ein Kongress mit vielen Sitzungen für den Benchmark. Die Anmeldung ist offen.",
        start_date=datetime.date(year, 6, 10),
        end_date=datetime.date(year, 6, 11),
        venue_name="Tagungszentrum",
        venue_address="Musterstraße 1, 10115 Berlin",
        registration_enabled=True,
        capacity=1_000_000,
    )
    index.add_child(instance=congress)
    speakers = list(Speaker.objects.all())
    topics = list(Topic.objects.all())
    for number in range(count):
        rng = random.Random(f"session-{number}")
        day, slot = divmod(number, count // 2)
        start = datetime.time(9 + slot // 4, (slot % 4) * 15)
        kind = rng.choice(SESSION_FORMATS)
        session = AgendaSession(
            congress=congress,
            sort_order=number,
            day=[congress.start_date, congress.end_date][day],
            start_time=start,
            end_time=datetime.time(start.hour + 1, start.minute),
            format=kind,
            title=f"Sitzung {number + 1}: Patenschaften im Quartier",
            room=f"Raum {rng.randint(1, 8)}",
            description="Austausch über Erfahrungen, Fragen und gute Beispiele aus der Praxis.",
            capacity=None,
        )
        session.topics.set(rng.sample(topics, 2))
        session.speakers.set(rng.sample(speakers, min(2, len(speakers))))
        session.save()
    congress.save_revision().publish()
    return count


def ensure_comments(places):
    """COMMENTS_PER_TARGET comments on each of the first COMMENTED_MATERIALS benchmark
    materials and on each benchmark news item, by approved members (saved one by one: a
    multi-table model cannot be bulk-created)."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site
    from django.db import transaction
    from django.db.models import Count
    from django.db.models.signals import post_save
    from django.utils import timezone
    from django_comments_xtd.models import XtdComment

    from benchmarks.library_data import material_key
    from benchmarks.search_data import QUESTION_REINDEX_UID
    from community.models import MemberProfile
    from community.questions.rules import reindex_question
    from home.models import NewsPage
    from library.models import MaterialPage

    keys = [material_key(number) for number in range(1, COMMENTED_MATERIALS + 1)]
    targets = list(MaterialPage.objects.filter(source_id__in=keys)) + list(
        NewsPage.objects.filter(slug__startswith="benchmark-meldung-")
    )
    existing = {
        (row["content_type"], row["object_pk"]): row["count"]
        for row in XtdComment.objects.order_by()  # no Meta.ordering in the GROUP BY
        .values("content_type", "object_pk")
        .annotate(count=Count("pk"))
    }
    authors = list(
        MemberProfile.objects.approved().order_by("pk").values_list("user_id", "display_name")
    )
    site = Site.objects.get_current()
    created = 0
    post_save.disconnect(sender=XtdComment, dispatch_uid=QUESTION_REINDEX_UID)
    try:
        for done, target in enumerate(targets, start=1):
            content_type = ContentType.objects.get_for_model(target)
            have = existing.get((content_type.pk, str(target.pk)), 0)
            rng = random.Random(f"comments-{target.pk}")
            with transaction.atomic():
                for order in range(have, COMMENTS_PER_TARGET):
                    user_id, name = rng.choice(authors)
                    XtdComment(
                        content_type=content_type,
                        object_pk=str(target.pk),
                        site=site,
                        user_id=user_id,
                        user_name=name[:50],
                        comment=rng.choice(COMMENT_TEXTS).format(city=rng.choice(places)),
                        submit_date=timezone.now() - datetime.timedelta(hours=order + 1),
                        is_public=True,
                    ).save()
                    created += 1
            common.progress("comment targets", done, len(targets))
    finally:
        post_save.connect(reindex_question, sender=XtdComment, dispatch_uid=QUESTION_REINDEX_UID)
    return created


if __name__ == "__main__":
    main()
