from django.urls import path

from tongban.accounts import views

urlpatterns = [
    path("second-factor/", views.second_factor, name="second-factor"),
    path("second-factor/enrol/", views.enrol, name="second-factor-enrol"),
    path("second-factor/backup-codes/", views.backup_codes, name="second-factor-backup-codes"),
]
