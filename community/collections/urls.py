"""The members' collections (»Merkliste«)."""

from django.urls import path

from community.collections import views

urlpatterns = [
    path("sammlungen/", views.collection_list, name="collections"),
    path("sammlungen/neu/", views.create_collection, name="collection_new"),
    path("sammlungen/merken/<int:material_id>/", views.add_material, name="collection_add"),
    path("sammlungen/<int:pk>/", views.collection_detail, name="collection"),
    path("sammlungen/<int:pk>/bearbeiten/", views.edit_collection, name="collection_edit"),
    path("sammlungen/<int:pk>/loeschen/", views.delete_collection, name="collection_delete"),
    path("sammlungen/<int:pk>/dateien.zip", views.download_zip, name="collection_zip"),
    path("sammlungen/eintrag/<int:pk>/", views.change_item, name="collection_item"),
]
