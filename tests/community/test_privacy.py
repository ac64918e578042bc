"""A member's privacy rights: the download of all their personal data as JSON, and the
deletion of their account after confirming with the password. Both are logged without
naming the person."""

import base64
import io
import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.timezone import now
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from PIL import Image

from community.members.forms import ProfileForm
from community.models import (
    MemberProfile,
    PrivacyRequest,
    SpokenLanguage,
)
from events import waiting_list
from events.models import CalendarFeed, Registration, RegistrationState, StarredSession
from tests.community.conftest import PASSWORD
from tests.factories import (
    AgendaSessionFactory,
    CalendarFeedFactory,
    CommentFactory,
    CommentFlagFactory,
    CongressPageFactory,
    EventIndexPageFactory,
    FollowFactory,
    LibraryIndexPageFactory,
    MaterialCollectionFactory,
    MaterialPageFactory,
    NotificationFactory,
    NotificationSettingFactory,
    QuestionFactory,
    StarredSessionFactory,
    TopicFactory,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db

MY_DATA = reverse("community:my_data")
EXPORT = reverse("community:export")
DELETE = reverse("community:delete_account")


@pytest.fixture
def congress(home_page):
    """A congress to come with one place."""
    return CongressPageFactory(
        parent=EventIndexPageFactory(parent=home_page), title="Fachkongress 2031", capacity=1
    )


@pytest.fixture
def workshop(congress):
    return AgendaSessionFactory(congress=congress, title="Tandems gut begleiten", capacity=20)


@pytest.fixture
def photo(member):
    """The member's profile photo, a file in the media folder."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(buffer, format="PNG")
    profile = member.member_profile
    profile.photo = SimpleUploadedFile("mira.png", buffer.getvalue(), content_type="image/png")
    profile.save()
    return profile.photo


@pytest.fixture
def member_data(member, congress, workshop):
    """Everything the platform can hold about the member: profile with topics and
    languages, a registration with a workshop and needs, a starred session, a calendar
    feed."""
    profile = member.member_profile
    profile.role = "Koordinatorin Patenschaftsprogramm"
    profile.bio = "Ich koordiniere seit 2016 Patenschaften in Berlin."
    profile.save()
    profile.topics.set([TopicFactory(name="Wohnen")])
    profile.languages.set(SpokenLanguage.objects.filter(code__in=["de", "ar"]))
    waiting_list.register(
        congress,
        {
            "name": "Mira Mitglied",
            "email": member.email,
            "dietary_needs": "vegetarisch",
        },
        workshops=[workshop],
        user=member,
    )
    StarredSessionFactory(user=member, session=workshop)
    return CalendarFeedFactory(user=member)


def export_of(client, user):
    client.force_login(user)
    response = client.get(EXPORT)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("address", [MY_DATA, EXPORT, DELETE])
def test_visitor_is_sent_to_login(client, address):
    response = client.get(address)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_my_data_page_offers_the_download_and_the_deletion(client, member):
    client.force_login(member)

    page = soup(client.get(MY_DATA))

    links = {link["href"] for link in page.select("main a")}
    assert {EXPORT, DELETE} <= links


def test_export_is_a_json_file_of_all_the_members_data(client, member, member_data):
    response = export_of(client, member)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="meine-daten.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "mira.member@example.org"
    assert data["account"]["first_name"] == "Mira"
    assert data["email_addresses"] == [
        {"email": "mira.member@example.org", "verified": True, "primary": True}
    ]
    profile = data["profile"]
    assert profile["display_name"] == "Mira Mitglied"
    assert profile["organisation"] == "Caritas Berlin"
    assert profile["role"] == "Koordinatorin Patenschaftsprogramm"
    assert profile["topics"] == ["Wohnen"]
    assert sorted(profile["languages"]) == ["Arabisch", "Deutsch"]
    assert profile["photo"] is None
    assert data["consent"]["version"] == "2026-11"
    assert data["consent"]["accepted_at"]
    (registration,) = data["event_registrations"]
    assert registration["congress"] == "Fachkongress 2031"
    assert registration["state"] == "confirmed"
    assert registration["workshops"] == ["Tandems gut begleiten"]
    assert registration["dietary_needs"] == "vegetarisch"
    assert data["starred_sessions"][0]["session"] == "Tandems gut begleiten"
    assert data["calendar_feed"] == {"exists": True, "token": member_data.token}
    assert data["contributions"] == []
    assert PrivacyRequest.objects.filter(kind="export").count() == 1


def test_export_includes_registrations_made_with_the_accounts_address_logged_out(
    client, member, congress
):
    waiting_list.register(congress, {"name": "M. Mitglied", "email": "Mira.Member@example.org"})

    data = json.loads(export_of(client, member).content)

    assert [item["name"] for item in data["event_registrations"]] == ["M. Mitglied"]


def test_export_keeps_umlauts_readable(client, member):
    profile = member.member_profile
    profile.city = "Görlitz"
    profile.save()

    content = export_of(client, member).content.decode()

    assert '"city": "Görlitz"' in content


def test_export_holds_nothing_of_other_members(client, member, other_member, congress):
    waiting_list.register(
        congress, {"name": "Otto Anders", "email": other_member.email}, user=other_member
    )
    CalendarFeedFactory(user=other_member)

    content = export_of(client, member).content.decode()

    assert "Otto" not in content
    assert "otto.other@example.org" not in content
    assert json.loads(content)["event_registrations"] == []


def test_export_is_always_the_requesters_own(client, member, other_member):
    client.force_login(other_member)

    content = client.get(EXPORT, {"user": member.pk, "pk": member.pk}).content.decode()

    assert "otto.other@example.org" in content
    assert "mira.member@example.org" not in content


def test_a_wrong_password_deletes_nothing(client, member, member_data, photo):
    client.force_login(member)

    response = client.post(DELETE, {"password": "falsch"})

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("[role=alert]")
    assert page.select_one("#id_password[aria-invalid=true]")
    assert MemberProfile.objects.filter(user=member).exists()
    assert photo.storage.exists(photo.name)
    assert Registration.objects.get(user=member).state == RegistrationState.CONFIRMED
    assert not PrivacyRequest.objects.exists()
    assert client.get(reverse("community:dashboard")).status_code == 200


def test_deleting_the_account_removes_the_member_and_frees_the_place(
    client, member, member_data, photo, congress, django_capture_on_commit_callbacks
):
    waiting = waiting_list.register(congress, {"name": "Cem Wartend", "email": "cem@example.org"})
    assert waiting.state == RegistrationState.WAITING
    client.force_login(member)
    old_session = client.cookies["sessionid"].value
    photo_name, storage = photo.name, photo.storage

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not type(member).objects.filter(pk=member.pk).exists()
    assert not MemberProfile.objects.filter(display_name="Mira Mitglied").exists()
    assert not StarredSession.objects.exists()
    assert not CalendarFeed.objects.exists()
    assert not storage.exists(photo_name)
    # Her place went to the person waiting, who was told by e-mail.
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.OFFERED
    assert any("cem@example.org" in message.to for message in mail.outbox)
    # The cancelled registration stays for the numbers, without anything personal.
    (cancelled,) = Registration.objects.filter(state=RegistrationState.CANCELLED)
    assert (cancelled.user, cancelled.name, cancelled.email, cancelled.dietary_needs) == (
        None,
        "",
        "",
        "",
    )
    assert not cancelled.workshops.exists()
    # The log says that an account was deleted, not whose.
    (logged,) = PrivacyRequest.objects.values()
    assert set(logged) == {"id", "kind", "created_at"}
    assert logged["kind"] == "deletion"
    # Whoever still holds the old session cookie is logged out.
    stale = Client()
    stale.cookies["sessionid"] = old_session
    dashboard = reverse("community:dashboard")
    assert stale.get(dashboard)["Location"].startswith(reverse("account_login"))


def test_the_start_page_confirms_the_deletion(client, home_page, member):
    client.force_login(member)

    response = client.post(DELETE, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert soup(response).select_one(".messages .message--success")


def test_staff_cannot_delete_their_account_here(client, moderator):
    client.force_login(moderator)

    assert client.get(DELETE).status_code == 403
    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 403
    assert type(moderator).objects.filter(pk=moderator.pk).exists()
    assert DELETE not in {link["href"] for link in soup(client.get(MY_DATA)).select("main a")}


def test_export_holds_the_members_exchange(client, home_page, member, other_member):
    """Questions, collections with notes, followed discussions and notifications are the
    member's data too."""
    library = LibraryIndexPageFactory(parent=home_page)
    material = MaterialPageFactory(parent=library, title="Leitfaden Patenschaften")
    question = QuestionFactory(author=member, title="Wie finden wir Patinnen?", text="…")
    MaterialCollectionFactory(
        owner=member, name="Merkliste", materials=[material], notes=["Für das Teamtreffen"]
    )
    FollowFactory(user=member, target=question)
    NotificationSettingFactory(user=member, kind="news", frequency="never")
    NotificationFactory(
        recipient=member, kind="news", title="Meldung: Fachkongress", url="/", created_at=now()
    )
    MaterialCollectionFactory(owner=other_member, name="Nicht meine")

    data = json.loads(export_of(client, member).content)

    assert data["contributions"][-1]["title"] == "Wie finden wir Patinnen?"
    assert data["collections"] == [
        {
            "name": "Merkliste",
            "description": "",
            "shared": False,
            "items": [{"material": "Leitfaden Patenschaften", "note": "Für das Teamtreffen"}],
        }
    ]
    assert data["followed_discussions"][0]["id"] == question.pk
    assert data["notification_settings"] == {"news": "never"}
    assert [n["title"] for n in data["notifications"]] == ["Meldung: Fachkongress"]


# --- Reports, the photo, and the photo files ------------------------------------------------


def test_export_holds_the_reports_the_member_filed(client, home_page, member, other_member):
    material = MaterialPageFactory(
        parent=LibraryIndexPageFactory(parent=home_page), title="Leitfaden Patenschaften"
    )
    advert = CommentFactory(
        target=material, user=other_member, comment="Kaufen Sie unsere Software!"
    )
    insult = CommentFactory(target=material, user=other_member, comment="Ein beleidigender Satz.")
    client.force_login(member)
    for comment in (advert, insult):
        flag_url = reverse("community:comment_flag", args=[comment.pk])
        assert client.post(flag_url, {"next": material.url}).status_code == 302
    # The moderators hid the second one; someone else's report is not hers.
    XtdComment.objects.filter(pk=insult.pk).update(is_public=False)
    CommentFlagFactory(
        comment=CommentFactory(target=material, user=member, comment="Mein Kommentar."),
        user=other_member,
        flag=CommentFlag.SUGGEST_REMOVAL,
    )

    reports = json.loads(export_of(client, member).content)["comment_reports"]

    assert [report["comment"]["id"] for report in reports] == [advert.pk, insult.pk]
    first, second = reports
    assert first["flag"] == CommentFlag.SUGGEST_REMOVAL
    assert first["reported_at"]
    assert first["comment"]["posted_at"]
    assert first["comment"]["discussion"] == "Leitfaden Patenschaften"
    assert first["comment"]["address"] == f"{material.url}#comment-{advert.pk}"
    assert first["comment"]["text"] == "Kaufen Sie unsere Software!"
    # Where and when stay; the text of a comment the moderators hid is not handed out.
    assert second["comment"]["discussion"] == "Leitfaden Patenschaften"
    assert second["comment"]["text"] is None
    assert "beleidigend" not in export_of(client, member).content.decode()


def test_export_holds_the_profile_photo_itself(client, member, photo):
    with photo.open("rb"):
        stored = photo.read()

    exported = json.loads(export_of(client, member).content)["profile"]["photo"]

    assert exported["file_name"] == Path(photo.name).name
    assert exported["content_type"] == "image/png"
    assert base64.b64decode(exported["base64"]) == stored


def test_deleting_the_account_leaves_no_photo_file_of_the_member(
    client, member, settings, tmp_path, django_capture_on_commit_callbacks
):
    """Also not the photos of earlier uploads: here two tabs sent a new photo at the same
    time, after a first one."""
    settings.MEDIA_ROOT = tmp_path
    members_folder = tmp_path / "members"

    def files():
        return {path.name for path in members_folder.rglob("*") if path.is_file()}

    def new_photo(profile, color):
        buffer = io.BytesIO()
        Image.new("RGB", (60, 40), color).save(buffer, "JPEG")
        upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
        form = ProfileForm(
            {"display_name": "Mira Mitglied", "contact_visibility": "members"},
            {"photo_upload": upload},
            instance=profile,
        )
        assert form.is_valid(), form.errors
        form.save()

    before = files()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        new_photo(MemberProfile.objects.get(user=member), "teal")
        first_tab = MemberProfile.objects.get(user=member)
        second_tab = MemberProfile.objects.get(user=member)
        new_photo(first_tab, "red")
        new_photo(second_tab, "blue")
    assert files() - before

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert files() == before


def test_export_holds_the_working_groups_and_deleting_leaves_them(client, member, other_member):
    from community.groups.models import GroupMembership, WorkingGroup

    group = WorkingGroup.objects.create(name="AG Wohnraum", purpose="Wohnraum finden.")
    GroupMembership.objects.create(
        group=group, user=member, state="requested", message="Ich möchte mitarbeiten."
    )
    GroupMembership.objects.create(group=group, user=other_member)

    data = json.loads(export_of(client, member).content)

    assert [(g["group"], g["state"], g["message"]) for g in data["working_groups"]] == [
        ("AG Wohnraum", "requested", "Ich möchte mitarbeiten.")
    ]
    client.post(DELETE, {"password": PASSWORD})
    assert list(group.memberships.values_list("user", flat=True)) == [other_member.pk]
