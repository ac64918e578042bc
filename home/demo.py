"""Demo content built from the seed page (../shared/seed): the page tree of DESIGN.md as far
as it exists, with the seed's German text.

`generate()` finds each thing by its slug or title and creates only what is missing, so a
second run changes nothing. Later apps add their own `generate()` to the demo loader.
"""

import datetime
import io
import random
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.models import Page, Site

from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage, SiteImage, SiteSettings

SITE_NAME = "Menschen stärken Menschen"

INTEGRATION = (
    "Integration kann nur im alltäglichen Miteinander gelingen. Umso wichtiger sind daher "
    "Menschen, die sich als PatInnen, MentorInnen und LotsInnen engagieren. Sie gewähren den "
    "geflüchteten Menschen nicht nur einen Einblick in den hiesigen Alltag, sondern sind auch "
    "die ersten AnsprechpartnerInnen bei alltäglichen Problemen in einem fremden Land.",
    "Engagierte begleiten Menschen über einen längeren Zeitraum hinweg, auch über die Phase "
    "des »ersten Ankommens« hinaus. Integration ist dabei ein beiderseitiger Prozess.",
)


@dataclass
class Report:
    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def paragraphs(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def page_link(page, label):
    return {"label": label, "page": page.pk, "url": ""}


def make_picture(seed, size=(1600, 900)):
    """A calm generated picture in the site's colours (a stand-in for the real photos)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)  # noqa: S311 (a picture, not a secret)
    width, height = size
    picture = Image.new("RGB", size, (231, 240, 244))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        shade = int(20 * y / height)
        draw.line([(0, y), (width, y)], fill=(231 - shade, 240 - shade, 244 - shade // 2))
    colours = [(11, 79, 108), (244, 185, 66), (7, 54, 73), (120, 170, 190), (255, 255, 255)]
    for _ in range(26):
        radius = rng.randint(40, 150)
        x, y = rng.randint(0, width), rng.randint(height // 3, height + 60)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(colours))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer


class Builder:
    def __init__(self):
        self.report = Report()

    def image(self, title, description, credit, seed):
        existing = SiteImage.objects.filter(title=title).first()
        if existing:
            self.report.skipped.append(f"image »{title}«")
            return existing
        image = SiteImage(title=title, description=description, credit=credit)
        image.file = ImageFile(make_picture(seed), name=f"demo-{seed}.jpg")
        image.save()
        self.report.created.append(f"image »{title}«")
        return image

    def page(self, parent, model, slug, **fields):
        """Return the child of `parent` with `slug`, creating and publishing it if missing.
        The second value says whether the page was created now."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            self.report.skipped.append(f"page /{slug}/")
            return existing.specific, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(f"page /{slug}/ »{page.title}«")
        return page, True

    def update_new_page(self, page, **fields):
        """Fill in fields that point to pages created after `page` (only on its first run)."""
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()


def home_page(builder):
    site = Site.objects.get(is_default_site=True)
    root = site.root_page.specific
    if isinstance(root, HomePage):
        builder.report.skipped.append("start page")
        return root, False
    home = HomePage(
        title="Startseite",
        slug="startseite",
        headline="PatInnen, MentorInnen und LotsInnen",
        intro=(
            "PatInnen, MentorInnen und LotsInnen in der Unterstützung und Integration von "
            "geflüchteten Menschen: Wissenstransfer, fachlicher Austausch und Vernetzung."
        ),
        seo_title="Menschen stärken Menschen – PatInnen, MentorInnen und LotsInnen",
        search_description=(
            "Wissenstransfer, fachlicher Austausch und Vernetzung der ProgrammträgerInnen im "
            "Bundesprogramm »Menschen stärken Menschen«, begleitet vom BBE."
        ),
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    old_root = site.root_page
    site.root_page = home
    site.site_name = SITE_NAME
    # Canonical URLs and the sitemap name the address the site is served on (BASE_URL).
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save()
    if old_root.depth == 2 and not old_root.get_children().exists():
        old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    builder.report.created.append("start page »Startseite«")
    return home, True


def generate():
    builder = Builder()
    photo = builder.image(
        "Fotoaktion »Engagement macht stark!« beim Fachkongress 2016",
        "Teilnehmende des Fachkongresses 2016 bei der Fotoaktion »Engagement macht stark!«",
        "Foto: Jörg Farys/www.dieprojektoren.de",
        seed=2016,
    )
    home, home_created = home_page(builder)

    programme, _ = builder.page(
        home,
        ContentPage,
        "programm",
        title="Programm »Menschen stärken Menschen«",
        show_in_menus=True,
        intro=(
            "Im Januar 2016 hat das Bundesministerium für Familie, Senioren, Frauen und Jugend "
            "(BMFSFJ) das Programm »Menschen stärken Menschen« aufgelegt."
        ),
        body=[
            paragraphs(
                "Um bereits bestehende Engagements in diesem Feld zu stärken und neue zu "
                "initiieren, hat das Bundesministerium für Familie, Senioren, Frauen und Jugend "
                "(BMFSFJ) im Januar 2016 das Programm »Menschen stärken Menschen« aufgelegt.",
                "Im Rahmen des Programms wird der Aufbau, die Qualifizierung und die Begleitung "
                "neuer und bestehender partnerschaftlicher Beziehungen auf lokaler Ebene durch "
                "die beteiligten zivilgesellschaftlichen ProgrammträgerInnen gefördert.",
            ),
            {
                "type": "accordion",
                "value": {
                    "heading": "Das Programm auf einen Blick",
                    "items": [
                        {
                            "question": "Wer fördert das Programm?",
                            "answer": "<p>Das Bundesministerium für Familie, Senioren, Frauen "
                            "und Jugend (BMFSFJ), seit Januar 2016.</p>",
                        },
                        {
                            "question": "Was wird gefördert?",
                            "answer": "<p>Der Aufbau, die Qualifizierung und die Begleitung "
                            "neuer und bestehender partnerschaftlicher Beziehungen auf lokaler "
                            "Ebene.</p>",
                        },
                        {
                            "question": "Wer setzt es um?",
                            "answer": "<p>Zivilgesellschaftliche ProgrammträgerInnen: Vereine, "
                            "Verbände und Stiftungen, die PatInnenschaften, Mentoring und "
                            "Lotsendienste für geflüchtete Menschen organisieren.</p>",
                        },
                    ],
                },
            },
        ],
    )
    builder.page(
        programme,
        ContentPage,
        "patinnen-mentorinnen-und-lotsinnen",
        title="PatInnen, MentorInnen und LotsInnen",
        show_in_menus=True,
        intro="Integration kann nur im alltäglichen Miteinander gelingen.",
        body=[
            paragraphs(*INTEGRATION),
            {
                "type": "quote",
                "value": {
                    "text": "Integration ist dabei ein beiderseitiger Prozess.",
                    "attribution": "Bundesnetzwerk Bürgerschaftliches Engagement (BBE)",
                },
            },
        ],
    )

    knowledge, _ = builder.page(
        home,
        ContentPage,
        "wissenstransfer",
        title="Wissenstransfer",
        show_in_menus=True,
        intro="Die Rolle des BBE: Systematischer Wissenstransfer.",
        body=knowledge_body(),
    )
    news_index, _ = builder.page(
        home,
        NewsIndexPage,
        "meldungen",
        title="Meldungen",
        show_in_menus=True,
        intro="Meldungen aus dem BBE.",
    )
    for item in NEWS:
        builder.page(news_index, NewsPage, **item)

    contact, _ = builder.page(
        home,
        ContentPage,
        "kontakt",
        title="Kontakt",
        show_in_menus=True,
        intro="Fragen zum Programm, zum Fachkongress oder zur Online-Plattform? Das "
        "BBE-Projektteam hilft gern weiter.",
        body=[
            {"type": "contact", "value": LILIAN_SCHWALB},
            paragraphs(
                "Bundesnetzwerk Bürgerschaftliches Engagement (BBE)<br>Projekt »Menschen "
                "stärken Menschen«<br>Michaelkirchstraße 17/18<br>10179 Berlin"
            ),
        ],
    )
    legal_pages = [
        builder.page(home, ContentPage, slug, title=title, intro=intro, body=[paragraphs(text)])[0]
        for slug, title, intro, text in LEGAL_PAGES
    ]

    if home_created:
        builder.update_new_page(
            home,
            hero_image=photo,
            hero_caption="Die Teilnehmenden des Fachkongresses 2016 beteiligten sich an der "
            "Fotoaktion »Engagement macht stark!«",
            featured_title="Bundesweiter Fachkongress 2017",
            featured_text="Im Herbst 2017 soll ein zweitägiger, bundesweiter Kongress Raum für "
            "Diskussionen, Erfahrungsaustausch und zur Vernetzung bieten.",
            body=home_body(programme, knowledge),
        )

    site_settings(builder, home, [contact, *legal_pages])
    return builder.report


def home_body(programme, knowledge, congress_2016=None):
    return [
        paragraphs(*INTEGRATION),
        heading("Das Programm »Menschen stärken Menschen«"),
        paragraphs(
            "Um bereits bestehende Engagements in diesem Feld zu stärken und neue zu "
            "initiieren, hat das Bundesministerium für Familie, Senioren, Frauen und Jugend "
            "(BMFSFJ) im Januar 2016 das Programm »Menschen stärken Menschen« aufgelegt. Im "
            "Rahmen des Programms wird der Aufbau, die Qualifizierung und die Begleitung neuer "
            "und bestehender partnerschaftlicher Beziehungen auf lokaler Ebene durch die "
            "beteiligten zivilgesellschaftlichen ProgrammträgerInnen gefördert."
        ),
        heading("Die Rolle des BBE: Systematischer Wissenstransfer"),
        paragraphs(
            "Das BBE begleitet dieses Vorhaben durch den Aufbau eines systematischen "
            "Wissenstransfers zwischen den einzelnen ProjektträgerInnen nun schon zum zweiten "
            "Mal. Das Ziel dabei: Die Arbeit und das Engagement aller Beteiligten für eine "
            "bessere gesellschaftliche Integration zu fördern und zu stärken."
        ),
        {
            "type": "call_to_action",
            "value": {
                "title": "Meilensteine 2017",
                "text": "Bundesweiter Fachkongress und Aufbau einer Online-Plattform mit "
                "Wissensdatenbank und sozialem Netzwerk.",
                "link": page_link(knowledge, "Zum Wissenstransfer"),
            },
        },
        heading("Rückblick: Der Fachkongress 2016"),
        paragraphs(
            "Knapp 200 ExpertInnen folgten der Einladung zum bundesweiten Fachkongress, den das "
            "BBE im Kontext des PatInnenprogramms »Menschen stärken Menschen« des BMFSFJ am 29. "
            "und 30. September 2016 im Tagesspiegel Verlagshaus in Berlin veranstaltete."
            + (
                f' <a linktype="page" id="{congress_2016.pk}">Mehr zum Fachkongress 2016</a>'
                if congress_2016
                else ""
            )
        ),
    ]


def knowledge_body(congress_2017=None):
    """The body of »Wissenstransfer«; its milestone links to the congress once it exists."""
    congress_link = (
        f' <a linktype="page" id="{congress_2017.pk}">Zum Fachkongress 2017</a>'
        if congress_2017
        else ""
    )
    return [
        paragraphs(
            "Das BBE begleitet dieses Vorhaben durch den Aufbau eines systematischen "
            "Wissenstransfers zwischen den einzelnen ProjektträgerInnen nun schon zum "
            "zweiten Mal.",
            "Das Ziel dabei: Die Arbeit und das Engagement aller Beteiligten für eine bessere "
            "gesellschaftliche Integration zu fördern und zu stärken.",
        ),
        {
            "type": "milestones",
            "value": {
                "heading": "Meilensteine 2017",
                "milestones": [
                    {
                        "when": "Herbst 2017",
                        "title": "Bundesweiter Fachkongress",
                        "text": "<p>Ein zweitägiger, bundesweiter Kongress soll Raum für "
                        "Diskussionen, Erfahrungsaustausch und zur Vernetzung bieten. Er "
                        "richtet sich an die ProgrammträgerInnen sowie an weitere "
                        "ExpertInnen im Themenfeld – Trägerorganisationen und Förderer aus "
                        "Zivilgesellschaft, Staat, Kommune und VertreterInnen der Wirtschaft "
                        f"und Wissenschaft.{congress_link}</p>",
                    },
                    {
                        "when": "2017",
                        "title": "Aufbau einer Online-Plattform",
                        "text": "<p>Auf der Plattform können sich die ProjektträgerInnen "
                        "raum- und zeitunabhängig austauschen. Die Online-Community "
                        "beinhaltet zwei Säulen: In einer Wissensdatenbank werden "
                        "Informationen gebündelt, Materialien systematisch gesammelt und "
                        "bereitgestellt. Ein soziales Netzwerk bietet Raum für den "
                        "fachlichen Austausch und die Vernetzung der Teilnehmenden "
                        "untereinander.</p>",
                    },
                ],
            },
        },
        paragraphs(
            "Den TrägerInnen wird damit ermöglicht, sich systematisch Zugang zu relevanten "
            "Dokumenten zu verschaffen, bei konkreten Fragestellungen zusammen zu arbeiten "
            "und selbständig Lösungen zu erzielen. Fachlich begleitet, organisatorisch und "
            "technisch unterstützt werden Sie durch das BBE-Projektteam.",
            "Das BBE bringt in das Vorhaben Kompetenzen und Expertise aus der Facharbeit des "
            "bundesweiten Netzwerkes zu Themen des Engagements, der Bürgergesellschaft und "
            "Zivilgesellschaft ein. Mit den beiden Meilensteinen des Projektes, der "
            "Konferenz und der Online-Plattform, schafft das BBE einen Rahmen für "
            "Wissenstransfer.",
            "Das BBE koordiniert, moderiert und begleitet den Austausch und die Vernetzung "
            "der TrägerInnen untereinander sowie mit VertreterInnen des BMFSFJ bezogen auf "
            "die beiden Projektinhalte.",
        ),
    ]


def link_congresses(builder, congress_2017, congress_2016):
    """Point the start page's teaser and texts and the milestone of »Wissenstransfer« to the
    congress pages (events/demo.py calls this once they exist). Only once."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    if home.featured_page_id == congress_2017.pk:
        builder.report.skipped.append("links to the congresses")
        return
    programme = home.get_children().filter(slug="programm").first()
    knowledge = home.get_children().filter(slug="wissenstransfer").first()
    builder.update_new_page(
        home,
        featured_page=congress_2017,
        body=home_body(programme, knowledge, congress_2016),
    )
    if knowledge:
        builder.update_new_page(knowledge.specific, body=knowledge_body(congress_2017))
    builder.report.created.append("links to the congresses")


def site_settings(builder, home, footer_pages):
    site = Site.objects.get(root_page=home)
    values = SiteSettings.for_site(site)
    if values.contacts or values.footer_links or values.tagline:
        builder.report.skipped.append("site settings")
        return
    values.tagline = "Wissenstransfer, fachlicher Austausch und Vernetzung"
    values.contacts = [("contact", LILIAN_SCHWALB)]
    values.funder_url = "https://www.bmfsfj.de/"
    values.footer_links = [
        ("link", {"label": page.title, "page": page, "url": ""}) for page in footer_pages
    ]
    values.save()
    builder.report.created.append("site settings")


LILIAN_SCHWALB = {
    "name": "Dr. Lilian Schwalb",
    "role": "Projektleiterin",
    "phone": "(0 30) 6 29 80-2 17",
    "email": "lilian.schwalb@b-b-e.de",
}

MORE_AT_BBE = paragraphs(
    'Mehr dazu auf der <a href="https://www.b-b-e.de/">Website des Bundesnetzwerks '
    "Bürgerschaftliches Engagement</a>."
)

# Oldest first: items of the same day are listed newest first.
NEWS = [
    {
        "slug": "3-sitzung-des-6-koordinierungsausschusses-des-bbe",
        "title": "3. Sitzung des 6. Koordinierungsausschusses des BBE",
        "date": datetime.date(2017, 3, 22),
        "teaser": "Am 17. März 2017 kamen die Mitglieder des politisch-strategischen Gremiums "
        "des BBE in Berlin zu ihrer dritten Sitzung zusammen.",
        "body": [MORE_AT_BBE],
    },
    {
        "slug": "bbe-agendakonferenz",
        "title": "BBE-Agendakonferenz",
        "date": datetime.date(2017, 3, 22),
        "teaser": "Im Rahmen der dritten BBE-Agendakonferenz trafen sich BBE-AG-SprecherInnen, "
        "-ThemenpatInnen und weitere Engagierte des Netzwerks.",
        "body": [MORE_AT_BBE],
    },
    {
        "slug": "mitglied-des-monats-evangelische-kirche-in-deutschland",
        "title": "Mitglied des Monats: Evangelische Kirche in Deutschland",
        "date": datetime.date(2017, 3, 22),
        "teaser": "Rund 22 Millionen Gläubige in über 14.000 Kirchengemeinden schließt die "
        "Evangelische Kirche in Deutschland zusammen.",
        "body": [MORE_AT_BBE],
    },
]

LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "Angaben zum Anbieter dieser Website.",
        "Bundesnetzwerk Bürgerschaftliches Engagement (BBE), Michaelkirchstraße 17/18, "
        "10179 Berlin. Die vollständigen Angaben pflegt die Redaktion im Wagtail-Admin.",
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Wie wir mit Ihren Daten umgehen.",
        "Diese Website lädt keine Schriften, Skripte oder Bilder von fremden Servern und setzt "
        "für Besucherinnen und Besucher keine Cookies zur Analyse. Die vollständige "
        "Datenschutzerklärung pflegt die Redaktion im Wagtail-Admin.",
    ),
    (
        "erklaerung-zur-barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Diese Website soll für alle Menschen zugänglich sein.",
        "Das BBE ist bemüht, diese Website im Einklang mit der Barrierefreie-Informationstechnik-"
        "Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Barrieren können Sie uns über "
        "die Kontaktseite melden.",
    ),
]
