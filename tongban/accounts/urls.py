from django.contrib.auth.views import LoginView
from django.urls import path

from tongban.accounts import views
from tongban.accounts.forms import LoginForm

urlpatterns = [
    # Before django.contrib.auth.urls (tongban/urls.py): the same page, with the length check.
    path("login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("second-factor/", views.second_factor, name="second-factor"),
    path("second-factor/enrol/", views.enrol, name="second-factor-enrol"),
    path("second-factor/backup-codes/", views.backup_codes, name="second-factor-backup-codes"),
]
