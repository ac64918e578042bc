"""django-comments-xtd's models, our views; its own URLs are not mounted."""

from django.urls import path

from community.comments import views

urlpatterns = [
    path("kommentare/neu/", views.post_comment, name="comment_post"),
    path("kommentare/<int:pk>/bearbeiten/", views.edit_comment, name="comment_edit"),
    path("kommentare/<int:pk>/melden/", views.flag_comment, name="comment_flag"),
    path("folgen/", views.follow, name="follow"),
    path("sitzungen/<int:pk>/", views.session_discussion, name="session_discussion"),
]
