from django.urls import path

from tongban.registries import views

urlpatterns = [
    path("my/data-use/", views.my_data_use, name="my-data-use"),
]
