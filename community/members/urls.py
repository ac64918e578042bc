from django.urls import path

from community.members.views import dashboard, directory, organisations, profiles

urlpatterns = [
    path("mein-bereich/", dashboard.dashboard, name="dashboard"),
    path("profil/", profiles.edit_profile, name="profile_edit"),
    path("mitglieder/", directory.directory, name="directory"),
    path("mitglieder/<int:pk>/", profiles.profile_detail, name="profile"),
    path("mitglieder/<int:pk>/foto/", profiles.photo, name="photo"),
    path("traeger/", organisations.organisation_list, name="organisations"),
    path("traeger/<slug:slug>/", organisations.organisation_detail, name="organisation"),
]
