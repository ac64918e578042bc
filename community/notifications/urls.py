from django.urls import path

from community.notifications import views

urlpatterns = [
    path("benachrichtigungen/", views.notification_list, name="notifications"),
    path("benachrichtigungen/gelesen/", views.mark_read, name="notifications_read"),
    path(
        "benachrichtigungen/einstellungen/",
        views.notification_settings,
        name="notification_settings",
    ),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
