"""What the site-wide search looks through, for whom, and how a hit is shown.

Each kind of result searches only what the asking user may read: published pages that no
view restriction hides from them, the text of files they may download, sessions and speakers
of such congresses, organisations; questions, answers and member profiles for approved
members only. A hit is (relevance, kind, pk); the objects are read only for the hits shown."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from community.access import is_member
from community.models import MemberProfile, Question
from community.questions.rules import discussion_texts
from events.models import AgendaSession, CongressPage, EventIndexPage, EventPage, Speaker
from home.models import NewsPage, Organisation
from home.models.pages import viewable_by
from library.models import LibraryDocument, MaterialDocument, MaterialPage
from search.language import MAX_QUERY_LENGTH, highlight_stems
from search.pipeline import fetched
from search.snippets import mentions, snippet, stream_text

# Hits read per kind: counts are exact up to this number, and pages stay flat in queries.
MAX_HITS = 1000
# A hit whose name (title) contains a typed word ranks before one that only has it in its
# text or only matches a synonym.
NAME_BONUS = 2.0
NAME_FIELDS = {Speaker: "name", Organisation: "name", MemberProfile: "display_name"}
# The relevance of a material found only in a file: below any ranked hit.
FILE_RELEVANCE = 1e-6


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # the filter's label (plural)
    name: str  # a result's type (singular)
    members_only: bool = False


KINDS = [
    Kind("pages", _("Pages"), _("Page")),
    Kind("news", _("News"), _("News item")),
    Kind("materials", _("Materials"), _("Material")),
    Kind("events", _("Events"), _("Event")),
    Kind("sessions", _("Sessions"), _("Session")),
    Kind("speakers", _("Speakers"), _("Speaker")),
    Kind("organisations", _("Organisations"), _("Organisation")),
    Kind("questions", _("Questions"), _("Question"), members_only=True),
    Kind("members", _("Members"), _("Member"), members_only=True),
]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
PAGE_KINDS = {NewsPage: "news", MaterialPage: "materials"}
PAGE_KINDS.update(dict.fromkeys([CongressPage, EventPage, EventIndexPage], "events"))


@dataclass
class Hit:
    relevance: float
    kind: str
    pk: int
    documents: list = field(default_factory=list)  # for materials: the files that matched
    model: type = None  # for pages: their specific type

    def __reduce__(self):
        # Kept in the cache by the thousand (search/cache.py): as a plain tuple each, which
        # pickles several times faster than a dataclass's attributes.
        return Hit, (self.relevance, self.kind, self.pk, self.documents, self.model)


@dataclass
class Result:
    kind: Kind
    title: str
    url: str
    snippet: str = ""
    date: datetime.date | None = None
    details: list = field(default_factory=list)


def backend_ids(queryset):
    """Ids as a filter value the search backend understands: a subquery for the database
    backends, a list for Elasticsearch (which filters by the values it indexed)."""
    if not isinstance(get_search_backend(), ElasticsearchBaseSearchBackend):
        return queryset.values("pk")
    return list(queryset.values_list("pk", flat=True))


def rows(results, *fields):
    """(pk, *fields) of each search result: for the database backends their query, to be run
    by `fetched()` with the others (reading a thousand pages as model objects costs more than
    finding them); for Elasticsearch, read from the objects its results are."""
    if hasattr(results, "get_queryset"):
        return results.get_queryset().values_list("pk", *fields)
    return [(item.pk, *(getattr(item, name) for name in fields)) for item in results]


def found_ids(results):
    """The ids of search results as a filter value: a subquery for the database backends."""
    if hasattr(results, "get_queryset"):
        return results.get_queryset().values("pk")
    return [item.pk for item in results]


def ranked(queryset, query, *fields):
    """The rows (pk, score, name, *fields) of `queryset` for `query`, best first, at most
    MAX_HITS (see rows())."""
    name = NAME_FIELDS.get(queryset.model, "title")
    results = get_search_backend().search(
        query[:MAX_QUERY_LENGTH], queryset.only("pk", name, *fields)
    )
    return rows(results.annotate_score("_score")[:MAX_HITS], "_score", name, *fields)


def relevance(score, name, typed):
    """A hit's relevance: its score, NAME_BONUS times if its name contains a word as it was
    typed (not just a synonym). SQLite's bm25 is negative (lower is better), the other
    backends' scores positive: the size counts."""
    return abs(score or 0) * (NAME_BONUS if mentions(name, typed) else 1)


class Sources:
    """The searches for one user."""

    def __init__(self, user):
        self.user = user
        self.member = is_member(user)

    def kinds(self):
        return [kind for kind in KINDS if self.member or not kind.members_only]

    def pages(self):
        """Published pages the user may open, as a queryset the search backend can filter
        (it takes lookups on indexed fields, not the restriction subquery itself)."""
        viewable = Page.objects.live().filter(viewable_by(self.user), depth__gt=1)
        return Page.objects.live().filter(pk__in=backend_ids(viewable))

    def congresses(self):
        return CongressPage.objects.live().filter(viewable_by(self.user))

    def sessions(self):
        return AgendaSession.objects.filter(congress__in=backend_ids(self.congresses()))

    # --- Hits -----------------------------------------------------------------------------

    def hits(self, query):
        """{kind key: [Hit], best first} for every kind the user may search."""
        typed = highlight_stems(query)
        found = {kind.key: [] for kind in self.kinds()}
        searches = {
            "pages": ranked(self.pages(), query, "content_type"),
            "files": self.file_links(query),
        }
        searches.update({key: ranked(queryset, query) for key, queryset in self.others()})
        for key, found_rows in zip(searches, fetched(searches.values()), strict=True):
            if key == "pages":
                for pk, score, title, content_type_id in found_rows:
                    model = ContentType.objects.get_for_id(content_type_id).model_class()
                    kind = PAGE_KINDS.get(model, "pages")
                    found[kind].append(Hit(relevance(score, title, typed), kind, pk, model=model))
            elif key == "files":
                add_files(found["materials"], found_rows, typed)
            else:
                found[key] = [
                    Hit(relevance(score, name, typed), key, pk) for pk, score, name in found_rows
                ]
        return {key: sorted(hits, key=lambda hit: -hit.relevance) for key, hits in found.items()}

    def others(self):
        """(kind key, queryset) of the kinds that are neither pages nor materials."""
        sessions = self.sessions()
        yield "sessions", sessions
        speakers = Speaker.objects.filter(sessions__in=sessions)
        yield "speakers", Speaker.objects.filter(pk__in=backend_ids(speakers))
        yield "organisations", Organisation.objects.all()
        if self.member:
            # Visible questions only, for moderators too: they find hidden ones in the admin.
            yield "questions", Question.objects.visible()
            approved = MemberProfile.objects.approved()
            yield "members", MemberProfile.objects.filter(pk__in=backend_ids(approved))

    def file_links(self, query):
        """(material id, file id, file title) of the files the user may download that match
        `query`, in materials the user may open. Files are matched, not ranked: ranking
        thousands of long texts is what would make the search slow."""
        files = get_search_backend().search(
            query[:MAX_QUERY_LENGTH],
            LibraryDocument.objects.viewable_by(self.user).only("pk"),
            order_by_relevance=False,
        )
        return MaterialDocument.objects.filter(
            document__in=found_ids(files[:MAX_HITS]),
            page__in=MaterialPage.objects.live().filter(viewable_by(self.user)),
        ).values_list("page_id", "document_id", "document__title")

    # --- Results --------------------------------------------------------------------------

    def results(self, hits, request, stems):
        """The Results for `hits` (one page of them), in their order."""
        wanted = {}
        for hit in hits:
            wanted.setdefault(hit.kind, []).append(hit)
        shown = {}
        for key, kind_hits in wanted.items():
            present = getattr(self, f"present_{key}")
            for pk, result in present(kind_hits, request, stems).items():
                shown[(key, pk)] = result
        return [shown[(hit.kind, hit.pk)] for hit in hits if (hit.kind, hit.pk) in shown]

    def page_result(self, page, kind, request, stems, text="", **extra):
        text = " ".join(
            [page.search_description, text, page.intro, stream_text(page.body.raw_data)]
        )
        return Result(
            kind=KINDS_BY_KEY[kind],
            title=page.title,
            url=page.get_url(request),
            snippet=snippet(text, stems),
            **extra,
        )

    def present_pages(self, hits, request, stems):
        return {
            page.pk: self.page_result(
                page, "pages", request, stems, date=published(page.last_published_at)
            )
            for page in specific_pages(hits)
        }

    def present_news(self, hits, request, stems):
        return {
            item.pk: self.page_result(item, "news", request, stems, item.teaser, date=item.date)
            for item in specific_pages(hits)
        }

    def present_events(self, hits, request, stems):
        """Congresses and events with their first day (an event index page has none)."""
        return {
            page.pk: self.page_result(
                page, "events", request, stems, date=getattr(page, "start_date", None)
            )
            for page in specific_pages(hits)
        }

    def present_materials(self, hits, request, stems):
        materials = (
            MaterialPage.objects.filter(pk__in=[hit.pk for hit in hits])
            .select_related("material_type")
            .prefetch_related("topics")
        )
        documents_of = {hit.pk: hit.documents for hit in hits}
        results = {}
        for material in materials:
            result = self.page_result(
                material, "materials", request, stems, date=published(material.first_published_at)
            )
            details = [str(material.material_type or ""), *(t.name for t in material.topics.all())]
            result.details = [detail for detail in details if detail]
            results[material.pk] = result
        self.add_file_snippets(results, documents_of, stems)
        return results

    def add_file_snippets(self, results, documents_of, stems):
        """Materials found only by the text of their files show a passage of that text (one
        query for all of them; only files the user may download)."""
        wanted = {
            pk: documents_of[pk]
            for pk, result in results.items()
            if documents_of[pk] and "<mark>" not in result.snippet
        }
        if not wanted:
            return
        matched = [document for documents in wanted.values() for document in documents]
        documents = LibraryDocument.objects.viewable_by(self.user).filter(pk__in=matched)
        texts = dict(documents.values_list("pk", "text"))
        for pk, documents in wanted.items():
            in_files = " ".join(texts.get(document, "") for document in documents)
            results[pk].snippet = snippet(in_files, stems) or results[pk].snippet

    def present_sessions(self, hits, request, stems):
        sessions = AgendaSession.objects.filter(pk__in=[hit.pk for hit in hits]).select_related(
            "congress"
        )
        return {
            session.pk: Result(
                kind=KINDS_BY_KEY["sessions"],
                title=session.title,
                url=f"{session.congress.get_url(request)}#{session.anchor}",
                snippet=snippet(session.description, stems),
                date=session.day,
                details=[session.congress.title],
            )
            for session in sessions
        }

    def present_speakers(self, hits, request, stems):
        """Each speaker with the newest visible congress they speak at (one query)."""
        appearances = (
            AgendaSession.speakers.through.objects.filter(
                speaker__in=[hit.pk for hit in hits],
                agendasession__congress__in=self.congresses(),
            )
            .select_related("speaker", "agendasession__congress")
            .order_by("-agendasession__congress__start_date")
        )
        results = {}
        for appearance in appearances:
            speaker, congress = appearance.speaker, appearance.agendasession.congress
            if speaker.pk in results:
                continue
            results[speaker.pk] = Result(
                kind=KINDS_BY_KEY["speakers"],
                title=speaker.name,
                url=f"{congress.get_url(request)}#{speaker.anchor}",
                snippet=snippet(" ".join([speaker.title, speaker.bio]), stems),
                details=[congress.title],
            )
        return results

    def present_organisations(self, hits, request, stems):
        organisations = Organisation.objects.filter(pk__in=[hit.pk for hit in hits])
        return {
            organisation.pk: Result(
                kind=KINDS_BY_KEY["organisations"],
                title=organisation.name,
                url=reverse("community:organisation", args=[organisation.slug]),
                snippet=snippet(organisation.description, stems),
                details=[organisation.city] if organisation.city else [],
            )
            for organisation in organisations
        }

    def present_questions(self, hits, request, stems):
        questions = list(Question.objects.visible().filter(pk__in=[hit.pk for hit in hits]))
        in_answers = [
            question.pk
            for question in questions
            if "<mark>" not in snippet(f"{question.title} {question.text}", stems)
        ]
        answers = discussion_texts(in_answers) if in_answers else {}
        results = {}
        for question in questions:
            text = " ".join([question.text, answers.get(question.pk, "")])
            results[question.pk] = Result(
                kind=KINDS_BY_KEY["questions"],
                title=question.title,
                url=question.get_absolute_url(),
                snippet=snippet(text, stems),
                date=question.last_activity_at.date(),
                details=[_("solved")] if question.is_solved else [],
            )
        return results

    def present_members(self, hits, request, stems):
        profiles = MemberProfile.objects.approved().filter(pk__in=[hit.pk for hit in hits])
        return {
            profile.pk: Result(
                kind=KINDS_BY_KEY["members"],
                title=profile.display_name,
                url=reverse("community:profile", args=[profile.pk]),
                snippet=snippet(" ".join([profile.bio, profile.offers, profile.seeks]), stems),
                details=[
                    detail for detail in (profile.role, str(profile.organisation or "")) if detail
                ],
            )
            for profile in profiles.select_related("organisation")
        }


def add_files(material_hits, links, typed):
    """Materials found in a file: the file joins the material's hit, or makes one. A
    material found only in a file comes after those found in their page, one whose file
    title holds a typed word first among them."""
    by_page = {hit.pk: hit for hit in material_hits}
    for page_id, document_id, title in links:
        hit = by_page.get(page_id)
        if hit is None:
            hit = by_page[page_id] = Hit(0, "materials", page_id)
            material_hits.append(hit)
        hit.relevance = max(hit.relevance, relevance(FILE_RELEVANCE, title, typed))
        hit.documents.append(document_id)


def specific_pages(hits):
    """The pages of `hits` as their specific types: one query a type."""
    by_model = {}
    for hit in hits:
        by_model.setdefault(hit.model, []).append(hit.pk)
    return [page for model, pks in by_model.items() for page in model.objects.filter(pk__in=pks)]


def published(moment):
    return moment.date() if isinstance(moment, datetime.datetime) else moment
