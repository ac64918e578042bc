"""Demo content of the members' exchange: comments of demo members on three materials of
the knowledge database, with replies, and three questions with answers, one of them solved.

Found by their text (comments) and title (questions), so a second run creates nothing.
Needs the knowledge database's materials and the demo members; what is missing is skipped."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from community.models import Question
from library.models import MaterialPage, Topic

ANNA = "mitglied@example.org"
YUSUF = "yusuf.kaya@example.org"
JULIA = "julia.schmitz@example.org"
ALI = "ali.hassan@example.org"
LEYLA = "leyla.rahimi@example.org"
CLARA = "clara.neumann@example.org"
FLORIAN = "florian.huber@example.org"
NINA = "nina.hoffmann@example.org"
KATRIN = "katrin.brandes@example.org"
MEHMET = "mehmet.arslan@example.org"
STEFAN = "stefan.richter@example.org"
TOBIAS = "tobias.lang@example.org"
PEOPLE = [ANNA, YUSUF, JULIA, ALI, LEYLA, CLARA, FLORIAN, NINA, KATRIN, MEHMET, STEFAN, TOBIAS]

# Comments on materials (by the import's ID): (author, days ago, text) with their replies.
MATERIAL_COMMENTS = [
    {
        "material": "MSM-002",
        "comment": (
            YUSUF,
            21,
            "Wir haben die Vorlage um einen Absatz zur Schweigepflicht ergänzt, weil Patinnen "
            "und Paten oft sehr Persönliches erfahren. Die Familien fanden es gut, dass das "
            "schwarz auf weiß steht.",
        ),
        "replies": [
            (
                JULIA,
                20,
                "Danke für den Hinweis! Haben Sie die Vereinbarung auch übersetzen lassen? Bei "
                "uns unterschreiben die Familien sonst etwas, das sie nicht lesen können.",
            ),
            (
                YUSUF,
                19,
                "Ja, auf Arabisch und Farsi – die Übersetzungen haben Sprachmittlerinnen aus "
                "unserem Netzwerk gemacht. Ich stelle sie gern zur Verfügung.",
            ),
        ],
    },
    {
        "material": "MSM-013",
        "comment": (
            ALI,
            11,
            "Ein Tipp aus unserem Sprachcafé: Wir legen an jeden Tisch eine Karte mit drei "
            "Gesprächsthemen. Das hilft vor allem beim ersten Besuch, wenn sich noch niemand "
            "kennt.",
        ),
        "replies": [
            (
                LEYLA,
                10,
                "Das machen wir jetzt auch – besonders beliebt ist bei uns das Thema »Essen aus "
                "meiner Heimat«.",
            ),
        ],
    },
    {
        "material": "MSM-019",
        "comment": (
            CLARA,
            6,
            "Die Ergebnisse zur Dauer der Patenschaften decken sich mit unseren eigenen "
            "Befragungen: Tandems, die die ersten drei Monate gut überstehen, halten meist "
            "länger als ein Jahr.",
        ),
        "replies": [],
    },
]

# Questions: who asked when, about which topics and materials; their answers, each with
# its comments, and whether the asker accepted it.
QUESTIONS = [
    {
        "title": "Wie gehen Sie mit Absagen von Patinnen kurz vor dem ersten Treffen um?",
        "author": ANNA,
        "days_ago": 18,
        "topics": [
            "Patenschaften aufbauen und begleiten",
            "Gewinnung und Qualifizierung von Ehrenamtlichen",
        ],
        "materials": ["MSM-003"],
        "text": "Bei uns ist es in den letzten Monaten dreimal passiert, dass eine Patin zwei "
        "oder drei Tage vor dem ersten Treffen abgesagt hat – einmal, nachdem die Familie "
        "schon ein Essen vorbereitet hatte. Für die Familien ist das eine echte Enttäuschung, "
        "und wir stehen ohne Ersatz da.\n\nWie fangen Sie solche Absagen auf? Haben Sie eine "
        "Reserve von Engagierten, oder klären Sie im Erstgespräch etwas, das solche Absagen "
        "seltener macht?",
        "answers": [
            {
                "author": FLORIAN,
                "days_ago": 16,
                "accepted": True,
                "text": "Wir lassen die Patin beim ersten Treffen nie allein: Die "
                "Koordinatorin ist immer dabei. Sagt die Patin ab, findet das Treffen trotzdem "
                "statt – als Kennenlernen mit uns, und die Familie erfährt, dass wir eine neue "
                "Patin suchen. So bleibt der Kontakt bestehen, und die Enttäuschung ist "
                "kleiner.",
                "replies": [
                    (
                        ANNA,
                        15,
                        "Danke, das probieren wir aus! Das Treffen trotzdem stattfinden zu "
                        "lassen, ist eine einfache und gute Idee.",
                    ),
                ],
            },
            {
                "author": NINA,
                "days_ago": 14,
                "text": "Im Erstgespräch fragen wir inzwischen ausdrücklich, was in den "
                "nächsten drei Monaten ansteht: Umzug, Prüfungen, eine neue Stelle. Seitdem "
                "haben wir deutlich weniger kurzfristige Absagen. Die Checkliste aus der "
                "Wissensdatenbank haben wir um genau diese Frage ergänzt.",
                "replies": [],
            },
        ],
    },
    {
        "title": "Begleiten Ihre Ehrenamtlichen auch zu Wohnungsbesichtigungen?",
        "author": KATRIN,
        "days_ago": 9,
        "topics": ["Wohnen", "Gewinnung und Qualifizierung von Ehrenamtlichen"],
        "materials": ["MSM-009", "MSM-010"],
        "text": "Wir überlegen, unsere Wohnpatinnen und -paten künftig zu Besichtigungen "
        "mitgehen zu lassen. Manche Vermieter reagieren offener, wenn jemand Fragen zum "
        "Mietvertrag beantworten kann. Gleichzeitig sorgen wir uns, dass die Engagierten in "
        "eine Rolle geraten, die sie nicht ausfüllen können – etwa als Bürgen.\n\nWie regeln "
        "Sie das? Gibt es bei Ihnen klare Absprachen, was Begleitende bei Besichtigungen tun "
        "und was nicht?",
        "answers": [
            {
                "author": MEHMET,
                "days_ago": 7,
                "text": "Bei uns gehen Ehrenamtliche mit, aber mit einer klaren Regel: Sie "
                "unterschreiben nichts und übernehmen keine Bürgschaft. Wir geben ihnen eine "
                "kleine Karte mit den wichtigsten Fragen mit (Nebenkosten, Kaution, Dauer des "
                "Vertrags). Das gibt Sicherheit auf beiden Seiten.",
                "replies": [
                    (
                        KATRIN,
                        6,
                        "Die Idee mit der Karte gefällt mir. Würden Sie sie im Netzwerk teilen?",
                    ),
                    (
                        MEHMET,
                        5,
                        "Gern – ich kläre, ob wir sie als Arbeitshilfe in die Wissensdatenbank "
                        "stellen dürfen.",
                    ),
                ],
            },
        ],
    },
    {
        "title": "Wie weisen Sie ehrenamtlich geleistete Stunden im Verwendungsnachweis nach?",
        "author": STEFAN,
        "days_ago": 4,
        "topics": ["Finanzierung und Förderung"],
        "materials": ["MSM-018"],
        "text": "Unser Zuwendungsgeber möchte im Verwendungsnachweis sehen, wie viele Stunden "
        "die Ehrenamtlichen eingebracht haben. Bisher sammeln wir Stundenzettel auf Papier, "
        "das bedeutet viel Nacharbeit. Welche Lösungen nutzen Sie – Listen, Tabellen, eine "
        "App? Und wie genau muss die Erfassung sein?",
        "answers": [
            {
                "author": TOBIAS,
                "days_ago": 3,
                "text": "Eine begründete Schätzung pro Tandem und Monat reicht in der Regel, "
                "wenn Sie die Methode im Sachbericht kurz beschreiben. Einige Träger fragen die "
                "Stunden einmal im Monat telefonisch ab und tragen sie in eine Tabelle ein. Die "
                "Vorlage für den Verwendungsnachweis in der Wissensdatenbank hat dafür ein "
                "eigenes Blatt.",
                "replies": [],
            },
        ],
    },
]


def generate_exchange(report):
    """Adds the demo's comments and questions; `report` (home.demo.Report) lists what was
    created and what was there already or could not be made."""
    accounts = get_user_model().objects.filter(email__in=PEOPLE).select_related("member_profile")
    people = {user.email: user for user in accounts}
    for values in MATERIAL_COMMENTS:
        material_discussion(report, people, values)
    for values in QUESTIONS:
        question(report, people, values)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def comment(target, author, days, text, parent=None):
    """The comment of `author` with `text` on `target`, created `days` ago if it is new."""
    content_type = ContentType.objects.get_for_model(target)
    found = XtdComment.objects.filter(
        content_type=content_type, object_pk=str(target.pk), user=author, comment=text
    ).first()
    return found or XtdComment.objects.create(
        content_type=content_type,
        object_pk=str(target.pk),
        site=Site.objects.get_current(),
        user=author,
        user_name=(author.member_profile.display_name or author.get_full_name())[:50],
        user_email="",
        comment=text,
        is_public=True,
        submit_date=days_ago(days),
        parent_id=parent.pk if parent else 0,
    )


def thread(target, people, first, replies):
    """A comment (author, days ago, text) with its replies; the date of the last one."""
    author, days, text = first
    top = comment(target, people[author], days, text)
    for reply_author, reply_days, reply_text in replies:
        comment(target, people[reply_author], reply_days, reply_text, parent=top)
        days = min(days, reply_days)
    return top, days


def material_discussion(report, people, values):
    material = MaterialPage.objects.filter(source_id=values["material"]).first()
    label = f"comments on material {values['material']}"
    authors = {values["comment"][0], *(author for author, _days, _text in values["replies"])}
    if material is None or not authors <= people.keys():
        report.skipped.append(f"{label} (material or members missing)")
        return
    before = XtdComment.objects.count()
    thread(material, people, values["comment"], values["replies"])
    (report.created if XtdComment.objects.count() > before else report.skipped).append(label)


def question(report, people, values):
    label = f"question »{values['title']}«"
    authors = {values["author"], *(answer["author"] for answer in values["answers"])}
    if Question.objects.filter(title=values["title"]).exists():
        report.skipped.append(label)
        return
    if not authors <= people.keys():
        report.skipped.append(f"{label} (members missing)")
        return
    asked = Question.objects.create(
        author=people[values["author"]],
        title=values["title"],
        text=values["text"],
        created_at=days_ago(values["days_ago"]),
        last_activity_at=days_ago(values["days_ago"]),
    )
    asked.topics.set(Topic.objects.filter(name__in=values["topics"]))
    asked.materials.set(MaterialPage.objects.filter(source_id__in=values["materials"]))
    latest = values["days_ago"]
    for answer in values["answers"]:
        first = (answer["author"], answer["days_ago"], answer["text"])
        top, last = thread(asked, people, first, answer["replies"])
        latest = min(latest, last)
        if answer.get("accepted"):
            asked.accepted_answer = top
    asked.last_activity_at = days_ago(latest)
    asked.save()
    report.created.append(label)
