from django.urls import path

from community.questions import views

urlpatterns = [
    path("fragen/", views.question_list, name="questions"),
    path("fragen/neu/", views.ask, name="question_new"),
    path("fragen/<int:pk>/", views.question_detail, name="question"),
    path(
        "fragen/<int:pk>/antwort/<int:comment_pk>/akzeptieren/",
        views.accept_answer,
        name="accept_answer",
    ),
]
