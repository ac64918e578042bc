"""Demo content of the events: »Veranstaltungen« in the main menu with the Fachkongress 2016
(from the seed, with its documentation), the Fachkongress 2017 with a two-day agenda, and a
congress next year open for registration with few places, so that the form and the waiting
list can be tried in `make run`. The congress pages that the first version of the site kept
below »Wissenstransfer« are replaced; their addresses redirect to the new pages."""

import datetime

from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from events.models import (
    AgendaSession,
    CongressPage,
    EventIndexPage,
    EventPage,
    GalleryImage,
    SessionFormat,
    Speaker,
)
from home.demo import Builder, link_congresses, paragraphs
from home.models import Organisation, SiteImage
from library.models import MaterialPage, Topic

VENUE_2016 = ("Tagesspiegel Verlagshaus", "Askanischer Platz 3, 10963 Berlin")
VENUE_2017 = ("Umweltforum Berlin", "Pufendorfstraße 11, 10249 Berlin")
AUDIENCE = (
    "ProgrammträgerInnen sowie weitere ExpertInnen im Themenfeld – Trägerorganisationen und "
    "Förderer aus Zivilgesellschaft, Staat, Kommune und VertreterInnen der Wirtschaft und "
    "Wissenschaft"
)
SPEAKERS = [
    ("Dr. Ansgar Klein", "Geschäftsführer", "Bundesnetzwerk Bürgerschaftliches Engagement"),
    (
        "Lilian Schwalb",
        "Projektleitung »Menschen stärken Menschen«",
        "Bundesnetzwerk Bürgerschaftliches Engagement",
    ),
    (
        "Dr. Miriam Hoffmann",
        "Referatsleiterin",
        "Bundesministerium für Familie, Senioren, Frauen und Jugend",
    ),
    (
        "Prof. Dr. Jan Weber",
        "Professor für Migrationsforschung",
        "Hochschule für Soziale Arbeit Berlin",
    ),
    ("Aylin Demir", "Koordinatorin der Patenschaften", "Patenschaftsnetz Leipzig e. V."),
    ("Thomas Brandt", "Projektleiter", "Mentoring für Geflüchtete Rhein-Main e. V."),
    ("Samira Haddad", "Lotsin und Trainerin", "Lotsenprojekt Nordfriesland"),
    ("Katharina Vogel", "Rechtsanwältin für Aufenthaltsrecht", ""),
]
# (day, start, end, format, title, room, topics, speakers, materials)
AGENDA_2016 = [
    (0, "10:00", "10:45", "plenary", "Begrüßung und Eröffnung", "Saal", [], [0, 2], []),
    (
        0,
        "11:00",
        "12:30",
        "plenary",
        "PatInnenschaften als Brücke in die Gesellschaft",
        "Saal",
        ["Patenschaften aufbauen und begleiten"],
        [3],
        ["Dokumentation des Fachkongresses 2016"],
    ),
    (0, "12:30", "13:30", "break", "Mittagspause", "Foyer", [], [], []),
    (
        0,
        "13:30",
        "15:30",
        "workshop",
        "Patenschaften im ländlichen Raum",
        "Raum 1",
        ["Patenschaften aufbauen und begleiten"],
        [6],
        ["Patenschaften im ländlichen Raum"],
    ),
    (
        0,
        "13:30",
        "15:30",
        "workshop",
        "Ehrenamtliche gewinnen und halten",
        "Raum 2",
        ["Gewinnung und Qualifizierung von Ehrenamtlichen"],
        [4],
        [],
    ),
    (
        1,
        "09:30",
        "11:00",
        "forum",
        "Bedarfe und Perspektiven der TrägerInnen",
        "Saal",
        ["Evaluation und Wirkung"],
        [1, 5],
        [],
    ),
    (1, "11:15", "12:30", "plenary", "Ergebnisse und Ausblick", "Saal", [], [0], []),
]
AGENDA_2017 = [
    (
        0,
        "09:30",
        "10:15",
        "plenary",
        "Begrüßung: Menschen stärken Menschen",
        "Saal",
        [],
        [0, 2],
        [],
    ),
    (
        0,
        "10:15",
        "11:15",
        "plenary",
        "Integration als beiderseitiger Prozess",
        "Saal",
        ["Patenschaften aufbauen und begleiten"],
        [3],
        [],
    ),
    (0, "11:15", "11:45", "break", "Kaffeepause", "Foyer", [], [], []),
    (
        0,
        "11:45",
        "13:15",
        "workshop",
        "Tandems gut begleiten",
        "Raum 1",
        ["Patenschaften aufbauen und begleiten"],
        [4],
        [],
    ),
    (
        0,
        "11:45",
        "13:15",
        "workshop",
        "Aufenthaltsrecht für Ehrenamtliche",
        "Raum 2",
        ["Recht und Aufenthalt"],
        [7],
        [],
    ),
    (
        0,
        "11:45",
        "13:15",
        "workshop",
        "Wohnungssuche gemeinsam angehen",
        "Raum 3",
        ["Wohnen"],
        [6],
        [],
    ),
    (0, "13:15", "14:15", "break", "Mittagspause", "Foyer", [], [], []),
    (
        0,
        "14:15",
        "15:45",
        "workshop",
        "Wege in Ausbildung und Arbeit",
        "Raum 1",
        ["Arbeit und Ausbildung"],
        [5],
        [],
    ),
    (
        0,
        "14:15",
        "15:45",
        "workshop",
        "Öffentlichkeitsarbeit mit kleinem Budget",
        "Raum 2",
        ["Öffentlichkeitsarbeit"],
        [1],
        [],
    ),
    (0, "19:00", "22:00", "evening", "Abendempfang mit Musik", "Dachterrasse", [], [], []),
    (
        1,
        "09:30",
        "11:00",
        "forum",
        "Wirkung sichtbar machen",
        "Saal",
        ["Evaluation und Wirkung"],
        [3, 5],
        [],
    ),
    (
        1,
        "11:15",
        "12:30",
        "forum",
        "Finanzierung nach dem Programmende",
        "Saal",
        ["Finanzierung und Förderung"],
        [2, 1],
        [],
    ),
    (
        1,
        "12:30",
        "13:00",
        "plenary",
        "Abschluss und Ausblick auf die Online-Plattform",
        "Saal",
        [],
        [0],
        [],
    ),
]
REVIEW_2016 = [
    "Knapp 200 ExpertInnen folgten der Einladung zum bundesweiten Fachkongress, den das BBE im "
    "Kontext des PatInnenprogramms »Menschen stärken Menschen« des BMFSFJ am 29. und 30. "
    "September 2016 im Tagesspiegel Verlagshaus in Berlin veranstaltete.",
    "Im Jahr 2016 bildete ein bundesweiter Fachkongress das Herzstück des BBE-Projekts. Mit dem "
    "Kongress wurde an den Praxiserfahrungen etablierter und im Aufbau befindlicher Projekte "
    "und Vorhaben der im Programm »Menschen stärken Menschen« beteiligten TrägerInnen angesetzt "
    "und Bedarfe sowie Perspektiven identifiziert.",
    "Die Ergebnisse des Kongresses sowie die rege Beteiligung zeigten, dass ein starkes "
    "Bedürfnis nach einer intensiveren und langfristigeren Vernetzung besteht.",
]
OLD_ADDRESSES = {
    "2017": "/wissenstransfer/fachkongress-2017",
    "2016": "/wissenstransfer/fachkongress-2016",
}


def generate():
    builder = Builder()
    index = index_page(builder)
    speakers = speaker_snippets(builder)
    congress_2016 = congress(builder, index, "fachkongress-2016", **congress_2016_fields())
    congress_2017 = congress(builder, index, "fachkongress-2017", **congress_2017_fields())
    add_agenda(congress_2016, AGENDA_2016, speakers)
    add_agenda(congress_2017, AGENDA_2017, speakers)
    upcoming_congress(builder, index, speakers)
    network_meeting(builder, index)
    replace_old_pages(builder, {"2016": congress_2016, "2017": congress_2017})
    link_congresses(builder, congress_2017, congress_2016)
    return builder.report


def index_page(builder):
    home = Site.objects.get(is_default_site=True).root_page
    index, created = builder.page(
        home,
        EventIndexPage,
        "veranstaltungen",
        title="Veranstaltungen",
        show_in_menus=True,
        intro="Fachkongresse und Termine des Programms »Menschen stärken Menschen«: Programm, "
        "Anmeldung und Dokumentation.",
    )
    library = home.get_children().filter(slug="wissensdatenbank").first()
    if created and library:
        index.move(library, pos="right")  # in the menu after »Wissensdatenbank«
    return index


def speaker_snippets(builder):
    speakers = []
    for name, title, organisation in SPEAKERS:
        carrier = Organisation.objects.filter(name=organisation).first()
        speaker, created = Speaker.objects.get_or_create(
            name=name,
            defaults={
                "title": title,
                "organisation": carrier,
                "organisation_name": "" if carrier else organisation,
            },
        )
        (builder.report.created if created else builder.report.skipped).append(f"speaker »{name}«")
        speakers.append(speaker)
    return speakers


def congress(builder, index, slug, **fields):
    page, _created = builder.page(index, CongressPage, slug, show_in_menus=False, **fields)
    return page


def congress_2016_fields():
    return {
        "title": "Fachkongress 2016",
        "intro": "»PatInnen, LotsInnen und MentorInnen in der Unterstützung und Integration "
        "geflüchteter Menschen«",
        "start_date": datetime.date(2016, 9, 29),
        "end_date": datetime.date(2016, 9, 30),
        "venue_name": VENUE_2016[0],
        "venue_address": VENUE_2016[1],
        "audience": AUDIENCE,
        "capacity": 200,
        "review": [paragraphs(*REVIEW_2016)],
    }


def congress_2017_fields():
    return {
        "title": "Fachkongress 2017",
        "intro": "Ein zweitägiger, bundesweiter Kongress bietet Raum für Diskussionen, "
        "Erfahrungsaustausch und zur Vernetzung.",
        "start_date": datetime.date(2017, 11, 23),
        "end_date": datetime.date(2017, 11, 24),
        "venue_name": VENUE_2017[0],
        "venue_address": VENUE_2017[1],
        "audience": AUDIENCE,
        "capacity": 200,
        "body": [
            paragraphs(
                "Die Ergebnisse des Kongresses 2016 sowie die rege Beteiligung zeigten, dass ein "
                "starkes Bedürfnis nach einer intensiveren und langfristigeren Vernetzung "
                "besteht. Aus diesem Grunde hat sich das BBE für das Jahr 2017 das Ziel gesetzt, "
                "neben der erneuten Veranstaltung eines zweitägigen Fachkongresses auch eine "
                "Online-Plattform für den Austausch der ProjektträgerInnen aufzubauen."
            )
        ],
    }


def upcoming_congress(builder, index, speakers):
    """Next year's congress, open for registration with three places."""
    year = timezone.localdate().year + 1
    privacy = Page.objects.filter(slug="datenschutz").first()
    page, created = builder.page(
        index,
        CongressPage,
        f"fachkongress-{year}",
        title=f"Fachkongress {year}",
        intro="Der nächste bundesweite Fachkongress: Austausch, Workshops und Vernetzung der "
        "ProgrammträgerInnen. Die Anmeldung ist geöffnet.",
        start_date=datetime.date(year, 9, 24),
        end_date=datetime.date(year, 9, 25),
        venue_name=VENUE_2016[0],
        venue_address=VENUE_2016[1],
        audience=AUDIENCE,
        registration_enabled=True,
        capacity=3,
        privacy_page=privacy,
    )
    if created:
        add_agenda(page, AGENDA_2017, speakers)
    return page


def network_meeting(builder, index):
    """A simple online date in a few weeks, beside the congresses."""
    start = timezone.localtime().replace(hour=16, minute=0, second=0, microsecond=0)
    builder.page(
        index,
        EventPage,
        "online-netzwerktreffen",
        title="Online-Netzwerktreffen der ProgrammträgerInnen",
        intro="Austausch zu aktuellen Fragen aus der Praxis der Patenschafts- und "
        "Mentoringprojekte, moderiert vom BBE-Projektteam.",
        start=start + datetime.timedelta(days=21),
        end=start + datetime.timedelta(days=21, hours=1, minutes=30),
        online=True,
    )


def add_agenda(page, agenda, speakers):
    """Give a congress that has no sessions yet the sessions of `agenda`."""
    if page.sessions.exists():
        return
    days = [page.start_date, page.end_date]
    for order, (day, start, end, kind, title, room, topics, who, materials) in enumerate(agenda):
        session = AgendaSession(
            congress=page,
            sort_order=order,
            day=days[day],
            start_time=datetime.time.fromisoformat(start),
            end_time=datetime.time.fromisoformat(end),
            format=SessionFormat(kind),
            title=title,
            room=room,
            capacity=30 if kind == "workshop" else None,
        )
        session.topics.set(Topic.objects.filter(name__in=topics))
        session.speakers.set([speakers[number] for number in who])
        session.materials.set(MaterialPage.objects.filter(title__in=materials))
        session.save()  # stores the relations set above too
    page.save_revision().publish()


def replace_old_pages(builder, congresses):
    """The congress pages below »Wissenstransfer« of the first version give way to the new
    ones; their old addresses redirect there permanently."""
    photo = SiteImage.objects.filter(title__startswith="Fotoaktion").first()
    for year, path in OLD_ADDRESSES.items():
        page = congresses[year]
        old = Page.objects.filter(url_path__endswith=path.rstrip("/") + "/").exclude(pk=page.pk)
        for stale in old:
            stale.delete()
            builder.report.created.append(f"removed old page {path}")
        _redirect, created = Redirect.objects.get_or_create(
            old_path=Redirect.normalise_path(path),
            site=None,
            defaults={"redirect_page": page, "is_permanent": True},
        )
        (builder.report.created if created else builder.report.skipped).append(f"redirect {path}")
    congress_2016 = congresses["2016"]
    if photo and not congress_2016.gallery_images.exists():
        GalleryImage.objects.create(
            congress=congress_2016,
            image=photo,
            caption="Die Teilnehmenden des Fachkongresses 2016 beteiligten sich an der Fotoaktion "
            "»Engagement macht stark!«",
        )
        congress_2016.save_revision().publish()
