"""The admin for event managers (group Veranstaltungsmanagement): pages below
»Veranstaltungen«, speakers, and the registrations with filters, CSV export and a printable
attendance list; nobody else without the right to view registrations gets to them."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import CongressPage, EventPage, Registration, RegistrationState, Speaker
from tests.factories import (
    AgendaSessionFactory,
    CongressPageFactory,
    ContentPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    RegistrationFactory,
    SpeakerFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

MANAGERS = "Veranstaltungsmanagement"
INDEX_URL = "/admin/events/registrations/"


@pytest.fixture
def congress(events_index):
    return CongressPageFactory(
        parent=events_index,
        title="Fachkongress 2030",
        slug="fachkongress-2030",
        start_date=datetime.date(2030, 6, 12),
        end_date=datetime.date(2030, 6, 13),
        venue_name="Tagesspiegel Verlagshaus",
        venue_address="Askanischer Platz 3, 10963 Berlin",
    )


@pytest.fixture
def other_congress(events_index):
    return CongressPageFactory(parent=events_index, title="Fachkongress 2031")


@pytest.fixture
def manager():
    return UserFactory(groups=[MANAGERS])


@pytest.fixture
def manager_client(client, home_page, manager):
    client.force_login(manager)
    return client


def registered(congress, minutes_ago, **fields):
    """A registration made `minutes_ago` minutes ago (created_at is set on insert)."""
    registration = RegistrationFactory(congress=congress, **fields)
    created_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Registration.objects.filter(pk=registration.pk).update(created_at=created_at)
    registration.refresh_from_db()
    return registration


def names_in_list(response):
    return [text_of(cell.find("a") or cell) for cell in soup(response).select("tbody td.title")]


def exported_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


# --- Pages below »Veranstaltungen« --------------------------------------------------------


def test_event_manager_can_add_congresses_and_events_below_the_event_index(events_index, manager):
    assert events_index.permissions_for_user(manager).can_add_subpage()
    assert CongressPage.can_create_at(events_index)
    assert EventPage.can_create_at(events_index)


def test_event_manager_can_edit_and_publish_congresses_and_events(events_index, congress, manager):
    event = EventPageFactory(parent=events_index)

    for page in (events_index, congress, event):
        permissions = page.permissions_for_user(manager)
        assert permissions.can_edit(), page.title
        assert permissions.can_publish(), page.title


def test_event_manager_cannot_edit_or_publish_pages_outside_the_event_index(
    home_page, events_index, manager
):
    content_page = ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")
    news_index = NewsIndexPageFactory(parent=home_page)
    news_page = NewsPageFactory(parent=news_index)

    for page in (home_page, content_page, news_index, news_page):
        permissions = page.permissions_for_user(manager)
        assert not permissions.can_edit(), page.title
        assert not permissions.can_publish(), page.title
        assert not permissions.can_add_subpage(), page.title


def test_event_manager_is_turned_away_from_the_editor_of_a_content_page(manager_client, home_page):
    content_page = ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")

    response = manager_client.get(f"/admin/pages/{content_page.pk}/edit/")

    assert response.status_code in (302, 403)


def congress_form(congress, **fields):
    data = {
        "title": congress.title,
        "slug": congress.slug,
        "start_date": congress.start_date.isoformat(),
        "end_date": congress.end_date.isoformat(),
        "venue_name": congress.venue_name,
        "venue_address": congress.venue_address,
        "audience": "",
        "intro": "Zwei Tage Austausch über Patenschaften.",
        "body": streamfield([]),
        "sessions": inline_formset([]),
        "registration_enabled": "on",
        "registration_deadline": "",
        "capacity": str(congress.capacity),
        "offer_hours": "72",
        "confirmation_hours": "24",
        "privacy_page": "",
        "review": streamfield([]),
        "gallery_images": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def test_event_manager_publishes_a_congress_in_the_page_editor(manager_client, congress):
    response = manager_client.post(
        f"/admin/pages/{congress.pk}/edit/",
        congress_form(congress, title="Fachkongress 2030: Engagement verbindet"),
    )

    assert response.status_code == 302
    congress.refresh_from_db()
    assert congress.live
    assert congress.title == "Fachkongress 2030: Engagement verbindet"
    assert not congress.has_unpublished_changes


def test_event_manager_adds_an_event_in_the_page_editor(manager_client, events_index):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk])
    data = nested_form_data(
        {
            "title": "Netzwerktreffen Nord",
            "slug": "netzwerktreffen-nord",
            "start": "2030-03-04 10:00",
            "end": "2030-03-04 16:00",
            "place": "Hamburg",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "social_image": "",
            "action-publish": "action-publish",
        }
    )

    response = manager_client.post(url, data)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="netzwerktreffen-nord")
    assert event.live
    assert event.get_parent().pk == events_index.pk


# --- Speakers ----------------------------------------------------------------------------


def test_event_manager_creates_a_speaker(manager_client):
    response = manager_client.post(
        reverse("wagtailsnippets_events_speaker:add"),
        {
            "name": "Dr. Jörg Müßig",
            "title": "Referent für Engagementpolitik",
            "organisation": "",
            "organisation_name": "Bundesnetzwerk Bürgerschaftliches Engagement",
            "photo": "",
            "bio": "",
        },
    )

    assert response.status_code == 302
    speaker = Speaker.objects.get()
    assert speaker.name == "Dr. Jörg Müßig"
    assert speaker.slug


def test_speaker_list_shows_the_affiliation_and_finds_by_name(manager_client):
    carrier = OrganisationFactory(name="Arbeiterwohlfahrt Bundesverband e. V.")
    SpeakerFactory(name="Jörg Müßig", organisation=carrier)
    SpeakerFactory(name="Anna Schmidt", organisation_name="Stiftung Bürgermut")

    listing = manager_client.get(reverse("wagtailsnippets_events_speaker:list"))
    found = manager_client.get(reverse("wagtailsnippets_events_speaker:list"), {"q": "Müß"})

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Arbeiterwohlfahrt Bundesverband e. V." in html
    assert "Stiftung Bürgermut" in html
    assert "Jörg Müßig" in found.content.decode()
    assert "Anna Schmidt" not in found.content.decode()


# --- The registrations list ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("groups", "shown"),
    [([MANAGERS], True), (["Redaktion"], True), (["Moderation"], False)],
    ids=["Veranstaltungsmanagement", "Redaktion", "Moderation"],
)
def test_registrations_menu_is_shown_to_who_may_view_registrations(
    client, home_page, groups, shown
):
    client.force_login(UserFactory(groups=groups))

    html = client.get("/admin/").content.decode()

    assert (INDEX_URL in html) is shown


def test_registration_list_shows_the_newest_first(manager_client, congress):
    registered(congress, 60, name="Erste Anmeldung")
    registered(congress, 1, name="Neueste Anmeldung")
    registered(congress, 30, name="Mittlere Anmeldung")

    response = manager_client.get(INDEX_URL)

    assert response.status_code == 200
    assert names_in_list(response) == ["Neueste Anmeldung", "Mittlere Anmeldung", "Erste Anmeldung"]


def test_registration_list_shows_organisation_email_congress_and_state(manager_client, congress):
    RegistrationFactory(
        congress=congress,
        name="Jörg Müßig",
        organisation="Arbeiterwohlfahrt Bundesverband e. V.",
        email="joerg.muessig@example.org",
        state=RegistrationState.WAITING,
    )

    html = manager_client.get(INDEX_URL).content.decode()

    for text in (
        "Jörg Müßig",
        "Arbeiterwohlfahrt Bundesverband e. V.",
        "joerg.muessig@example.org",
        "Fachkongress 2030",
        "Warteliste",
    ):
        assert text in html


def test_registration_list_is_filtered_by_congress_and_state(
    manager_client, congress, other_congress
):
    RegistrationFactory(congress=congress, name="Angemeldet 2030")
    RegistrationFactory(congress=congress, name="Wartet 2030", state=RegistrationState.WAITING)
    RegistrationFactory(congress=other_congress, name="Angemeldet 2031")

    by_congress = manager_client.get(INDEX_URL, {"congress": congress.pk})
    by_both = manager_client.get(INDEX_URL, {"congress": congress.pk, "state": "waiting"})

    assert sorted(names_in_list(by_congress)) == ["Angemeldet 2030", "Wartet 2030"]
    assert names_in_list(by_both) == ["Wartet 2030"]


def test_registration_search_finds_by_email(manager_client, congress):
    RegistrationFactory(congress=congress, name="Jörg Müßig", email="j.muessig@awo.example")
    RegistrationFactory(congress=congress, name="Anna Schmidt", email="anna@example.org")

    response = manager_client.get(INDEX_URL, {"q": "muessig@awo"})

    assert names_in_list(response) == ["Jörg Müßig"]


def test_registration_search_finds_by_organisation(manager_client, congress):
    RegistrationFactory(congress=congress, name="Jörg Müßig", organisation="Caritas")
    RegistrationFactory(congress=congress, name="Anna Schmidt", organisation="Diakonie")

    response = manager_client.get(INDEX_URL, {"q": "carit"})

    assert names_in_list(response) == ["Jörg Müßig"]


def test_registrations_cannot_be_added_or_deleted_in_the_admin(manager_client, congress):
    registration = RegistrationFactory(congress=congress)

    html = manager_client.get(INDEX_URL).content.decode()

    assert f"{INDEX_URL}new/" not in html
    with pytest.raises(NoReverseMatch):
        reverse("events_registrations:add")
    with pytest.raises(NoReverseMatch):
        reverse("events_registrations:delete", args=[registration.pk])


def test_event_manager_corrects_a_registration_but_not_its_state(manager_client, congress):
    registration = RegistrationFactory(congress=congress, name="Jorg Mussig")
    token = registration.token

    response = manager_client.post(
        reverse("events_registrations:edit", args=[registration.pk]),
        {
            "name": "Jörg Müßig",
            "organisation": "Arbeiterwohlfahrt Bundesverband e. V.",
            "email": "Joerg.Muessig@example.org",
            "dietary_needs": "vegetarisch",
            "accessibility_needs": "",
            "state": RegistrationState.CANCELLED,
            "token": "von-hand",
        },
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.name == "Jörg Müßig"
    assert registration.email == "joerg.muessig@example.org"
    assert registration.dietary_needs == "vegetarisch"
    assert registration.state == RegistrationState.CONFIRMED
    assert registration.token == token


def test_an_email_address_registered_twice_for_a_congress_is_refused(manager_client, congress):
    RegistrationFactory(congress=congress, email="vergeben@example.org")
    registration = RegistrationFactory(congress=congress, email="frei@example.org")

    response = manager_client.post(
        reverse("events_registrations:edit", args=[registration.pk]),
        {"name": registration.name, "email": "vergeben@example.org"},
    )

    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.email == "frei@example.org"


def test_registration_list_links_to_the_attendance_list_of_the_chosen_congress(
    manager_client, congress
):
    RegistrationFactory(congress=congress)
    attendance_url = reverse("events_registrations:attendance", args=[congress.pk])

    filtered = manager_client.get(INDEX_URL, {"congress": congress.pk}).content.decode()
    unfiltered = manager_client.get(INDEX_URL).content.decode()

    assert attendance_url in filtered
    assert attendance_url in unfiltered  # in the header's menu, one entry per congress


def test_event_manager_sees_a_registration_with_its_workshops(manager_client, congress):
    workshop = AgendaSessionFactory(congress=congress, title="Werkstatt Öffentlichkeitsarbeit")
    registration = RegistrationFactory(congress=congress, name="Jörg Müßig")
    registration.workshops.set([workshop])

    response = manager_client.get(reverse("events_registrations:inspect", args=[registration.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Werkstatt Öffentlichkeitsarbeit" in html
    assert "Angemeldet" in html


def queries_for(client, url):
    """Queries of the second request: the first one may fill caches (the site cache)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [INDEX_URL, f"{INDEX_URL}?export=csv", "attendance"],
    ids=["list", "export", "attendance"],
)
def test_registration_views_need_as_many_queries_for_many_registrations_as_for_few(
    manager_client, congress, url
):
    if url == "attendance":
        url = reverse("events_registrations:attendance", args=[congress.pk])
    workshops = [AgendaSessionFactory(congress=congress) for _ in range(2)]

    def add_registrations(number):
        for _ in range(number):
            RegistrationFactory(congress=congress).workshops.set(workshops)

    add_registrations(3)
    few = queries_for(manager_client, url)
    add_registrations(30)
    many = queries_for(manager_client, url)

    assert many == few


# --- The CSV export ----------------------------------------------------------------------


def test_csv_export_starts_with_a_byte_order_mark_and_keeps_umlauts(manager_client, congress):
    workshop = AgendaSessionFactory(congress=congress, title="Werkstatt Öffentlichkeitsarbeit")
    plenary = AgendaSessionFactory(congress=congress, title="Plenum Übergänge")
    registration = RegistrationFactory(
        congress=congress,
        name="Jörg Müßig",
        organisation="Arbeiterwohlfahrt Bundesverband e. V.",
        email="joerg.muessig@example.org",
        state=RegistrationState.WAITING,
        dietary_needs="vegan, ohne Nüsse",
        accessibility_needs="Rollstuhlplatz",
    )
    registration.workshops.set([workshop, plenary])

    response = manager_client.get(INDEX_URL, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="' in response["Content-Disposition"]
    heading, row = exported_rows(response)
    assert heading == [
        "Name",
        "Organisation",
        "E-Mail-Adresse",
        "Kongress",
        "Status",
        "Workshops",
        "Ernährung",
        "Barrierefreiheit",
        "Angemeldet am",
    ]
    assert row[:5] == [
        "Jörg Müßig",
        "Arbeiterwohlfahrt Bundesverband e. V.",
        "joerg.muessig@example.org",
        "Fachkongress 2030",
        "Warteliste",
    ]
    assert sorted(row[5].split(", ")) == ["Plenum Übergänge", "Werkstatt Öffentlichkeitsarbeit"]
    assert row[6:8] == ["vegan, ohne Nüsse", "Rollstuhlplatz"]
    registered_at = timezone.localtime(registration.created_at).strftime("%d.%m.%Y %H:%M")
    assert row[8] == registered_at


def test_csv_export_has_german_state_labels_for_every_state(manager_client, congress):
    for number, state in enumerate(RegistrationState):
        RegistrationFactory(congress=congress, name=f"Person {number}", state=state)

    _heading, *rows = exported_rows(manager_client.get(INDEX_URL, {"export": "csv"}))

    assert sorted(row[4] for row in rows) == [
        "Angebot abgelaufen",
        "Angemeldet",
        "Platz angeboten",
        "Storniert",
        "Verfallen (nicht bestätigt)",
        "Warteliste",
    ]


def test_csv_export_follows_the_chosen_congress(manager_client, congress, other_congress):
    RegistrationFactory(congress=congress, name="Angemeldet 2030")
    RegistrationFactory(congress=other_congress, name="Angemeldet 2031")

    response = manager_client.get(INDEX_URL, {"congress": congress.pk, "export": "csv"})

    _heading, *rows = exported_rows(response)
    assert [row[0] for row in rows] == ["Angemeldet 2030"]
    assert "fachkongress-2030" in response["Content-Disposition"]


def test_csv_export_writes_formula_like_values_as_text(manager_client, congress):
    RegistrationFactory(congress=congress, name='=HYPERLINK("http://example.com")')

    _heading, row = exported_rows(manager_client.get(INDEX_URL, {"export": "csv"}))

    assert row[0] == '\'=HYPERLINK("http://example.com")'


# --- The attendance list -----------------------------------------------------------------


def test_attendance_list_shows_only_confirmed_registrations_in_alphabetical_order(
    manager_client, congress, other_congress
):
    RegistrationFactory(congress=congress, name="Zoe Zander", organisation="Caritas")
    RegistrationFactory(congress=congress, name="Özlem Yılmaz", organisation="Diakonie")
    RegistrationFactory(congress=congress, name="anna Arndt", organisation="AWO")
    RegistrationFactory(congress=congress, name="Otto Ohm", organisation="DRK")
    RegistrationFactory(congress=congress, name="Wera Wartend", state=RegistrationState.WAITING)
    RegistrationFactory(congress=congress, name="Olaf Offer", state=RegistrationState.OFFERED)
    RegistrationFactory(congress=congress, name="Carla Cancel", state=RegistrationState.CANCELLED)
    RegistrationFactory(congress=other_congress, name="Bernd Anderswo")

    response = manager_client.get(reverse("events_registrations:attendance", args=[congress.pk]))

    assert response.status_code == 200
    rows = soup(response).select(".attendance__table tbody tr")
    cells = [[text_of(cell) for cell in row.find_all("td")] for row in rows]
    assert cells == [
        ["1", "anna Arndt", "AWO", ""],
        ["2", "Otto Ohm", "DRK", ""],
        ["3", "Özlem Yılmaz", "Diakonie", ""],
        ["4", "Zoe Zander", "Caritas", ""],
    ]


def test_attendance_list_has_the_congress_as_heading_and_a_print_stylesheet(
    manager_client, congress
):
    RegistrationFactory(congress=congress)

    response = manager_client.get(reverse("events_registrations:attendance", args=[congress.pk]))

    page = soup(response)
    header = text_of(page.select_one(".attendance__header"))
    assert "Fachkongress 2030" in header
    assert "12. – 13. Juni 2030" in header
    assert page.select_one('.attendance__header time[datetime="2030-06-12"]')
    assert "Tagesspiegel Verlagshaus" in header
    assert page.select_one('link[href="/static/css/admin-attendance.css"]')
    attendance = page.select_one("article.attendance")
    assert not attendance.select("[style], script, style")


def test_attendance_list_of_a_missing_congress_is_not_found(manager_client, home_page):
    response = manager_client.get(reverse("events_registrations:attendance", args=[999999]))

    assert response.status_code == 404


# --- Who gets in -------------------------------------------------------------------------


def admin_urls(congress):
    return {
        "list": INDEX_URL,
        "export": f"{INDEX_URL}?export=csv",
        "attendance": reverse("events_registrations:attendance", args=[congress.pk]),
    }


@pytest.mark.parametrize("view", ["list", "export", "attendance"])
@pytest.mark.parametrize("groups", [None, ["Mitglieder"], ["Moderation"]])
def test_only_who_may_view_registrations_reaches_them(client, congress, groups, view):
    RegistrationFactory(congress=congress, name="Jörg Müßig")
    if groups is not None:
        client.force_login(UserFactory(groups=groups))

    response = client.get(admin_urls(congress)[view])

    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("text/csv")
    if response.status_code == 302 and groups != ["Moderation"]:
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("view", ["list", "export", "attendance"])
def test_redaktion_reaches_the_registrations(client, congress, view):
    RegistrationFactory(congress=congress, name="Jörg Müßig")
    client.force_login(UserFactory(groups=["Redaktion"]))

    response = client.get(admin_urls(congress)[view])

    assert response.status_code == 200


def session_form(**fields):
    return {
        "title": "Workshop: Tandems gut begleiten",
        "format": "workshop",
        "room": "Raum 1",
        "capacity": "",
        "day": "12.06.2030",
        "start_time": "11:45",
        "end_time": "13:15",
        "description": "",
        **fields,
    }


def test_event_manager_adds_a_session_with_german_dates(manager_client, congress):
    response = manager_client.post(
        f"/admin/pages/{congress.pk}/edit/",
        congress_form(congress, start_date="12.06.2030", sessions=inline_formset([session_form()])),
    )

    assert response.status_code == 302
    session = CongressPage.objects.get(pk=congress.pk).sessions.get()
    assert (session.day, session.start_time) == (datetime.date(2030, 6, 12), datetime.time(11, 45))


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"end_time": "11:00"}, "Das Ende muss nach dem Beginn liegen."),
        ({"day": "20.06.2030"}, "Der Tag muss einer der Kongresstage sein."),
    ],
)
def test_session_times_outside_the_congress_are_refused_in_german(
    manager_client, congress, fields, message
):
    response = manager_client.post(
        f"/admin/pages/{congress.pk}/edit/",
        congress_form(congress, sessions=inline_formset([session_form(**fields)])),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CongressPage.objects.get(pk=congress.pk).sessions.exists()


# --- Registrations waiting for the confirmation of their e-mail address -------------------


def test_registration_list_shows_which_registrations_are_not_yet_confirmed(
    manager_client, congress
):
    until = timezone.now() + datetime.timedelta(hours=5)
    RegistrationFactory(
        congress=congress,
        name="Vera Vorläufig",
        email_confirmed_at=None,
        confirmation_expires_at=until,
    )
    RegistrationFactory(
        congress=congress,
        name="Willi Wartend",
        state=RegistrationState.WAITING,
        email_confirmed_at=None,
        confirmation_expires_at=until,
    )
    RegistrationFactory(congress=congress, name="Berta Bestätigt")
    RegistrationFactory(congress=congress, name="Lars Verfallen", state=RegistrationState.LAPSED)

    response = manager_client.get(INDEX_URL)
    unconfirmed = manager_client.get(INDEX_URL, {"email_confirmed": "false"})

    rows = {
        text_of(row.select_one("td.title a")): text_of(row)
        for row in soup(response).select("tbody tr")
    }
    deadline = timezone.localtime(until).strftime("%d.%m.%Y %H:%M")
    assert "Noch nicht bestätigt (Platz vorgemerkt)" in rows["Vera Vorläufig"]
    assert f"bis {deadline}" in rows["Vera Vorläufig"]
    assert "Noch nicht bestätigt (Warteliste)" in rows["Willi Wartend"]
    assert "Angemeldet" in rows["Berta Bestätigt"]
    assert "Verfallen (nicht bestätigt)" in rows["Lars Verfallen"]
    assert sorted(names_in_list(unconfirmed)) == ["Vera Vorläufig", "Willi Wartend"]


def test_attendance_list_leaves_out_registrations_not_yet_confirmed(manager_client, congress):
    RegistrationFactory(congress=congress, name="Berta Bestätigt")
    RegistrationFactory(
        congress=congress,
        name="Vera Vorläufig",
        email_confirmed_at=None,
        confirmation_expires_at=timezone.now() + datetime.timedelta(hours=5),
    )

    response = manager_client.get(reverse("events_registrations:attendance", args=[congress.pk]))

    names = [text_of(row.find_all("td")[1]) for row in soup(response).select("tbody tr")]
    assert names == ["Berta Bestätigt"]
