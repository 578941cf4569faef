from django.conf.urls.i18n import i18n_patterns  # noqa: F401  (kept for future language prefixes)
from django.contrib import admin
from django.urls import include, path

from tongban.api import api
from tongban.core.views import csp_report

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("csp-report/", csp_report, name="csp-report"),
    path("accounts/", include("tongban.accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("tongban.catalog.urls")),
    path("", include("tongban.search.urls")),
    path("", include("tongban.workcal.urls")),
    path("", include("tongban.forms.urls")),
    path("", include("tongban.notify.urls")),
    path("", include("tongban.payments.urls")),
    path("", include("tongban.delivery.urls")),
    path("", include("tongban.registries.urls")),
    path("", include("tongban.ratings.urls")),
    path("", include("tongban.themes.urls")),
    path("", include("tongban.cases.urls")),
    path("", include("tongban.licences.urls")),
    path("", include("tongban.portal.urls")),
]
