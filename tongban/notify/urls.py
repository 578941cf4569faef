from django.urls import path

from tongban.notify import views

urlpatterns = [
    path("my/messages/", views.inbox, name="notify-inbox"),
    path("my/messages/read-all/", views.read_all, name="notify-read-all"),
    path("my/messages/<int:pk>/", views.message, name="notify-message"),
]
