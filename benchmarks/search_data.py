"""Scale data for the site-wide search benchmark: the library of library_data.py with a text
file for every material, approved members with profiles, and the questions they asked with
answers.

File texts (about 24 kB) hold, after sentences like the summaries', a technical part from a
vocabulary of their own (1,600 compound nouns), so that a file's index entry holds some 500
different words (a real report has more), and words that occur in files only, at known
shares: »Führungszeugnis« in about every third file, »Dolmetscherpool« in a handful,
»Schweigepflichtentbindung« in files of members-only materials only. Profiles and answers
have words of their own too (»Sprachcafé«, »Stundenzettel«), which only members find.

Everything is keyed and seeded by its number (materials by `source_id`, members by their
e-mail address, questions by their count), so a run creates only what is missing, and always
the same. Members and questions are bulk-created and indexed in bulk, as `update_index`
would; the editors' synonyms are those of the migration search/0002.
"""

import datetime
import random
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from modelsearch.backends import get_search_backends

from benchmarks.library_data import PLACES, FilePlan, ensure_library
from community.access import MEMBERS_GROUP
from community.models import MemberProfile, MemberStatus, Question
from community.questions.rules import reindex_question
from home.models import Organisation
from library.models import AccessLevel, Topic

MEMBER_EMAIL = "bench-member-{:05d}@example.org"
BENCHMARK_MEMBER = MEMBER_EMAIL.format(1)  # the member whose requests are timed
PENDING_EVERY = 10  # every 10th account still waits for approval
CHUNK_SIZE = 250
QUESTION_REINDEX_UID = "qindex"  # community/apps.py

# --- File texts ---------------------------------------------------------------------------------

COMPOUND_HEADS = [
    "Familien",
    "Jugend",
    "Bildungs",
    "Sprach",
    "Arbeits",
    "Wohn",
    "Gesundheits",
    "Beratungs",
    "Freizeit",
    "Kultur",
    "Sport",
    "Schul",
    "Ausbildungs",
    "Integrations",
    "Nachbarschafts",
    "Quartiers",
    "Gemeinde",
    "Vereins",
    "Netzwerk",
    "Fortbildungs",
    "Projekt",
    "Teilhabe",
    "Begegnungs",
    "Frauen",
    "Eltern",
    "Kinder",
    "Senioren",
    "Migrations",
    "Verwaltungs",
    "Rechts",
    "Finanz",
    "Qualitäts",
    "Kommunikations",
    "Medien",
    "Konflikt",
    "Lern",
    "Erfahrungs",
    "Koordinations",
    "Übergangs",
    "Engagement",
]
COMPOUND_TAILS = [
    "beratung",
    "angebot",
    "zentrum",
    "netzwerk",
    "konzept",
    "arbeit",
    "gruppe",
    "stelle",
    "planung",
    "förderung",
    "begleitung",
    "entwicklung",
    "kompetenz",
    "situation",
    "bedarf",
    "struktur",
    "partnerschaft",
    "leitung",
    "praxis",
    "programm",
    "initiative",
    "treffen",
    "kurs",
    "verfahren",
    "standard",
    "landschaft",
    "management",
    "erfahrung",
    "perspektive",
    "verantwortung",
    "sicherung",
    "bericht",
    "werkstatt",
    "plattform",
    "austausch",
    "raum",
    "konferenz",
    "analyse",
    "strategie",
    "forschung",
]
ADJECTIVES = [
    "wirksam",
    "nachhaltig",
    "verlässlich",
    "niedrigschwellig",
    "aufwendig",
    "hilfreich",
    "unverzichtbar",
    "umstritten",
    "erfolgreich",
    "ausbaufähig",
]
TECHNICAL_SENTENCES = [
    "Für {c1} und {c2} gilt: je früher abgestimmt, desto besser.",
    "Die Befragten nannten vor allem {c1}, {c2} und {c3}.",
    "In {place} hat sich {c1} als {adjective} erwiesen.",
    "Tabelle {n}: {c1} nach {c2} und Jahr ({year}).",
    "Abbildung {n} zeigt {c1} zwischen {year} und {later}.",
    "Empfehlung {n}: {c1} frühzeitig mit {c2} verbinden.",
    "Kapitel {n} beschreibt {c1} im Zusammenspiel mit {c2}.",
    "Aus Sicht der Träger ist {c1} {adjective}, {c2} dagegen {adjective2}.",
    "Zwischen {year} und {later} wuchs {c1} in {place} deutlich.",
    "Anlage {n} enthält Vorlagen zu {c1}, {c2} und {c3}.",
]
# Words found in files only: (share of files, sentences in which they occur, inflected).
FILE_ONLY_WORDS = [
    (
        0.3,
        [
            "Ein erweitertes Führungszeugnis ist vor dem ersten Treffen vorzulegen.",
            "Die Führungszeugnisse der Patinnen und Paten werden alle fünf Jahre erneuert.",
            "Die Kosten des Führungszeugnisses trägt der Träger.",
        ],
    ),
    (
        0.1,
        [
            "Die Ehrenamtspauschale ist bis zu einem jährlichen Höchstbetrag steuerfrei.",
            "Mehrere Vereine zahlen Ehrenamtspauschalen nur auf Antrag.",
        ],
    ),
    (
        0.03,
        ["Der Übungsleiterfreibetrag gilt für ausbildende und betreuende Tätigkeiten."],
    ),
    (
        0.05,
        [
            "Bei Anzeichen einer Kindeswohlgefährdung informieren Ehrenamtliche die "
            "Koordination sofort.",
            "Das Schutzkonzept beschreibt den Umgang mit Kindeswohlgefährdungen.",
        ],
    ),
    (
        0.002,
        ["Ein regionaler Dolmetscherpool vermittelt Sprachmittlerinnen für Termine."],
    ),
]
# Found only in the files of members-only materials (members find them, visitors do not).
MEMBERS_FILE_SENTENCE = (
    "Die Schweigepflichtentbindung liegt als Vorlage bei und gilt nur für dieses Tandem."
)
MEMBERS_FILE_SHARE = 0.5
TECHNICAL_PARAGRAPHS = (20, 60)  # paragraphs of the technical part of a file
SENTENCES_PER_PARAGRAPH = (3, 7)

# --- Members ------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Anna",
    "Yusuf",
    "Julia",
    "Ali",
    "Leyla",
    "Clara",
    "Florian",
    "Nina",
    "Katrin",
    "Mehmet",
    "Stefan",
    "Tobias",
    "Miriam",
    "Samira",
    "Jonas",
    "Fatma",
    "Lukas",
    "Sophie",
    "Omar",
    "Hanna",
]
LAST_NAMES = [
    "Kaya",
    "Schmitz",
    "Hassan",
    "Rahimi",
    "Neumann",
    "Huber",
    "Hoffmann",
    "Brandes",
    "Arslan",
    "Richter",
    "Lang",
    "Becker",
    "Yılmaz",
    "Wagner",
    "Demir",
    "Krüger",
    "Haddad",
    "Schulz",
    "Nowak",
    "Wolf",
]
ROLES = [
    "Koordinatorin Patenschaften",
    "Projektleitung",
    "Ehrenamtskoordination",
    "Geschäftsführung",
    "Bildungsreferent",
    "Sozialarbeiterin",
    "Mentor",
    "Lotsin",
]
BIOS = [
    "Ich begleite seit {years} Jahren Patenschaften mit jungen Geflüchteten in {city}.",
    "Seit {years} Jahren koordiniere ich ein Sprachcafé und das Mentoring unseres Vereins.",
    "Ich arbeite in der Migrationsberatung und baue ein Netzwerk von Lotsinnen auf.",
    "In unserer Kirchengemeinde in {city} treffen sich jede Woche {count} Tandems.",
    "Ich bin Ansprechperson für Ehrenamtliche und kümmere mich um Fortbildungen.",
]
OFFERS = [
    "Erfahrung mit Fördermitteln und Verwendungsnachweisen",
    "Vorlagen für Patenschaftsvereinbarungen",
    "Kontakte zu Wohnungsbaugesellschaften",
    "Schulungen zu interkultureller Kommunikation",
    "Räume für ein Sprachcafé",
    "Begleitung bei Terminen mit Behörden",
]
SEEKS = [
    "Austausch über die Gewinnung von Ehrenamtlichen",
    "Ideen für den Abschluss von Patenschaften",
    "Partner für ein Mentoring in der Ausbildung",
    "Erfahrungen mit Stundenzetteln im Verwendungsnachweis",
    "Kontakte zu Kitas und Schulen",
]

# --- Questions ----------------------------------------------------------------------------------

QUESTION_TITLES = [
    "Wie gehen Sie mit Absagen von {actors} kurz vor dem ersten Treffen um?",
    "Begleiten Ihre {actors} auch zu Wohnungsbesichtigungen?",
    "Wie weisen Sie ehrenamtlich geleistete Stunden im Verwendungsnachweis nach?",
    "Wie beenden Sie eine Patenschaft, die nicht mehr trägt?",
    "Welche Erfahrungen haben Sie mit {actors} in ländlichen Räumen?",
    "Wie finden Sie neue {actors} für Ihr Projekt?",
    "Wer übernimmt bei Ihnen die Kosten für Dolmetscherinnen?",
    "Wie bereiten Sie {actors} auf Termine beim Jobcenter vor?",
]
QUESTION_ACTORS = ["Patinnen", "Ehrenamtlichen", "Mentoren", "Lotsinnen", "Freiwilligen"]
QUESTION_TEXTS = [
    "Bei uns ist es in den letzten Monaten {count}-mal passiert. Wie fangen Sie das auf?",
    "Wir überlegen, das im nächsten Jahr anders zu machen, und suchen Erfahrungen aus "
    "anderen Projekten in {city}.",
    "Unser Zuwendungsgeber fragt danach. Bisher sammeln wir Stundenzettel auf Papier.",
    "Die Familien haben gute Erfahrungen gemacht, aber die Koordination kostet viel Zeit.",
]
ANSWERS = [
    "Wir arbeiten mit den Kirchengemeinden in {city} zusammen, das hat sehr geholfen.",
    "Eine begründete Schätzung pro Tandem und Monat reicht in der Regel.",
    "Im Erstgespräch fragen wir ausdrücklich, was in den nächsten Monaten ansteht.",
    "Bei uns gehen Ehrenamtliche mit, unterschreiben aber nichts und bürgen für nichts.",
    "Die Checkliste aus der Wissensdatenbank haben wir um genau diese Frage ergänzt.",
    "Ein Sprachcafé ist bei uns der beste Ort, um neue Freiwillige kennenzulernen.",
]


@dataclass
class SearchData:
    materials: int
    members: int
    questions: int
    answers: int
    created: dict
    seconds: float


def ensure_search_data(materials, members, questions, progress=None):
    """The library with `materials` materials, each with a file, `members` accounts (every
    PENDING_EVERY-th waiting for approval) and `questions` questions: what is missing."""
    started = time.perf_counter()
    library = ensure_library(materials, progress, FilePlan(every=1, extra_text=file_text))
    created_members = ensure_members(members, progress)
    created_questions = ensure_questions(questions, progress)
    answers = XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(Question)
    ).count()
    return SearchData(
        materials=library.total,
        members=MemberProfile.objects.approved().count(),
        questions=Question.objects.count(),
        answers=answers,
        created={
            "materials": library.created,
            "members": created_members,
            "questions": created_questions,
        },
        seconds=time.perf_counter() - started,
    )


def file_text(number, material):
    """The technical part of material `number`'s file, and the file-only words it draws."""
    rng = random.Random(f"file-{number}")
    sentences = [rng.choice(texts) for share, texts in FILE_ONLY_WORDS if rng.random() < share]
    if material.access_level == AccessLevel.MEMBERS and rng.random() < MEMBERS_FILE_SHARE:
        sentences.append(MEMBERS_FILE_SENTENCE)
    paragraphs = [technical_paragraph(rng) for _ in range(rng.randint(*TECHNICAL_PARAGRAPHS))]
    for sentence in sentences:
        where = rng.randrange(len(paragraphs))
        paragraphs[where] = f"{paragraphs[where]} {sentence}"
    return "\n\n".join(paragraphs)


def technical_paragraph(rng):
    return " ".join(technical_sentence(rng) for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH)))


def technical_sentence(rng):
    def compound():
        return rng.choice(COMPOUND_HEADS) + rng.choice(COMPOUND_TAILS)

    year = rng.randrange(2005, 2024)
    adjective, adjective2 = rng.sample(ADJECTIVES, 2)
    return rng.choice(TECHNICAL_SENTENCES).format(
        c1=compound(),
        c2=compound(),
        c3=compound(),
        place=rng.choice(PLACES),
        adjective=adjective,
        adjective2=adjective2,
        n=rng.randint(1, 30),
        year=year,
        later=year + rng.randint(1, 5),
    )


# --- Members ------------------------------------------------------------------------------------


def ensure_members(count, progress=None):
    """`count` accounts with profiles; all but every PENDING_EVERY-th approved and in the
    group Mitglieder. Returns how many were created."""
    emails = [MEMBER_EMAIL.format(number) for number in range(1, count + 1)]
    existing = set(
        get_user_model().objects.filter(email__in=emails).values_list("email", flat=True)
    )
    missing = [
        number for number in range(1, count + 1) if MEMBER_EMAIL.format(number) not in existing
    ]
    organisations = list(Organisation.objects.order_by("pk"))
    topics = list(Topic.objects.order_by("pk"))
    for done in range(0, len(missing), CHUNK_SIZE):
        chunk = missing[done : done + CHUNK_SIZE]
        with transaction.atomic():
            profiles = create_members(chunk, organisations, topics)
            index_bulk(MemberProfile, [profile.pk for profile in profiles])
        if progress:
            progress("members", done + len(chunk), len(missing))
    return len(missing)


def create_members(numbers, organisations, topics):
    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        [
            user_model(
                username=MEMBER_EMAIL.format(number),
                email=MEMBER_EMAIL.format(number),
                first_name=member_name(number)[0],
                last_name=member_name(number)[1],
                password="!",  # unusable: the benchmark logs its member in with force_login
            )
            for number in numbers
        ]
    )
    members = Group.objects.get(name=MEMBERS_GROUP)
    approved = [user for number, user in zip(numbers, users, strict=True) if is_approved(number)]
    user_model.groups.through.objects.bulk_create(
        [user_model.groups.through(user_id=user.pk, group_id=members.pk) for user in approved]
    )
    profiles = MemberProfile.objects.bulk_create(
        [
            member_profile(number, user, organisations)
            for number, user in zip(numbers, users, strict=True)
        ]
    )
    MemberProfile.topics.through.objects.bulk_create(
        [
            MemberProfile.topics.through(memberprofile_id=profile.pk, topic_id=topic.pk)
            for number, profile in zip(numbers, profiles, strict=True)
            for topic in random.Random(f"topics-{number}").sample(topics, 2)
        ]
    )
    return profiles


def member_name(number):
    rng = random.Random(f"name-{number}")
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def is_approved(number):
    return number % PENDING_EVERY != 0


def member_profile(number, user, organisations):
    rng = random.Random(f"member-{number}")
    city = rng.choice(PLACES)
    now = timezone.now()
    return MemberProfile(
        user=user,
        status=MemberStatus.APPROVED if is_approved(number) else MemberStatus.PENDING,
        status_changed_at=now,
        display_name=" ".join(member_name(number)),
        organisation=rng.choice(organisations),
        role=rng.choice(ROLES),
        city=city,
        bio=rng.choice(BIOS).format(years=rng.randint(2, 15), city=city, count=rng.randint(3, 30)),
        offers=", ".join(rng.sample(OFFERS, 2)),
        seeks=rng.choice(SEEKS),
        privacy_consent_at=now,
        privacy_notice_version="2025-01",
    )


# --- Questions ----------------------------------------------------------------------------------


def ensure_questions(count, progress=None):
    """`count` visible questions of approved members, each with 0–3 answers. Questions have
    no key of their own: the first `count` exist when that many do (only this script adds
    any). Returns how many were created."""
    existing = Question.objects.count()
    missing = list(range(existing + 1, count + 1))
    askers = list(MemberProfile.objects.approved().order_by("pk").values_list("user_id", "city"))
    topics = list(Topic.objects.order_by("pk"))
    content_type = ContentType.objects.get_for_model(Question)
    site = Site.objects.get_current()
    for done in range(0, len(missing), CHUNK_SIZE):
        chunk = missing[done : done + CHUNK_SIZE]
        with transaction.atomic():
            questions = create_questions(chunk, askers, topics)
            create_answers(questions, chunk, askers, content_type, site)
            index_bulk(Question, [question.pk for question in questions])
        if progress:
            progress("questions", done + len(chunk), len(missing))
    return len(missing)


def create_questions(numbers, askers, topics):
    questions = []
    for number in numbers:
        rng = random.Random(f"question-{number}")
        author, city = rng.choice(askers)
        asked = timezone.now() - datetime.timedelta(days=rng.randrange(1, 900))
        questions.append(
            Question(
                author_id=author,
                title=rng.choice(QUESTION_TITLES).format(actors=rng.choice(QUESTION_ACTORS)),
                text=rng.choice(QUESTION_TEXTS).format(count=rng.randint(2, 6), city=city),
                created_at=asked,
                last_activity_at=asked,
            )
        )
    questions = Question.objects.bulk_create(questions)
    Question.topics.through.objects.bulk_create(
        [
            Question.topics.through(question_id=question.pk, topic_id=topic.pk)
            for number, question in zip(numbers, questions, strict=True)
            for topic in random.Random(f"question-topics-{number}").sample(topics, 2)
        ]
    )
    return questions


def create_answers(questions, numbers, askers, content_type, site):
    """Answers as the site stores them: top-level comments, each its own thread (saved one
    by one, as a multi-table model cannot be bulk-created; the questions are indexed after,
    not on each answer's signal)."""
    post_save.disconnect(sender=XtdComment, dispatch_uid=QUESTION_REINDEX_UID)
    try:
        for number, question in zip(numbers, questions, strict=True):
            rng = random.Random(f"answers-{number}")
            for order in range(rng.randint(0, 3)):
                user, city = rng.choice(askers)
                XtdComment(
                    content_type=content_type,
                    object_pk=str(question.pk),
                    site=site,
                    user_id=user,
                    comment=rng.choice(ANSWERS).format(city=city),
                    submit_date=question.created_at + datetime.timedelta(days=order + 1),
                ).save()
    finally:
        post_save.connect(reindex_question, sender=XtdComment, dispatch_uid=QUESTION_REINDEX_UID)


def index_bulk(model, pks):
    """What `update_index` does for these objects: one bulk insert per search backend."""
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)
