"""Demo working groups as the programme would have them: two public ones (housing, training
volunteers), a closed one on reporting with the BBE team, and the carriers' secret steering
group. The demo member (mitglied@example.org) is in »AG Wohnraum« and invited to the steering
group; a request to join waits in the closed group. Found by name, so a second run creates
nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.demo.data import MEMBER_EMAIL, MODERATOR_EMAIL
from community.models import GroupMembership, WorkingGroup
from library.models import Topic

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
