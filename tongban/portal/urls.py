from django.urls import path

from tongban.portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/<str:code>/", views.guide, name="guide"),
    path("guide/<str:code>/pdf", views.guide_pdf, name="guide-pdf"),
    path("guide/<str:code>/materials/<int:material_id>/<slug:kind>", views.material_file,
         name="guide-material-file"),
    path("personal/", views.personal, name="personal"),
    path("organisation/", views.organisation, name="organisation"),
    path("departments/", views.departments, name="departments"),
    path("departments/<int:pk>/", views.department, name="department"),
    path("browse/", views.browse, name="browse"),
    path("lists/<slug:kind>/", views.published_list, name="published-list"),
    path("lists/<slug:kind>.xlsx", views.published_list_download, name="published-list-xlsx"),
    path("large-text/", views.toggle_large_text, name="large-text"),
]
