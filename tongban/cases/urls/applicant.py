from django.urls import path

from tongban.cases.views import applicant as v
from tongban.cases.views import files as views_files

urlpatterns = [
    path("apply/<str:code>/", v.apply_start, name="applicant-apply"),
    path("my/drafts/<uuid:uid>/", v.draft, name="applicant-draft"),
    path("my/drafts/<uuid:uid>/files/<int:file_id>/", views_files.draft_file, name="applicant-draft-file"),
    path("my/cases/", v.my_cases, name="applicant-cases"),
    path("my/cases/<str:number>/", v.case_detail, name="applicant-case"),
    path("my/cases/<str:number>/upload/", v.case_upload, name="applicant-case-upload"),
    path("my/cases/<str:number>/remove-file/", v.case_remove_file, name="applicant-case-remove-file"),
    path("my/cases/<str:number>/answers/", v.case_answers, name="applicant-case-answers"),
    path("my/cases/<str:number>/resubmit/", v.case_resubmit, name="applicant-case-resubmit"),
    path("my/cases/<str:number>/delivery/", v.case_delivery, name="applicant-case-delivery"),
    path("my/cases/<str:number>/withdraw/", v.case_withdraw, name="applicant-case-withdraw"),
    path("cases/<str:number>/files/<int:file_id>/", views_files.case_file, name="case-file"),
]
