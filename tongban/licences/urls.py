from django.urls import path

from tongban.licences import views

urlpatterns = [
    path("licences/verify/", views.verify, name="licence-verify"),
    path("licences/seals/", views.seals, name="licence-seals"),
    path("licences/shared/<str:token>/", views.shared, name="licence-shared"),
    path("my/licences/", views.wallet, name="licence-wallet"),
    path("my/licences/<str:identifier>/", views.licence_detail, name="licence-detail"),
    path("my/licences/<str:identifier>/licence.pdf", views.licence_pdf, name="licence-pdf"),
]
