from django.urls import path

from tongban.catalog import manage_views

urlpatterns = [
    path("manage/catalog/import/", manage_views.import_upload, name="catalog-import"),
    path("manage/catalog/import/<int:pk>/", manage_views.import_job, name="catalog-import-job"),
    path("manage/catalog/import/template.xlsx", manage_views.template_xlsx, name="catalog-import-template"),
    path("manage/catalog/export.xlsx", manage_views.export_xlsx, name="catalog-export"),
]
