"""»Mein Programm« of logged-in users and its calendar feed. (The congress's own pages, its
agenda, registration and calendar files, are routes of CongressPage.)"""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("mein-programm/", views.my_programme, name="my_programme"),
    path("mein-programm/merken/<int:session_id>/", views.star, name="star"),
    path("mein-programm/kalender/erneuern/", views.renew_feed, name="renew_feed"),
    path(
        "mein-programm/kalender/<str:token>.ics",
        views.calendar_feed,
        name="calendar_feed",
    ),
]
