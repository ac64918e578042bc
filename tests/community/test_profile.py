"""Member profiles: who sees whose profile, what a profile shows (contact details only as
chosen, profile text as plain text), and editing one's own profile."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from community.members.views.profiles import profile_for
from community.models import ContactVisibility, MemberProfile, MemberStatus, SpokenLanguage
from tests.factories import MemberProfileFactory, OrganisationFactory, TopicFactory, UserFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

EDIT = reverse("community:profile_edit")


def profile_url(user):
    return reverse("community:profile", args=[user.member_profile.pk])


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response)


@pytest.fixture
def described(other_member):
    """Otto's profile, filled in: topics, languages, texts and contact details."""
    profile = other_member.member_profile
    profile.role = "Koordinator Patenschaften"
    profile.bio = "Ich begleite Patenschaften in Hamburg."
    profile.offers = "Vorlagen für Patenschaftsvereinbarungen"
    profile.seeks = "Austausch zu Vormundschaften"
    profile.contact_email = "otto@traeger.example"
    profile.contact_phone = "040 123456"
    profile.save()
    profile.topics.set([TopicFactory(name="Recht und Aufenthalt")])
    profile.languages.set(SpokenLanguage.objects.filter(code__in=["de", "ar"]))
    return profile


# --- Who sees which profile ---------------------------------------------------------------


def test_member_sees_another_members_profile_with_everything_they_filled_in(
    client, member, described
):
    client.force_login(member)

    page = page_of(client, profile_url(described.user))

    assert text_of(page.h1) == "Otto Anders"
    main = text_of(page.main)
    for shown in [
        "Koordinator Patenschaften",
        "Hamburg",
        "Ich begleite Patenschaften in Hamburg.",
        "Vorlagen für Patenschaftsvereinbarungen",
        "Austausch zu Vormundschaften",
        "Recht und Aufenthalt",
        "Deutsch, Arabisch",
        "otto@traeger.example",
        "040 123456",
    ]:
        assert shown in main
    assert page.select_one('a[href="mailto:otto@traeger.example"]') is not None
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_contact_details_stay_hidden_when_the_member_chose_nobody(client, member, described):
    described.contact_visibility = ContactVisibility.NOBODY
    described.save()
    client.force_login(member)

    main = text_of(page_of(client, profile_url(described.user)).main)

    assert "otto@traeger.example" not in main
    assert "040 123456" not in main
    assert "Ich begleite Patenschaften in Hamburg." in main


def test_owner_with_hidden_contact_details_is_told_others_do_not_see_them(client, described):
    described.contact_visibility = ContactVisibility.NOBODY
    described.save()
    client.force_login(described.user)

    page = page_of(client, profile_url(described.user))

    assert page.select_one(".profile__contact") is None
    assert page.select_one(".profile__hint") is not None


def test_visitor_is_sent_to_the_login_for_a_profile(client, member):
    response = client.get(profile_url(member))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_account_waiting_for_approval_sees_its_own_profile_but_no_other(client, pending, member):
    client.force_login(pending)

    own = page_of(client, profile_url(pending))
    other = client.get(profile_url(member))

    assert text_of(own.h1) == "Paula Wartend"
    assert "Neuer Verein e. V." in text_of(own.main)
    assert own.select_one(".profile__own") is not None
    assert other.status_code == 403
    assert "Mira Mitglied" not in other.content.decode()


@pytest.mark.parametrize(
    "status", [MemberStatus.PENDING, MemberStatus.REJECTED, MemberStatus.SUSPENDED]
)
def test_members_do_not_find_profiles_that_are_not_approved(client, member, status):
    profile = MemberProfileFactory(status=status)
    client.force_login(member)

    assert client.get(reverse("community:profile", args=[profile.pk])).status_code == 404


def test_profile_of_a_deactivated_account_is_not_found(client, member, other_member):
    other_member.is_active = False
    other_member.save()
    client.force_login(member)

    assert client.get(profile_url(other_member)).status_code == 404


# --- Profile text is plain text -----------------------------------------------------------


def test_profile_text_is_shown_as_text_with_its_line_breaks(client, member, described):
    described.bio = "<script>alert('hallo')</script>\n<b>Zweite</b> Zeile"
    described.save()
    client.force_login(member)

    page = page_of(client, profile_url(described.user))

    about = page.select_one("#profile-about").find_parent("section")
    assert about.find("script") is None
    assert about.find("b") is None
    assert "<script>alert('hallo')</script>" in about.get_text()
    assert about.find("br") is not None


def test_web_addresses_in_profile_text_are_links_marked_as_user_content(client, member, described):
    described.offers = "Unsere Vorlagen: https://traeger.example/vorlagen und mehr"
    described.save()
    client.force_login(member)

    page = page_of(client, profile_url(described.user))

    link = page.select_one('.profile__text a[href="https://traeger.example/vorlagen"]')
    assert link is not None
    assert link["rel"] == ["nofollow", "ugc"]


# --- Editing one's own profile ------------------------------------------------------------


def form_data(**changes):
    return {
        "display_name": "Mira Mitglied",
        "role": "Projektleitung",
        "state": "BE",
        "city": "Berlin",
        "bio": "Ich koordiniere Lotsenprojekte.",
        "offers": "",
        "seeks": "",
        "contact_email": "mira@caritas.example",
        "contact_phone": "",
        "contact_visibility": "members",
        **changes,
    }


def test_member_saves_their_profile_and_sees_it_with_a_confirmation(client, member):
    topic = TopicFactory(name="Bildung")
    arabic = SpokenLanguage.objects.get(code="ar")
    client.force_login(member)

    response = client.post(EDIT, form_data(topics=[topic.pk], languages=[arabic.pk]), follow=True)

    assert response.redirect_chain == [(profile_url(member), 302)]
    page = soup(response)
    assert page.select_one(".message--success") is not None
    assert "Projektleitung" in text_of(page.main)
    profile = MemberProfile.objects.get(user=member)
    assert (profile.role, profile.state, profile.city) == ("Projektleitung", "BE", "Berlin")
    assert list(profile.topics.all()) == [topic]
    assert list(profile.languages.all()) == [arabic]


def test_the_form_offers_topics_and_languages_as_checkbox_groups(client, member):
    TopicFactory(name="Bildung")
    client.force_login(member)

    page = page_of(client, EDIT)

    legends = [text_of(fieldset.legend) for fieldset in page.select(".form__field fieldset")]
    assert len(legends) == 3  # topics, languages, contact visibility
    assert page.select('input[type="checkbox"][name="topics"]')
    assert len(page.select('input[type="checkbox"][name="languages"]')) == 14
    assert len(page.select('input[type="radio"][name="contact_visibility"]')) == 2
    assert len(page.select('select[name="state"] option')) == 17


def test_bad_input_keeps_what_was_entered_and_marks_the_fields(client, member):
    client.force_login(member)

    response = client.post(
        EDIT, form_data(display_name="", contact_email="keine-adresse", bio="Mein Text")
    )

    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one('[role="alert"]')
    assert len(summary.select("li a")) == 2
    assert summary.select_one('a[href="#id_display_name"]') is not None
    for name in ("display_name", "contact_email"):
        field = page.select_one(f'[name="{name}"]')
        assert field["aria-invalid"] == "true"
        assert field.find_parent(class_="form__field").select_one(".errorlist") is not None
    assert page.select_one('textarea[name="bio"]').get_text().strip() == "Mein Text"
    assert MemberProfile.objects.get(user=member).display_name == "Mira Mitglied"


def test_members_cannot_move_themselves_to_another_organisation(client, member, organisation):
    other = OrganisationFactory(name="Anderer Träger e. V.")
    client.force_login(member)

    client.post(EDIT, form_data(organisation=other.pk))

    assert MemberProfile.objects.get(user=member).organisation == organisation


def test_account_waiting_for_approval_can_fill_in_its_profile(client, pending):
    client.force_login(pending)
    page = page_of(client, EDIT)
    assert "Neuer Verein e. V." in text_of(page.main)

    response = client.post(EDIT, form_data(display_name="Paula Wartend", role="Patin"))

    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=pending)
    assert profile.role == "Patin"
    assert profile.status == MemberStatus.PENDING


def test_the_form_changes_only_the_own_profile(client, member, other_member):
    client.force_login(other_member)

    client.post(EDIT, form_data(display_name="Übernommen", user=member.pk))

    assert MemberProfile.objects.get(user=member).display_name == "Mira Mitglied"
    assert MemberProfile.objects.get(user=other_member).display_name == "Übernommen"


def test_visitor_is_sent_to_the_login_for_the_form(client):
    response = client.get(EDIT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Accounts without a profile -----------------------------------------------------------


def test_editor_without_profile_gets_none_by_opening_the_profile_form(client, editor):
    client.force_login(editor)

    response = client.get(EDIT)

    assert response.status_code == 200
    assert not MemberProfile.objects.filter(user=editor).exists()
    assert page_of(client, EDIT).select_one('a[href="/admin/account/"]') is not None


def test_staff_member_without_profile_gets_none(moderator):
    assert profile_for(moderator) is None
    assert not MemberProfile.objects.filter(user=moderator).exists()


def test_member_added_in_the_admin_without_profile_gets_an_approved_one(db):
    user = UserFactory(first_name="Mara", last_name="Neu", groups=["Mitglieder"])

    profile = profile_for(user)

    assert (profile.display_name, profile.status) == ("Mara Neu", MemberStatus.APPROVED)
    assert profile_for(user) == profile


def test_account_without_a_name_is_named_by_its_username(db):
    user = UserFactory(username="kontakt", first_name="", last_name="")
    user.groups.add(Group.objects.get(name="Mitglieder"))

    assert profile_for(user).display_name == "kontakt"
