"""Demo working groups as the programme would have them: two public ones (housing, training
volunteers), a closed one on reporting with the BBE team, and the carriers' secret steering
group. The demo member (mitglied@example.org) is in »AG Wohnraum« and invited to the steering
group; a request to join waits in the closed group; three discussions with replies, two
meetings and two linked materials. Found by name and title, so a second run creates
nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.demo import exchange
from community.demo.data import MEMBER_EMAIL, MODERATOR_EMAIL
from community.demo.exchange import days_ago
from community.models import (
    GroupMaterial,
    GroupMeeting,
    GroupMembership,
    GroupThread,
    WorkingGroup,
)
from library.models import MaterialPage, Topic

MODERATOR = GroupMembership.Role.MODERATOR
INVITED = GroupMembership.State.INVITED
REQUESTED = GroupMembership.State.REQUESTED

# name, purpose, topics, visibility, joining, months until the planned end (None: open-ended),
# and the people: (e-mail, role, state, message).
GROUPS = [
    (
        "AG Wohnraum",
        "Wie finden Geflüchtete und ihre Patinnen und Paten bezahlbaren Wohnraum? Wir sammeln "
        "bis zum Frühjahr Wege, die in unseren Städten funktionieren, und machen daraus eine "
        "Arbeitshilfe für die Wissensdatenbank.",
        ["Wohnen", "Patenschaften aufbauen und begleiten"],
        "public",
        "request",
        4,
        [
            ("yusuf.kaya@example.org", MODERATOR, "active", ""),
            (MEMBER_EMAIL, "member", "active", ""),
            ("leyla.rahimi@example.org", "member", "active", ""),
            ("katrin.brandes@example.org", "member", "active", ""),
        ],
    ),
    (
        "AG Qualifizierung von Ehrenamtlichen",
        "Welche Schulungen brauchen Patinnen, Mentoren und Lotsinnen vor dem ersten Treffen und "
        "danach? Wir tauschen Schulungskonzepte aus und entwickeln gemeinsame Module.",
        ["Gewinnung und Qualifizierung von Ehrenamtlichen"],
        "public",
        "open",
        None,
        [
            ("julia.schmitz@example.org", MODERATOR, "active", ""),
            ("ali.hassan@example.org", "member", "active", ""),
            ("clara.neumann@example.org", "member", "active", ""),
            ("florian.huber@example.org", "member", "active", ""),
        ],
    ),
    (
        "AG Wirkung und Berichtswesen",
        "Was zeigt, dass Patenschaften wirken, und wie berichten wir es dem Ministerium, ohne "
        "die Ehrenamtlichen mit Formularen zu überlasten? Mit dem BBE-Projektteam.",
        ["Evaluation und Wirkung", "Finanzierung und Förderung"],
        "closed",
        "request",
        6,
        [
            ("tobias.lang@example.org", MODERATOR, "active", ""),
            ("nina.hoffmann@example.org", "member", "active", ""),
            ("stefan.richter@example.org", "member", "active", ""),
            (
                "mehmet.arslan@example.org",
                "member",
                REQUESTED,
                "Wir stellen gerade unsere Dokumentation um und würden gern mitarbeiten.",
            ),
        ],
    ),
    (
        "Steuerungsrunde der Programmträger",
        "Die Sprecherinnen und Sprecher der Programmträger bereiten mit dem BBE die "
        "Netzwerktreffen und den nächsten Fachkongress vor.",
        ["Patenschaften aufbauen und begleiten"],
        "secret",
        "invitation",
        None,
        [
            (MODERATOR_EMAIL, MODERATOR, "active", ""),
            ("tobias.lang@example.org", "member", "active", ""),
            ("sabine.maier@example.org", "member", "active", ""),
            (
                MEMBER_EMAIL,
                "member",
                INVITED,
                "Wir würden uns freuen, wenn Sie die Träger aus Sachsen vertreten.",
            ),
        ],
    ),
]


# Discussions: group, title, opening (e-mail, days ago, text), and comments as
# community/demo/exchange.py's thread(): (first comment, [replies]).
DISCUSSIONS = [
    (
        "AG Wohnraum",
        "Mietverträge für Wohngemeinschaften: Erfahrungen?",
        (
            "yusuf.kaya@example.org",
            12,
            "Mehrere Tandems suchen gerade gemeinsam eine WG. Vermieter fragen nach einem "
            "Hauptmieter. Welche Vertragsformen haben bei Ihnen funktioniert?",
        ),
        [
            (
                (
                    MEMBER_EMAIL,
                    11,
                    "In Leipzig haben zwei Patinnen als Hauptmieterinnen unterschrieben und "
                    "untervermietet. Wichtig war eine schriftliche Vereinbarung über die "
                    "Nebenkosten.",
                ),
                [
                    (
                        "katrin.brandes@example.org",
                        10,
                        "Bei uns übernimmt die Stiftung die Mietbürgschaft – das überzeugt "
                        "viele Vermieter schneller als jede Patenschaft.",
                    )
                ],
            )
        ],
    ),
    (
        "AG Wohnraum",
        "Gliederung der Arbeitshilfe »Wohnungssuche mit Paten«",
        (
            "yusuf.kaya@example.org",
            4,
            "Vorschlag für die Gliederung: 1. Wohnberechtigungsschein, 2. Besichtigungen "
            "begleiten, 3. Verträge verstehen, 4. Konflikte mit Nachbarn. Was fehlt?",
        ),
        [
            (
                (
                    "leyla.rahimi@example.org",
                    3,
                    "Ein Kapitel zu Diskriminierung bei der Wohnungssuche und zu "
                    "Beratungsstellen, an die man sich wenden kann.",
                ),
                [],
            )
        ],
    ),
    (
        "AG Wirkung und Berichtswesen",
        "Kennzahlen für den Sachbericht 2027",
        (
            "tobias.lang@example.org",
            6,
            "Welche drei Kennzahlen erheben Sie ohnehin schon? Wir möchten vermeiden, dass "
            "Ehrenamtliche zusätzliche Formulare ausfüllen.",
        ),
        [
            (
                (
                    "nina.hoffmann@example.org",
                    5,
                    "Anzahl der Tandems, Dauer der Patenschaften und wie viele nach einem "
                    "Jahr noch Kontakt haben.",
                ),
                [],
            )
        ],
    ),
]


# Meetings: group, title, in how many days, from and to (hours), place, online link, topic.
MEETINGS = [
    (
        "AG Wohnraum",
        "Drittes Treffen: Gliederung der Arbeitshilfe",
        9,
        (14, 16),
        "Stiftung Ankommen Hamburg, Lange Reihe 12, Raum 3",
        "https://konferenz.example.org/ag-wohnraum",
        "Wir einigen uns auf die Gliederung und verteilen die Kapitel.",
    ),
    (
        "AG Wirkung und Berichtswesen",
        "Online-Austausch zu den Kennzahlen",
        16,
        (10, 11),
        "",
        "https://konferenz.example.org/ag-wirkung",
        "",
    ),
]


# Materials of the knowledge database (by import ID) a group works with: group, ID, who, note.
LINKED_MATERIALS = [
    ("AG Wohnraum", "MSM-009", "yusuf.kaya@example.org", "Grundlage für unsere Arbeitshilfe."),
    (
        "AG Wirkung und Berichtswesen",
        "MSM-019",
        "tobias.lang@example.org",
        "Die Kennzahlen der Begleitforschung als Ausgangspunkt.",
    ),
]


def generate_groups(report):
    """Adds the demo groups and their people; names what it made or found to `report`."""
    users = {user.email.lower(): user for user in get_user_model().objects.all()}
    topics = {topic.name: topic for topic in Topic.objects.all()}
    today = timezone.localdate()
    for name, purpose, topic_names, visibility, joining, months, people in GROUPS:
        ends_on = today + datetime.timedelta(days=30 * months) if months else None
        group, created = WorkingGroup.objects.get_or_create(
            name=name,
            defaults={
                "purpose": purpose,
                "visibility": visibility,
                "joining": joining,
                "ends_on": ends_on,
            },
        )
        (report.created if created else report.skipped).append(f"working group »{name}«")
        if not created:
            continue
        group.topics.set([topics[topic] for topic in topic_names if topic in topics])
        group.save()  # a ParentalManyToManyField keeps its values until then
        for email, role, state, message in people:
            if email in users:
                GroupMembership.objects.create(
                    group=group, user=users[email], role=role, state=state, message=message
                )
    for group_name, title, opening, comments in DISCUSSIONS:
        discussion(report, users, group_name, title, opening, comments)
    for values in MEETINGS:
        meeting(report, *values)
    for group_name, source_id, email, note in LINKED_MATERIALS:
        group = WorkingGroup.objects.filter(name=group_name).first()
        material = MaterialPage.objects.filter(source_id=source_id).first()
        if group and material and email in users:
            GroupMaterial.objects.get_or_create(
                group=group, material=material, defaults={"added_by": users[email], "note": note}
            )


def meeting(report, group_name, title, days, hours, place, online_url, description):
    """A meeting `days` from the day the demo is loaded; found by its title."""
    group = WorkingGroup.objects.filter(name=group_name).first()
    if group is None:
        return
    day = timezone.localdate() + datetime.timedelta(days=days)
    zone = timezone.get_current_timezone()
    start, end = (datetime.datetime.combine(day, datetime.time(h), tzinfo=zone) for h in hours)
    _meeting, created = GroupMeeting.objects.get_or_create(
        group=group,
        title=title,
        defaults={
            "starts_at": start,
            "ends_at": end,
            "place": place,
            "online_url": online_url,
            "description": description,
        },
    )
    (report.created if created else report.skipped).append(f"meeting »{title}«")


def discussion(report, users, group_name, title, opening, comments):
    """A group's discussion with its comments, dated as given; found by its title."""
    group = WorkingGroup.objects.filter(name=group_name).first()
    email, days, text = opening
    if group is None or email not in users:
        return
    started = days_ago(days)
    thread, created = GroupThread.objects.get_or_create(
        group=group,
        title=title,
        defaults={"author": users[email], "text": text, "created_at": started},
    )
    (report.created if created else report.skipped).append(f"discussion »{title}«")
    if not created:
        return
    last = days
    for first, replies in comments:
        _top, newest = exchange.thread(thread, users, first, replies)
        last = min(last, newest)
    thread.last_activity_at = days_ago(last)
    thread.save(update_fields=["last_activity_at"])
