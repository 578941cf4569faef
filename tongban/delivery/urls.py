from django.urls import path

from tongban.delivery import views

urlpatterns = [
    path("track/", views.track, name="shipment-track"),
]
