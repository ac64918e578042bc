"""The member area below »Netzwerk« (the landing page itself is a Wagtail page)."""

from django.urls import path

from community.views import dashboard, directory, organisations, privacy, profiles

app_name = "community"

urlpatterns = [
    path("mein-bereich/", dashboard.dashboard, name="dashboard"),
    path("profil/", profiles.edit_profile, name="profile_edit"),
    path("mitglieder/", directory.directory, name="directory"),
    path("mitglieder/<int:pk>/", profiles.profile_detail, name="profile"),
    path("mitglieder/<int:pk>/foto/", profiles.photo, name="photo"),
    path("traeger/", organisations.organisation_list, name="organisations"),
    path("traeger/<slug:slug>/", organisations.organisation_detail, name="organisation"),
    path("meine-daten/", privacy.my_data, name="my_data"),
    path("meine-daten/export.json", privacy.export, name="export"),
    path("konto-loeschen/", privacy.delete_account, name="delete_account"),
]
