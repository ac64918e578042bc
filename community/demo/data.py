"""The texts and people of the member area's demo. Everyone here is invented; the addresses
are at example.org."""

# --- The landing page »Netzwerk«, from the seed's text about the online platform -----------

NETWORK_INTRO = (
    "Ein soziales Netzwerk bietet Raum für den fachlichen Austausch und die Vernetzung der "
    "ProgrammträgerInnen untereinander."
)
NETWORK_TEXT = [
    "Die Online-Plattform des Programms »Menschen stärken Menschen« hat zwei Säulen: In der "
    "Wissensdatenbank werden Informationen gebündelt, Materialien systematisch gesammelt und "
    "bereitgestellt. Das soziale Netzwerk bietet Raum für den fachlichen Austausch und die "
    "Vernetzung der Teilnehmenden untereinander.",
    "Den TrägerInnen wird damit ermöglicht, sich systematisch Zugang zu relevanten Dokumenten "
    "zu verschaffen, bei konkreten Fragestellungen zusammen zu arbeiten und selbständig "
    "Lösungen zu erzielen – raum- und zeitunabhängig.",
]
NETWORK_OFFERS_HEADING = "Was das Netzwerk bietet"
NETWORK_OFFERS = [
    "Im Mitgliederverzeichnis finden Sie Kolleginnen und Kollegen anderer Träger nach Thema, "
    "Bundesland und Sprache. Jedes Profil zeigt, was jemand anbietet und was er oder sie "
    "sucht – so entstehen Kontakte über Stadt- und Ländergrenzen hinweg.",
    "Mitglieder laden außerdem die Materialien der Wissensdatenbank herunter, die nur für "
    "ProgrammträgerInnen bestimmt sind, und stellen sich ihr Programm für die Fachkongresse "
    "zusammen.",
]
NETWORK_TEAM_HEADING = "Begleitet vom BBE-Projektteam"
NETWORK_TEAM = [
    "Das BBE koordiniert, moderiert und begleitet den Austausch und die Vernetzung der "
    "TrägerInnen untereinander sowie mit VertreterInnen des BMFSFJ. Fachlich begleitet, "
    "organisatorisch und technisch unterstützt werden Sie durch das BBE-Projektteam.",
    "Mitglied werden können die Mitarbeitenden und Engagierten der ProgrammträgerInnen. Nach "
    "der Registrierung prüft das Projektteam jedes Konto und schaltet es frei.",
]

# --- Carriers that the knowledge database's demo does not bring --------------------------

ORGANISATIONS = [
    {
        "name": "Familienpatenschaften Bremen e. V.",
        "description": "Vermittelt Patenschaften zwischen Bremer Familien und geflüchteten "
        "Familien mit Kindern.",
        "state": "HB",
        "city": "Bremen",
        "programme_since": 2017,
    },
    {
        "name": "Integrationslotsen Thüringen e. V.",
        "description": "Qualifiziert ehrenamtliche Integrationslotsinnen und -lotsen und "
        "begleitet sie in Erfurt, Jena und Weimar.",
        "state": "TH",
        "city": "Erfurt",
        "programme_since": 2016,
    },
    {
        "name": "Mentoring-Werkstatt Stuttgart e. V.",
        "description": "Begleitet junge Geflüchtete mit Mentorinnen und Mentoren auf dem Weg "
        "in Ausbildung und Beruf.",
        "state": "BW",
        "city": "Stuttgart",
        "programme_since": 2018,
    },
]

# --- People ---------------------------------------------------------------------------------

BBE = "Bundesnetzwerk Bürgerschaftliches Engagement"
LEIPZIG = "Patenschaftsnetz Leipzig e. V."
RHEIN_MAIN = "Mentoring für Geflüchtete Rhein-Main e. V."
NORDFRIESLAND = "Lotsenprojekt Nordfriesland"
HAMBURG = "Stiftung Ankommen Hamburg"
BAYERN = "Willkommensnetz Bayern e. V."
RUHR = "Ehrenamtsbörse Ruhr e. V."
BREMEN = "Familienpatenschaften Bremen e. V."
THUERINGEN = "Integrationslotsen Thüringen e. V."
STUTTGART = "Mentoring-Werkstatt Stuttgart e. V."

# The topics of the knowledge database (library/demo/data.py), by a short name.
PATENSCHAFTEN = "Patenschaften aufbauen und begleiten"
EHRENAMT = "Gewinnung und Qualifizierung von Ehrenamtlichen"
RECHT = "Recht und Aufenthalt"
WOHNEN = "Wohnen"
ARBEIT = "Arbeit und Ausbildung"
SPRACHE = "Sprache und Bildung"
PRESSE = "Öffentlichkeitsarbeit"
FINANZEN = "Finanzierung und Förderung"
WIRKUNG = "Evaluation und Wirkung"
FAMILIEN = "Kinder und Familien"

# The demo logins: `create_dev_admin` gives them a password (and prints it once).
MEMBER_EMAIL = "mitglied@example.org"
MODERATOR_EMAIL = "moderation@example.org"

# Each member: name, e-mail, organisation, role, place, topics, languages (codes of
# SpokenLanguage), about me / I offer / I am looking for, and contact details with whether
# members see them ("contact": "members") or nobody does.
MEMBERS = [
    {
        "name": ("Jana", "Winter"),
        "email": MODERATOR_EMAIL,
        "organisation": BBE,
        "role": "Moderation des Netzwerks, BBE-Projektteam",
        "place": ("BE", "Berlin"),
        "topics": [PATENSCHAFTEN, PRESSE, WIRKUNG],
        "languages": ["de", "en"],
        "bio": "Ich begleite im BBE-Projektteam den Austausch der ProgrammträgerInnen, schalte "
        "neue Konten frei und moderiere das Netzwerk.",
        "offers": "Hilfe bei Fragen zur Plattform, Kontakte zu anderen Trägern und zum BMFSFJ.",
        "seeks": "Themen und Fragen aus Ihrer Praxis für die nächsten Netzwerktreffen.",
        "contact": ("members", "netzwerk@example.org", "030 6298-0217"),
    },
    {
        "name": ("Tobias", "Lang"),
        "email": "tobias.lang@example.org",
        "organisation": BBE,
        "role": "Referent Wissenstransfer",
        "place": ("BE", "Berlin"),
        "topics": [WIRKUNG, FINANZEN],
        "languages": ["de", "en", "fr"],
        "bio": "Ich betreue die Wissensdatenbank und bereite die Ergebnisse der Fachkongresse "
        "für die Praxis auf.",
        "offers": "Beratung, wie Sie Ihre Materialien in der Wissensdatenbank veröffentlichen.",
        "seeks": "Praxisbeispiele und Arbeitshilfen, die anderen Trägern nützen.",
        "contact": ("members", "tobias.lang@example.org", ""),
    },
    {
        "name": ("Anna", "Lehmann"),
        "email": MEMBER_EMAIL,
        "organisation": LEIPZIG,
        "role": "Koordinatorin Patenschaftsprogramm",
        "place": ("SN", "Leipzig"),
        "topics": [PATENSCHAFTEN, EHRENAMT, FAMILIEN],
        "languages": ["de", "en", "ru"],
        "bio": "Seit 2016 bringe ich in Leipzig Patinnen und Paten mit geflüchteten Familien "
        "zusammen und begleite rund 60 Tandems.",
        "offers": "Unsere Vorlage für Erstgespräche und Erfahrungen mit Reflexionstreffen.",
        "seeks": "Ideen, wie wir Patenschaften nach dem ersten Jahr lebendig halten.",
        "contact": ("members", "anna.lehmann@example.org", "0341 123456-10"),
    },
    {
        "name": ("Yusuf", "Kaya"),
        "email": "yusuf.kaya@example.org",
        "organisation": LEIPZIG,
        "role": "Sozialarbeiter, Begleitung der Tandems",
        "place": ("SN", "Leipzig"),
        "topics": [PATENSCHAFTEN, SPRACHE],
        "languages": ["de", "tr", "ar"],
        "bio": "Ich bin Ansprechpartner für Patinnen und Paten, wenn es im Tandem einmal "
        "schwierig wird.",
        "offers": "Kollegiale Beratung zu Konflikten in Patenschaften.",
        "seeks": "Austausch mit anderen Fachkräften, die Tandems begleiten.",
        "contact": ("nobody", "yusuf.kaya@example.org", ""),
    },
    {
        "name": ("Marie", "Schubert"),
        "email": "marie.schubert@example.org",
        "organisation": LEIPZIG,
        "role": "Freiwilligenkoordination",
        "place": ("SN", "Leipzig"),
        "topics": [EHRENAMT, PRESSE],
        "languages": ["de"],
        "bio": "Ich gewinne neue Ehrenamtliche und organisiere unsere Infoabende.",
        "offers": "Unsere Checkliste für Infoabende und Texte für Aufrufe in sozialen Medien.",
        "seeks": "Erfahrungen mit der Gewinnung junger Engagierter.",
        "contact": ("members", "marie.schubert@example.org", ""),
    },
    {
        "name": ("Daniel", "Becker"),
        "email": "daniel.becker@example.org",
        "organisation": RHEIN_MAIN,
        "role": "Projektleiter Mentoring",
        "place": ("HE", "Frankfurt am Main"),
        "topics": [ARBEIT, WIRKUNG],
        "languages": ["de", "en"],
        "bio": "Ich leite das Mentoringprogramm im Rhein-Main-Gebiet mit rund 120 Tandems.",
        "offers": "Unser Konzept für die Wirkungsmessung im Mentoring.",
        "seeks": "Kontakte zu Unternehmen, die Praktika für Mentees anbieten.",
        "contact": ("members", "daniel.becker@example.org", "069 123456-20"),
    },
    {
        "name": ("Leyla", "Rahimi"),
        "email": "leyla.rahimi@example.org",
        "organisation": RHEIN_MAIN,
        "role": "Mentorin und Trainerin",
        "place": ("HE", "Offenbach am Main"),
        "topics": [SPRACHE, ARBEIT],
        "languages": ["de", "fa", "en"],
        "bio": "Ich bin selbst 2015 nach Deutschland gekommen und schule heute neue "
        "Mentorinnen und Mentoren.",
        "offers": "Workshops zur interkulturellen Kommunikation im Tandem.",
        "seeks": "Materialien in einfacher Sprache für Bewerbungstrainings.",
        "contact": ("nobody", "", ""),
    },
    {
        "name": ("Sophie", "Wagner"),
        "email": "sophie.wagner@example.org",
        "organisation": RHEIN_MAIN,
        "role": "Referentin Qualifizierung",
        "place": ("HE", "Frankfurt am Main"),
        "topics": [EHRENAMT],
        "languages": ["de", "fr"],
        "bio": "Ich plane die Schulungsreihe für neue Mentorinnen und Mentoren.",
        "offers": "Unser Schulungscurriculum mit sechs Modulen.",
        "seeks": "Referentinnen und Referenten zum Thema Aufenthaltsrecht.",
        "contact": ("members", "sophie.wagner@example.org", ""),
    },
    {
        "name": ("Hauke", "Jensen"),
        "email": "hauke.jensen@example.org",
        "organisation": NORDFRIESLAND,
        "role": "Koordinator Lotsendienst",
        "place": ("SH", "Husum"),
        "topics": [RECHT, ARBEIT],
        "languages": ["de"],
        "bio": "Ich koordiniere 40 ehrenamtliche Lotsinnen und Lotsen in den Gemeinden "
        "Nordfrieslands.",
        "offers": "Erfahrungen mit Lotsendiensten im ländlichen Raum und langen Wegen.",
        "seeks": "Ideen für Mobilität: Wie kommen Lotsen und Geflüchtete zu den Terminen?",
        "contact": ("members", "hauke.jensen@example.org", "04841 1234-30"),
    },
    {
        "name": ("Amina", "Yusuf"),
        "email": "amina.yusuf@example.org",
        "organisation": NORDFRIESLAND,
        "role": "Lotsin und Sprachmittlerin",
        "place": ("SH", "Niebüll"),
        "topics": [RECHT, SPRACHE],
        "languages": ["de", "so", "en"],
        "bio": "Ich begleite Familien zu Behörden und übersetze, wenn es nötig ist.",
        "offers": "Sprachmittlung auf Somali und Englisch, auch per Telefon.",
        "seeks": "Austausch mit anderen Sprachmittlerinnen über Grenzen des Ehrenamts.",
        "contact": ("nobody", "amina.yusuf@example.org", ""),
    },
    {
        "name": ("Katrin", "Brandes"),
        "email": "katrin.brandes@example.org",
        "organisation": HAMBURG,
        "role": "Programmleitung Wohnpatenschaften",
        "place": ("HH", "Hamburg"),
        "topics": [WOHNEN, FINANZEN],
        "languages": ["de", "en"],
        "bio": "Wir begleiten Familien bei der Wohnungssuche – von der Besichtigung bis zum "
        "Mietvertrag.",
        "offers": "Unsere Erfahrungen mit Vermieterinnen und Wohnungsbaugenossenschaften.",
        "seeks": "Träger, die Wohnpatenschaften in anderen Großstädten aufbauen.",
        "contact": ("members", "katrin.brandes@example.org", "040 123456-40"),
    },
    {
        "name": ("Mehmet", "Arslan"),
        "email": "mehmet.arslan@example.org",
        "organisation": HAMBURG,
        "role": "Berater Wohnungssuche",
        "place": ("HH", "Hamburg"),
        "topics": [WOHNEN, RECHT],
        "languages": ["de", "tr", "ku"],
        "bio": "Ich berate Geflüchtete zu Wohnberechtigungsschein, Mietrecht und Umzug.",
        "offers": "Kurze Erklärungen zum Mietrecht für Ehrenamtliche.",
        "seeks": "Übersetzte Muster für Bewerbungsmappen bei Vermietern.",
        "contact": ("nobody", "", ""),
    },
    {
        "name": ("Florian", "Huber"),
        "email": "florian.huber@example.org",
        "organisation": BAYERN,
        "role": "Koordinator Willkommensinitiativen",
        "place": ("BY", "München"),
        "topics": [EHRENAMT, PATENSCHAFTEN],
        "languages": ["de", "en"],
        "bio": "Ich vernetze über 30 Willkommensinitiativen in Oberbayern.",
        "offers": "Vorlagen für Kooperationsvereinbarungen zwischen Initiativen.",
        "seeks": "Wege, wie kleine Initiativen Fördermittel beantragen können.",
        "contact": ("members", "florian.huber@example.org", "089 123456-50"),
    },
    {
        "name": ("Sabine", "Maier"),
        "email": "sabine.maier@example.org",
        "organisation": BAYERN,
        "role": "Rechtsberaterin Aufenthalt",
        "place": ("BY", "Nürnberg"),
        "topics": [RECHT],
        "languages": ["de", "en", "fr"],
        "bio": "Ich berate Ehrenamtliche zu Fragen des Aufenthalts- und Asylrechts.",
        "offers": "Online-Sprechstunde für Koordinierende anderer Träger.",
        "seeks": "Fälle aus der Praxis für unsere Schulungen (anonymisiert).",
        "contact": ("members", "sabine.maier@example.org", ""),
    },
    {
        "name": ("Tesfay", "Gebremedhin"),
        "email": "tesfay.gebremedhin@example.org",
        "organisation": BAYERN,
        "role": "Kulturmittler",
        "place": ("BY", "Regensburg"),
        "topics": [SPRACHE, RECHT],
        "languages": ["de", "ti", "ar", "en"],
        "bio": "Ich vermittle zwischen Familien aus Eritrea und Schulen, Ämtern und "
        "Patinnen und Paten.",
        "offers": "Sprachmittlung auf Tigrinya und Arabisch.",
        "seeks": "Kontakt zu anderen Kulturmittlern in Bayern.",
        "contact": ("nobody", "tesfay.gebremedhin@example.org", ""),
    },
    {
        "name": ("Julia", "Schmitz"),
        "email": "julia.schmitz@example.org",
        "organisation": RUHR,
        "role": "Projektkoordinatorin Familienpatenschaften",
        "place": ("NW", "Essen"),
        "topics": [FAMILIEN, PATENSCHAFTEN],
        "languages": ["de", "en"],
        "bio": "Ich bringe Familien aus Essen und geflüchtete Familien für ein Jahr zusammen.",
        "offers": "Ideen für gemeinsame Ausflüge und Feste im Programm.",
        "seeks": "Erfahrungen mit Kinderbetreuung während der Tandemtreffen.",
        "contact": ("members", "julia.schmitz@example.org", "0201 123456-60"),
    },
    {
        "name": ("Ali", "Hassan"),
        "email": "ali.hassan@example.org",
        "organisation": RUHR,
        "role": "Leitung Sprachcafé",
        "place": ("NW", "Dortmund"),
        "topics": [SPRACHE],
        "languages": ["de", "ar", "en"],
        "bio": "Jeden Donnerstag treffen sich in unserem Sprachcafé bis zu 50 Menschen.",
        "offers": "Spiele und Materialien für Sprachcafés, erprobt und gesammelt.",
        "seeks": "Ehrenamtliche, die ein Sprachcafé in Nachbarstädten starten möchten.",
        "contact": ("members", "ali.hassan@example.org", ""),
    },
    {
        "name": ("Petra", "Krüger"),
        "email": "petra.krueger@example.org",
        "organisation": RUHR,
        "role": "Öffentlichkeitsarbeit",
        "place": ("NW", "Bochum"),
        "topics": [PRESSE, FINANZEN],
        "languages": ["de"],
        "bio": "Ich erzähle die Geschichten unserer Tandems in Presse und sozialen Medien.",
        "offers": "Tipps für Pressemitteilungen und Fotorechte bei Veranstaltungen.",
        "seeks": "Austausch über Spendenkampagnen kleiner Vereine.",
        "contact": ("members", "petra.krueger@example.org", "0234 123456-70"),
    },
    {
        "name": ("Nina", "Hoffmann"),
        "email": "nina.hoffmann@example.org",
        "organisation": BREMEN,
        "role": "Koordinatorin Familienpatenschaften",
        "place": ("HB", "Bremen"),
        "topics": [FAMILIEN, PATENSCHAFTEN],
        "languages": ["de", "en", "es"],
        "bio": "Ich koordiniere unsere Familienpatenschaften in Bremen und Bremerhaven.",
        "offers": "Unseren Leitfaden für Patenschaften mit Kindern im Grundschulalter.",
        "seeks": "Erfahrungen mit Patenschaften für Jugendliche ohne Familie.",
        "contact": ("members", "nina.hoffmann@example.org", ""),
    },
    {
        "name": ("Olga", "Petrenko"),
        "email": "olga.petrenko@example.org",
        "organisation": BREMEN,
        "role": "Patin und Multiplikatorin",
        "place": ("HB", "Bremerhaven"),
        "topics": [FAMILIEN, SPRACHE],
        "languages": ["de", "uk", "ru"],
        "bio": "Ich bin seit drei Jahren Patin und gebe meine Erfahrungen an neue Patinnen weiter.",
        "offers": "Erfahrungsberichte aus der Sicht einer Patin.",
        "seeks": "Andere Patinnen, die Familien aus der Ukraine begleiten.",
        "contact": ("nobody", "", ""),
    },
    {
        "name": ("Stefan", "Richter"),
        "email": "stefan.richter@example.org",
        "organisation": THUERINGEN,
        "role": "Geschäftsführer",
        "place": ("TH", "Erfurt"),
        "topics": [FINANZEN, WIRKUNG],
        "languages": ["de"],
        "bio": "Ich verantworte Finanzen und Förderanträge unseres Vereins.",
        "offers": "Erfahrungen mit der Anschlussfinanzierung nach dem Programmende.",
        "seeks": "Beispiele für Wirkungsberichte, die Förderer überzeugen.",
        "contact": ("members", "stefan.richter@example.org", "0361 123456-80"),
    },
    {
        "name": ("Farida", "Noori"),
        "email": "farida.noori@example.org",
        "organisation": THUERINGEN,
        "role": "Integrationslotsin",
        "place": ("TH", "Jena"),
        "topics": [ARBEIT, SPRACHE],
        "languages": ["de", "ps", "fa"],
        "bio": "Ich begleite Frauen aus Afghanistan auf dem Weg in Sprachkurs und Beruf.",
        "offers": "Sprachmittlung auf Paschtu und Dari.",
        "seeks": "Angebote für Frauen mit kleinen Kindern in Thüringen.",
        "contact": ("nobody", "farida.noori@example.org", ""),
    },
    {
        "name": ("Lukas", "Maurer"),
        "email": "lukas.maurer@example.org",
        "organisation": STUTTGART,
        "role": "Koordinator Ausbildungsmentoring",
        "place": ("BW", "Stuttgart"),
        "topics": [ARBEIT, EHRENAMT],
        "languages": ["de", "en"],
        "bio": "Ich vermittle Mentorinnen und Mentoren aus Betrieben an junge Geflüchtete.",
        "offers": "Kontakte zu Handwerkskammer und Betrieben in der Region Stuttgart.",
        "seeks": "Erfahrungen mit Mentoring während der Berufsschulzeit.",
        "contact": ("members", "lukas.maurer@example.org", "0711 123456-90"),
    },
    {
        "name": ("Elif", "Yıldız"),
        "email": "elif.yildiz@example.org",
        "organisation": STUTTGART,
        "role": "Mentorin Schule und Beruf",
        "place": ("BW", "Heilbronn"),
        "topics": [ARBEIT, FAMILIEN],
        "languages": ["de", "tr"],
        "bio": "Ich begleite Jugendliche beim Übergang von der Schule in die Ausbildung.",
        "offers": "Bewerbungstrainings für Schülerinnen und Schüler.",
        "seeks": "Ideen, wie Eltern in die Berufsorientierung einbezogen werden.",
        "contact": ("members", "elif.yildiz@example.org", ""),
    },
    {
        "name": ("Clara", "Neumann"),
        "email": "clara.neumann@example.org",
        "organisation": STUTTGART,
        "role": "Evaluation und Qualitätsentwicklung",
        "place": ("BW", "Stuttgart"),
        "topics": [WIRKUNG],
        "languages": ["de", "en", "sgn-de"],
        "bio": "Ich werte unsere Tandems aus und entwickle Fragebögen für Mentees und Mentoren.",
        "offers": "Unsere Fragebögen zur Zufriedenheit, auch in einfacher Sprache.",
        "seeks": "Träger, die ihre Evaluation gemeinsam mit uns vergleichen möchten.",
        "contact": ("members", "clara.neumann@example.org", ""),
    },
]

# Signed up, verified, not yet approved: with an organisation the moderators do not know yet.
PENDING = {
    "name": ("Ole", "Petersen"),
    "email": "ole.petersen@example.org",
    "proposed_organisation": "Nachbarschaftshilfe Rostock e. V.",
    "role": "Ehrenamtskoordinator",
    "place": ("MV", "Rostock"),
    "topics": [EHRENAMT],
    "languages": ["de"],
    "bio": "Wir bauen in Rostock gerade ein Patenschaftsprojekt auf.",
    "offers": "",
    "seeks": "Starthilfe von erfahrenen Trägern.",
    "contact": ("nobody", "", ""),
}
