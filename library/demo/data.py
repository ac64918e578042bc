"""The demo materials of the knowledge database: German text in the voice of the programme's
carriers. The organisations except the BBE are invented for the demo."""

TOPICS = [
    "Patenschaften aufbauen und begleiten",
    "Gewinnung und Qualifizierung von Ehrenamtlichen",
    "Recht und Aufenthalt",
    "Wohnen",
    "Arbeit und Ausbildung",
    "Sprache und Bildung",
    "Öffentlichkeitsarbeit",
    "Finanzierung und Förderung",
    "Evaluation und Wirkung",
    "Kinder und Familien",
]

MATERIAL_TYPES = [
    "Leitfaden",
    "Arbeitshilfe/Vorlage",
    "Praxisbeispiel",
    "Studie/Evaluation",
    "Präsentation",
    "Dokumentation",
    "Link/Video",
]

ORGANISATIONS = [
    {
        "name": "Bundesnetzwerk Bürgerschaftliches Engagement",
        "short_name": "BBE",
        "description": "Das BBE begleitet das Programm »Menschen stärken Menschen« durch den "
        "Aufbau eines systematischen Wissenstransfers zwischen den ProgrammträgerInnen.",
        "website": "https://www.b-b-e.de/",
        "state": "BE",
        "city": "Berlin",
        "programme_since": 2016,
    },
    {
        "name": "Patenschaftsnetz Leipzig e. V.",
        "short_name": "PNL",
        "description": "Vermittelt und begleitet Patenschaften zwischen Leipziger Familien "
        "und geflüchteten Menschen.",
        "state": "SN",
        "city": "Leipzig",
        "programme_since": 2016,
    },
    {
        "name": "Mentoring für Geflüchtete Rhein-Main e. V.",
        "short_name": "MGRM",
        "description": "Bildet Mentorinnen und Mentoren aus und begleitet Tandems im "
        "Rhein-Main-Gebiet.",
        "state": "HE",
        "city": "Frankfurt am Main",
        "programme_since": 2016,
    },
    {
        "name": "Lotsenprojekt Nordfriesland",
        "short_name": "LNF",
        "description": "Ehrenamtliche Lotsinnen und Lotsen begleiten Geflüchtete in den "
        "Gemeinden Nordfrieslands zu Behörden, Schulen und Betrieben.",
        "state": "SH",
        "city": "Husum",
        "programme_since": 2017,
    },
    {
        "name": "Stiftung Ankommen Hamburg",
        "short_name": "",
        "description": "Fördert Wohnpatenschaften und begleitet Familien bei der Wohnungssuche.",
        "state": "HH",
        "city": "Hamburg",
        "programme_since": 2016,
    },
    {
        "name": "Willkommensnetz Bayern e. V.",
        "short_name": "",
        "description": "Ein Netz von Willkommensinitiativen in Bayern mit Schwerpunkt auf "
        "Beratung zu Recht und Aufenthalt.",
        "state": "BY",
        "city": "München",
        "programme_since": 2017,
    },
    {
        "name": "Ehrenamtsbörse Ruhr e. V.",
        "short_name": "",
        "description": "Bringt Engagierte und Projekte im Ruhrgebiet zusammen, etwa in "
        "Sprachcafés und Familienpatenschaften.",
        "state": "NW",
        "city": "Essen",
        "programme_since": 2018,
    },
]

PROGRAMME_NOTE = (
    "Erstellt im Rahmen des Programms »Menschen stärken Menschen« des Bundesministeriums für "
    "Familie, Senioren, Frauen und Jugend (BMFSFJ)."
)

# Each material: the import's columns (see library/importer.py), plus the text of its files
# ("text") and which files to make ("files": pdf and/or docx).
MATERIALS = [
    {
        "id": "MSM-001",
        "titel": "Leitfaden: Patenschaften für Geflüchtete aufbauen",
        "materialart": "Leitfaden",
        "themen": "Patenschaften aufbauen und begleiten",
        "traeger": "BBE",
        "jahr": "2017",
        "zielgruppe": "Koordinierende von Patenschaftsprojekten",
        "zusammenfassung": "Schritt für Schritt von der Idee zum laufenden Programm: Bedarf "
        "klären, Engagierte gewinnen, Tandems bilden und gut begleiten.",
        "text": "Ein Tandem entsteht nicht von allein. Vor dem ersten Treffen klären "
        "Koordinierende im Erstgespräch die Erwartungen beider Seiten und halten sie in einer "
        "Patenschaftsvereinbarung fest. Regelmäßige Reflexionstreffen helfen, Konflikte früh "
        "zu erkennen.",
        "lizenz": "CC BY-SA 4.0",
        "barrierefrei": "ja",
        "files": ["pdf"],
        "verwandte": "MSM-002|MSM-003",
    },
    {
        "id": "MSM-002",
        "titel": "Vorlage: Patenschaftsvereinbarung",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Patenschaften aufbauen und begleiten",
        "traeger": "PNL",
        "jahr": "2016",
        "zielgruppe": "Patinnen, Paten und Koordinierende",
        "zusammenfassung": "Eine Vorlage zum Anpassen: Was Patin oder Pate und die begleitete "
        "Person voneinander erwarten, wie oft sie sich treffen und wen sie bei Fragen anrufen.",
        "text": "Die Patenschaftsvereinbarung ist kein Vertrag, sondern eine gemeinsame "
        "Verabredung. Sie regelt Treffen, Erreichbarkeit, Schweigepflicht und das Ende der "
        "Patenschaft.",
        "lizenz": "CC BY 4.0",
        "files": ["docx"],
        "verwandte": "MSM-001",
    },
    {
        "id": "MSM-003",
        "titel": "Checkliste für das Erstgespräch mit Patinnen und Paten",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Patenschaften aufbauen und begleiten|Gewinnung und Qualifizierung von "
        "Ehrenamtlichen",
        "traeger": "MGRM",
        "jahr": "2017",
        "zielgruppe": "Koordinierende",
        "zusammenfassung": "Die wichtigsten Fragen für das erste Gespräch mit Interessierten: "
        "Motivation, zeitliche Möglichkeiten, Erfahrungen und Grenzen.",
        "text": "Fragen Sie nach der Motivation, nach der verfügbaren Zeit pro Woche und nach "
        "Sprachkenntnissen. Ein erweitertes Führungszeugnis ist bei Patenschaften mit Kindern "
        "Pflicht.",
        "lizenz": "CC BY 4.0",
        "files": ["docx", "pdf"],
    },
    {
        "id": "MSM-004",
        "titel": "Ehrenamtliche gewinnen: Erfahrungen aus zwanzig Projekten",
        "materialart": "Praxisbeispiel",
        "themen": "Gewinnung und Qualifizierung von Ehrenamtlichen",
        "traeger": "BBE",
        "jahr": "2017",
        "zielgruppe": "Projektleitungen",
        "zusammenfassung": "Zwanzig Programmträger berichten, wie sie neue Engagierte "
        "erreicht haben – von der Stadtteilzeitung bis zum Infoabend im Sportverein.",
        "text": "Am erfolgreichsten waren persönliche Ansprache und Infoabende in Vereinen. "
        "Mehrere Projekte gewannen über Kirchengemeinden und Freiwilligenagenturen neue "
        "Engagierte.",
        "lizenz": "CC BY-SA 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-005",
        "titel": "Schulungskonzept für Mentorinnen und Mentoren",
        "materialart": "Leitfaden",
        "themen": "Gewinnung und Qualifizierung von Ehrenamtlichen|Sprache und Bildung",
        "traeger": "Stiftung Ankommen Hamburg",
        "jahr": "2016",
        "zielgruppe": "Trainerinnen und Trainer",
        "zusammenfassung": "Drei Module für die Vorbereitung neuer Mentorinnen und Mentoren, "
        "mit Ablaufplänen und Übungen.",
        "text": "Modul eins behandelt Rollenklärung, Modul zwei interkulturelle "
        "Kommunikation, Modul drei Selbstfürsorge und Supervision. Jede Einheit dauert drei "
        "Stunden.",
        "zugang": "Mitglieder",
        "files": ["pdf"],
    },
    {
        "id": "MSM-006",
        "titel": "Asylverfahren und Aufenthaltsstatus kurz erklärt",
        "materialart": "Leitfaden",
        "themen": "Recht und Aufenthalt",
        "traeger": "Willkommensnetz Bayern e. V.",
        "jahr": "2017",
        "zielgruppe": "Ehrenamtliche ohne juristische Vorkenntnisse",
        "zusammenfassung": "Welche Schritte das Asylverfahren hat und was die verschiedenen "
        "Aufenthaltspapiere bedeuten – verständlich für Ehrenamtliche.",
        "text": "Die Aufenthaltsgestattung gilt während des Asylverfahrens. Eine Duldung ist "
        "kein Aufenthaltstitel. Eine Wohnsitzauflage kann den Umzug in eine andere Stadt "
        "verhindern.",
        "lizenz": "CC BY 4.0",
        "barrierefrei": "ja",
        "files": ["pdf"],
        "verwandte": "MSM-007|MSM-008",
    },
    {
        "id": "MSM-007",
        "titel": "Vormundschaft für unbegleitete Minderjährige: Fragen und Antworten",
        "materialart": "Leitfaden",
        "themen": "Recht und Aufenthalt|Kinder und Familien",
        "traeger": "PNL",
        "jahr": "2018",
        "zielgruppe": "Ehrenamtliche Vormünder",
        "zusammenfassung": "Was eine ehrenamtliche Vormundschaft bedeutet, welche Pflichten "
        "sie mit sich bringt und wo es Unterstützung gibt.",
        "text": "Das Familiengericht bestellt den Vormund auf Vorschlag des Jugendamts. Nach "
        "dem Clearingverfahren übernimmt der Vormund die rechtliche Vertretung.",
        "zugang": "Mitglieder",
        "files": ["pdf"],
        "verwandte": "MSM-006",
    },
    {
        "id": "MSM-008",
        "titel": "Familiennachzug: Was Patinnen und Paten wissen sollten",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Recht und Aufenthalt|Kinder und Familien",
        "traeger": "MGRM",
        "jahr": "2018",
        "zielgruppe": "Patinnen und Paten",
        "zusammenfassung": "Die Voraussetzungen für den Nachzug von Ehepartnern und Kindern, "
        "mit Hinweisen auf Fristen und Beratungsstellen.",
        "text": "Für den Familiennachzug sind Fristen entscheidend. Die Terminvergabe bei der "
        "Botschaft dauert oft Monate. Eine qualifizierte Beratungsstelle sollte früh "
        "eingebunden werden.",
        "lizenz": "CC BY 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-009",
        "titel": "Wohnungssuche gemeinsam meistern",
        "materialart": "Praxisbeispiel",
        "themen": "Wohnen",
        "traeger": "Stiftung Ankommen Hamburg",
        "jahr": "2017",
        "zielgruppe": "Wohnpatinnen und Wohnpaten",
        "zusammenfassung": "Wie Wohnpatenschaften in Hamburg Familien aus der Unterkunft in "
        "die eigene Wohnung begleiten.",
        "text": "Zuerst hilft die Wohnpatin beim Wohnberechtigungsschein, dann bei der "
        "Mietschuldenfreiheitsbescheinigung und der Bewerbungsmappe für Vermieter.",
        "lizenz": "CC BY-SA 4.0",
        "files": ["pdf"],
        "verwandte": "MSM-010",
    },
    {
        "id": "MSM-010",
        "titel": "Musteranschreiben an Vermieterinnen und Vermieter",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Wohnen",
        "traeger": "Stiftung Ankommen Hamburg",
        "jahr": "2017",
        "zielgruppe": "Wohnungssuchende und Begleitende",
        "zusammenfassung": "Ein freundliches, kurzes Anschreiben zum Anpassen, das die "
        "Familie und ihre Begleitung vorstellt.",
        "text": "Sehr geehrte Vermieterin, sehr geehrter Vermieter, wir interessieren uns für "
        "Ihre Wohnung. Unsere Familie wird von einer ehrenamtlichen Wohnpatin begleitet.",
        "lizenz": "CC0 1.0",
        "files": ["docx"],
    },
    {
        "id": "MSM-011",
        "titel": "Wege in Ausbildung und Arbeit: Lotsen in der Berufsorientierung",
        "materialart": "Praxisbeispiel",
        "themen": "Arbeit und Ausbildung",
        "traeger": "LNF",
        "jahr": "2018",
        "zielgruppe": "Lotsinnen und Lotsen",
        "zusammenfassung": "Wie ehrenamtliche Lotsen junge Geflüchtete in Nordfriesland zu "
        "Praktika und Ausbildungsplätzen begleiten.",
        "text": "Ein Praktikum im Handwerksbetrieb öffnet oft die Tür zur Ausbildung. Die "
        "Lotsen halten Kontakt zu Berufsschule, Betrieb und Ausländerbehörde, etwa wegen der "
        "Ausbildungsduldung.",
        "files": ["pdf"],
    },
    {
        "id": "MSM-012",
        "titel": "Anerkennung ausländischer Berufsabschlüsse",
        "materialart": "Leitfaden",
        "themen": "Arbeit und Ausbildung|Recht und Aufenthalt",
        "traeger": "Willkommensnetz Bayern e. V.",
        "jahr": "2018",
        "zielgruppe": "Begleitende und Beratende",
        "zusammenfassung": "Welche Stelle zuständig ist, welche Unterlagen gebraucht werden "
        "und wie lange das Anerkennungsverfahren dauert.",
        "text": "Für reglementierte Berufe ist die Anerkennung Pflicht. Zeugnisse müssen "
        "beglaubigt übersetzt werden. Die Anerkennungsberatung hilft bei der Wahl der "
        "zuständigen Kammer.",
        "zugang": "Mitglieder",
        "files": ["pdf"],
    },
    {
        "id": "MSM-013",
        "titel": "Sprachcafés organisieren",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Sprache und Bildung",
        "traeger": "Ehrenamtsbörse Ruhr e. V.",
        "jahr": "2016",
        "zielgruppe": "Initiativen und Ehrenamtliche",
        "zusammenfassung": "Raum, Ablauf, Materialien: was ein Sprachcafé braucht, damit "
        "Menschen gern wiederkommen.",
        "text": "Ein Sprachcafé lebt von Gesprächen in kleinen Runden. Bildkarten und "
        "Themenkarten helfen beim Einstieg; Kinderbetreuung macht die Teilnahme für Eltern "
        "möglich.",
        "lizenz": "CC BY 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-014",
        "titel": "Lernpatenschaften an Grundschulen",
        "materialart": "Praxisbeispiel",
        "themen": "Sprache und Bildung|Kinder und Familien",
        "traeger": "PNL",
        "jahr": "2017",
        "zielgruppe": "Schulen und Lernpatinnen",
        "zusammenfassung": "Lernpatinnen und Lernpaten unterstützen Kinder einmal pro Woche "
        "beim Lesen und bei den Hausaufgaben.",
        "text": "Die Lernpatenschaft beginnt mit einem Kennenlerntreffen in der Schule. "
        "Lesestunden in der Bibliothek stärken den Wortschatz der Kinder.",
        "files": ["pdf"],
    },
    {
        "id": "MSM-015",
        "titel": "Pressearbeit für kleine Initiativen",
        "materialart": "Leitfaden",
        "themen": "Öffentlichkeitsarbeit",
        "traeger": "BBE",
        "jahr": "2016",
        "zielgruppe": "Ehrenamtliche in der Öffentlichkeitsarbeit",
        "zusammenfassung": "Wie eine Pressemitteilung aufgebaut ist, wann die Lokalzeitung "
        "sie braucht und wie Fotos rechtssicher verwendet werden.",
        "text": "Eine Pressemitteilung beantwortet die W-Fragen im ersten Absatz. Für Fotos "
        "braucht es eine Einverständniserklärung der abgebildeten Personen.",
        "lizenz": "CC BY-SA 4.0",
        "barrierefrei": "ja",
        "files": ["pdf"],
    },
    {
        "id": "MSM-016",
        "titel": "Geschichten erzählen: Tandems in den sozialen Medien",
        "materialart": "Präsentation",
        "themen": "Öffentlichkeitsarbeit",
        "traeger": "MGRM",
        "jahr": "2017",
        "zielgruppe": "Projektteams",
        "zusammenfassung": "Folien eines Workshops: wie Projekte mit den Geschichten ihrer "
        "Tandems berichten, ohne die Privatsphäre der Beteiligten zu verletzen.",
        "text": "Erzählen Sie aus der Sicht des Tandems. Fragen Sie vor jeder Veröffentlichung "
        "nach dem Einverständnis. Zeigen Sie Hände, Wege und Orte statt Gesichter.",
        "files": ["pdf"],
    },
    {
        "id": "MSM-017",
        "titel": "Fördermittel für Patenschaftsprojekte finden",
        "materialart": "Leitfaden",
        "themen": "Finanzierung und Förderung",
        "traeger": "BBE",
        "jahr": "2017",
        "zielgruppe": "Vorstände und Projektleitungen",
        "zusammenfassung": "Ein Überblick über Förderprogramme von Bund, Ländern, Kommunen und "
        "Stiftungen, mit Tipps für den ersten Antrag.",
        "text": "Stiftungen fördern oft Sachkosten und Qualifizierung. Kommunale "
        "Integrationsfonds sind eine Quelle für kleine Beträge. Der Eigenanteil kann auch aus "
        "Spenden bestehen.",
        "lizenz": "CC BY 4.0",
        "files": ["pdf"],
        "verwandte": "MSM-018",
    },
    {
        "id": "MSM-018",
        "titel": "Vorlage für den Verwendungsnachweis",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Finanzierung und Förderung",
        "traeger": "BBE",
        "jahr": "2017",
        "zielgruppe": "Programmträger",
        "zusammenfassung": "Eine Tabelle und ein Sachbericht zum Ausfüllen, abgestimmt auf die "
        "Anforderungen des Programms.",
        "text": "Der Sachbericht beschreibt die Zahl der Tandems, die Qualifizierungen und die "
        "Öffentlichkeitsarbeit. Der zahlenmäßige Nachweis folgt dem Finanzierungsplan.",
        "zugang": "Mitglieder",
        "files": ["docx"],
    },
    {
        "id": "MSM-019",
        "titel": "Wirkung von Patenschaften: Ergebnisse der Begleitforschung",
        "materialart": "Studie/Evaluation",
        "themen": "Evaluation und Wirkung|Patenschaften aufbauen und begleiten",
        "traeger": "BBE",
        "jahr": "2018",
        "zielgruppe": "Fachöffentlichkeit",
        "zusammenfassung": "Was Patenschaften bewirken: Ergebnisse aus Befragungen von "
        "Tandems und Koordinierenden.",
        "text": "Befragte Tandems berichten von mehr Sicherheit im Alltag und neuen Kontakten. "
        "Entscheidend für die Wirkung ist die Dauer der Patenschaft und die hauptamtliche "
        "Begleitung.",
        "lizenz": "CC BY 4.0",
        "barrierefrei": "ja",
        "files": ["pdf"],
        "verwandte": "MSM-020",
    },
    {
        "id": "MSM-020",
        "titel": "Fragebogen zur Zufriedenheit in Tandems",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Evaluation und Wirkung",
        "traeger": "LNF",
        "jahr": "2018",
        "zielgruppe": "Koordinierende",
        "zusammenfassung": "Ein kurzer Fragebogen für beide Seiten eines Tandems, mit Fragen "
        "in einfacher Sprache.",
        "text": "Wie zufrieden sind Sie mit Ihren Treffen? Was hat Ihnen geholfen? Was "
        "wünschen Sie sich von der Koordination?",
        "lizenz": "CC BY 4.0",
        "files": ["docx"],
    },
    {
        "id": "MSM-021",
        "titel": "Dokumentation des Fachkongresses 2016",
        "materialart": "Dokumentation",
        "themen": "Patenschaften aufbauen und begleiten|Gewinnung und Qualifizierung von "
        "Ehrenamtlichen",
        "traeger": "BBE",
        "jahr": "2016",
        "zielgruppe": "Programmträger und Fachöffentlichkeit",
        "zusammenfassung": "Die Ergebnisse des bundesweiten Fachkongresses »PatInnen, LotsInnen "
        "und MentorInnen in der Unterstützung und Integration geflüchteter Menschen«.",
        "text": "Knapp 200 ExpertInnen folgten der Einladung zum bundesweiten Fachkongress am "
        "29. und 30. September 2016 im Tagesspiegel Verlagshaus in Berlin. Die Foren "
        "diskutierten Praxiserfahrungen, Bedarfe und Perspektiven.",
        "lizenz": "CC BY-SA 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-022",
        "titel": "Patenschaften im ländlichen Raum",
        "materialart": "Präsentation",
        "themen": "Patenschaften aufbauen und begleiten",
        "traeger": "LNF",
        "jahr": "2016",
        "zielgruppe": "Projekte auf dem Land",
        "zusammenfassung": "Folien eines Forums: weite Wege, wenige Engagierte und wie "
        "Projekte auf dem Land trotzdem stabile Tandems aufbauen.",
        "text": "Auf dem Land sind Mitfahrgelegenheiten und der Bürgerbus wichtig. "
        "Feuerwehr, Landfrauen und Sportvereine sind starke Partner bei der Gewinnung.",
        "zugang": "Mitglieder",
        "files": ["pdf"],
    },
    {
        "id": "MSM-023",
        "titel": "Kinder stärken: Familienpatenschaften",
        "materialart": "Praxisbeispiel",
        "themen": "Kinder und Familien",
        "traeger": "Ehrenamtsbörse Ruhr e. V.",
        "jahr": "2018",
        "zielgruppe": "Familienpatinnen und -paten",
        "zusammenfassung": "Familienpatenschaften im Ruhrgebiet: gemeinsame Ausflüge, "
        "Unterstützung bei Kita und Schule, Entlastung für die Eltern.",
        "text": "Die Familienpatin begleitet zur Kita-Anmeldung und zum Elternabend. "
        "Gemeinsame Ausflüge in den Stadtteil stärken die Kinder und entlasten die Eltern.",
        "lizenz": "CC BY 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-024",
        "titel": "Das Programm »Menschen stärken Menschen« im Netz",
        "materialart": "Link/Video",
        "themen": "Patenschaften aufbauen und begleiten|Öffentlichkeitsarbeit",
        "traeger": "BBE",
        "jahr": "2018",
        "zielgruppe": "Alle Interessierten",
        "zusammenfassung": "Wo das Bundesfamilienministerium und das BBE über das Programm "
        "informieren.",
        "links": "Website des BMFSFJ=https://www.bmfsfj.de/|Website des BBE=https://www.b-b-e.de/",
        "files": [],
    },
    {
        "id": "MSM-025",
        "titel": "Nähe und Distanz in der Begleitung",
        "materialart": "Leitfaden",
        "themen": "Patenschaften aufbauen und begleiten|Gewinnung und Qualifizierung von "
        "Ehrenamtlichen",
        "traeger": "MGRM",
        "jahr": "2017",
        "zielgruppe": "Mentorinnen, Mentoren und Koordinierende",
        "zusammenfassung": "Wo die Grenzen des Ehrenamts liegen und wie Engagierte sich vor "
        "Überforderung schützen.",
        "text": "Ehrenamtliche dürfen Nein sagen. Bei rechtlichen Fragen verweisen sie an "
        "Beratungsstellen. Supervision und kollegiale Beratung entlasten.",
        "zugang": "Mitglieder",
        "files": ["pdf"],
    },
    {
        "id": "MSM-026",
        "titel": "Interkulturelle Kompetenz: Schulungsmodul",
        "materialart": "Präsentation",
        "themen": "Gewinnung und Qualifizierung von Ehrenamtlichen",
        "traeger": "Stiftung Ankommen Hamburg",
        "jahr": "2016",
        "zielgruppe": "Trainerinnen und Trainer",
        "zusammenfassung": "Folien und Übungen für ein Schulungsmodul zur interkulturellen "
        "Kommunikation.",
        "text": "Missverständnisse sind normal. Die Übung »Perspektivwechsel« zeigt, wie "
        "unterschiedlich Pünktlichkeit, Höflichkeit und Nähe verstanden werden.",
        "lizenz": "CC BY-NC 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-027",
        "titel": "Begleitung zu Behörden: Tipps für Lotsinnen und Lotsen",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Recht und Aufenthalt|Patenschaften aufbauen und begleiten",
        "traeger": "LNF",
        "jahr": "2017",
        "zielgruppe": "Lotsinnen und Lotsen",
        "zusammenfassung": "Wie ein Termin beim Amt gut vorbereitet wird und welche Rolle die "
        "Begleitung dort hat.",
        "text": "Vor dem Termin beim Jobcenter oder bei der Ausländerbehörde die Unterlagen "
        "gemeinsam sortieren. Beim Gespräch selbst übersetzt eine Dolmetscherin, nicht die "
        "Lotsin.",
        "lizenz": "CC BY 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-028",
        "titel": "Mehrsprachige Willkommensmappe",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Sprache und Bildung|Wohnen",
        "traeger": "Ehrenamtsbörse Ruhr e. V.",
        "jahr": "2016",
        "zielgruppe": "Neu angekommene Familien",
        "zusammenfassung": "Die wichtigsten Adressen, Notrufnummern und Regeln des "
        "Zusammenlebens im Haus, in mehreren Sprachen.",
        "text": "Notruf 112. Mülltrennung: Papier, Verpackungen, Restmüll, Biomüll. Die "
        "Hausordnung regelt die Ruhezeiten.",
        "sprache": "mul",
        "lizenz": "CC BY 4.0",
        "files": ["pdf"],
    },
    {
        "id": "MSM-029",
        "titel": "Was ist eine Patenschaft? In Leichter Sprache",
        "materialart": "Arbeitshilfe/Vorlage",
        "themen": "Patenschaften aufbauen und begleiten",
        "traeger": "BBE",
        "jahr": "2018",
        "zielgruppe": "Geflüchtete Menschen",
        "zusammenfassung": "Ein Faltblatt in Leichter Sprache: Was eine Patin oder ein Pate "
        "macht und was nicht.",
        "text": "Eine Patin hilft Ihnen im Alltag. Sie treffen sich regelmäßig. Die Patin "
        "bekommt kein Geld. Sie können jederzeit Nein sagen.",
        "sprache": "de-easy",
        "lizenz": "CC BY 4.0",
        "barrierefrei": "ja",
        "files": ["pdf"],
    },
    {
        "id": "MSM-030",
        "titel": "Evaluation der Lotsenprojekte: Zwischenbericht",
        "materialart": "Studie/Evaluation",
        "themen": "Evaluation und Wirkung",
        "traeger": "LNF",
        "jahr": "2018",
        "zielgruppe": "Programmträger",
        "zusammenfassung": "Erste Ergebnisse der Evaluation: wie viele Begleitungen es gab, "
        "was gelungen ist und wo es hakt.",
        "text": "Im Berichtszeitraum gab es 312 Begleitungen. Die häufigsten Anliegen waren "
        "Behördengänge, Wohnungssuche und Schulanmeldungen.",
        "zugang": "Mitglieder",
        "files": ["pdf"],
    },
]
