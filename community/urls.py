"""The member area below »Netzwerk« (the landing page itself is a Wagtail page). Each
sub-package lists its own addresses; they share the namespace `community`."""

from django.urls import include, path

app_name = "community"

urlpatterns = [
    path("", include("community.members.urls")),
    path("", include("community.privacy.urls")),
    path("", include("community.comments.urls")),
    path("", include("community.questions.urls")),
    path("", include("community.collections.urls")),
    path("", include("community.notifications.urls")),
    path("", include("community.groups.urls")),
]
