from django.urls import path

from community.privacy import views

urlpatterns = [
    path("meine-daten/", views.my_data, name="my_data"),
    path("meine-daten/export.json", views.export, name="export"),
    path("konto-loeschen/", views.delete_account, name="delete_account"),
]
