"""The working groups (»Arbeitsgruppen«)."""

from django.urls import path

from community.groups import views

urlpatterns = [
    path("arbeitsgruppen/", views.group_list, name="groups"),
    path("arbeitsgruppen/neu/", views.create_group, name="group_new"),
    path("arbeitsgruppen/<slug:slug>/", views.group_detail, name="group"),
    path("arbeitsgruppen/<slug:slug>/beitreten/", views.join, name="group_join"),
    path(
        "arbeitsgruppen/<slug:slug>/diskussionen/neu/", views.start_thread, name="group_thread_new"
    ),
    path(
        "arbeitsgruppen/<slug:slug>/diskussionen/<int:pk>/",
        views.thread_detail,
        name="group_thread",
    ),
    path(
        "arbeitsgruppen/<slug:slug>/diskussionen/<int:pk>/loeschen/",
        views.delete_thread,
        name="group_thread_delete",
    ),
    path(
        "arbeitsgruppen/<slug:slug>/einladung-annehmen/",
        views.accept_invitation,
        name="group_accept_invitation",
    ),
    path("arbeitsgruppen/<slug:slug>/austreten/", views.leave, name="group_leave"),
    path("arbeitsgruppen/<slug:slug>/treffen/neu/", views.add_meeting, name="group_meeting_new"),
    path(
        "arbeitsgruppen/<slug:slug>/materialien/neu/",
        views.link_material,
        name="group_material_new",
    ),
    path(
        "arbeitsgruppen/<slug:slug>/materialien/<int:pk>/entfernen/",
        views.unlink_material,
        name="group_material_remove",
    ),
    path(
        "arbeitsgruppen/<slug:slug>/treffen/<int:pk>.ics",
        views.meeting_ics,
        name="group_meeting_ics",
    ),
    path(
        "arbeitsgruppen/<slug:slug>/treffen/<int:pk>/absagen/",
        views.delete_meeting,
        name="group_meeting_delete",
    ),
    path("arbeitsgruppen/<slug:slug>/archivieren/", views.archive, name="group_archive"),
    path("arbeitsgruppen/<slug:slug>/anfragen/<int:pk>/", views.decide, name="group_decide"),
    path(
        "arbeitsgruppen/<slug:slug>/mitglieder/<int:pk>/entfernen/",
        views.remove_member,
        name="group_remove",
    ),
    path("mitglieder/<int:pk>/einladen/", views.invite, name="group_invite"),
]
