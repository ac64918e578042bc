"""The member area below »Netzwerk« (the landing page itself is a Wagtail page)."""

from django.urls import path

from community.views import (
    collections,
    comments,
    dashboard,
    directory,
    notifications,
    organisations,
    privacy,
    profiles,
    questions,
)

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
    # Comments (django-comments-xtd's models, our views; its own URLs are not mounted)
    path("kommentare/neu/", comments.post_comment, name="comment_post"),
    path("kommentare/<int:pk>/bearbeiten/", comments.edit_comment, name="comment_edit"),
    path("kommentare/<int:pk>/melden/", comments.flag_comment, name="comment_flag"),
    path("folgen/", comments.follow, name="follow"),
    path("sitzungen/<int:pk>/", comments.session_discussion, name="session_discussion"),
    # Questions (Fachaustausch)
    path("fragen/", questions.question_list, name="questions"),
    path("fragen/neu/", questions.ask, name="question_new"),
    path("fragen/<int:pk>/", questions.question_detail, name="question"),
    path(
        "fragen/<int:pk>/antwort/<int:comment_pk>/akzeptieren/",
        questions.accept_answer,
        name="accept_answer",
    ),
    # Collections (Merkliste)
    path("sammlungen/", collections.collection_list, name="collections"),
    path("sammlungen/neu/", collections.create_collection, name="collection_new"),
    path("sammlungen/merken/<int:material_id>/", collections.add_material, name="collection_add"),
    path("sammlungen/<int:pk>/", collections.collection_detail, name="collection"),
    path("sammlungen/<int:pk>/bearbeiten/", collections.edit_collection, name="collection_edit"),
    path("sammlungen/<int:pk>/loeschen/", collections.delete_collection, name="collection_delete"),
    path("sammlungen/<int:pk>/dateien.zip", collections.download_zip, name="collection_zip"),
    path("sammlungen/eintrag/<int:pk>/", collections.change_item, name="collection_item"),
    # Notifications
    path("benachrichtigungen/", notifications.notification_list, name="notifications"),
    path("benachrichtigungen/gelesen/", notifications.mark_read, name="notifications_read"),
    path(
        "benachrichtigungen/einstellungen/",
        notifications.notification_settings,
        name="notification_settings",
    ),
    path("abbestellen/<str:token>/", notifications.unsubscribe, name="unsubscribe"),
]
