from django.urls import include, path

from tongban.cases.views import home as views_home
from tongban.cases.views import notices as views_notices

urlpatterns = [
    path("my/", views_home.after_login, name="after-login"),
    path("cases/<str:number>/notices/<str:kind>.pdf", views_notices.notice_pdf, name="case-notice-pdf"),
    path("verify/notice/<str:number>/<str:kind>/<str:token>/", views_notices.notice_verify,
         name="case-notice-verify"),
    path("", include("tongban.cases.urls.applicant")),
    path("", include("tongban.cases.urls.staff")),
]
