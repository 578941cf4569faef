from django.urls import path

from tongban.themes import views_desk, views_guide, views_joint, views_journey

urlpatterns = [
    path("themes/", views_guide.theme_list, name="themes"),
    path("themes/<slug:code>/", views_guide.theme_guide, name="theme-guide"),
    path("themes/<slug:code>/apply/", views_journey.start, name="theme-apply"),
    path("themes/<slug:code>/apply/questions/<slug:key>/", views_journey.question, name="theme-question"),
    path("themes/<slug:code>/apply/services/", views_journey.services, name="theme-services"),
    path("themes/<slug:code>/apply/form/<int:page>/", views_journey.form_page, name="theme-form"),
    path("themes/<slug:code>/apply/materials/", views_journey.materials, name="theme-materials"),
    path("themes/<slug:code>/apply/check/", views_journey.check, name="theme-check"),
    # The backend's notices link to /my/joint-cases/<number>/.
    path("my/joint-cases/<str:number>/", views_joint.joint_case, name="joint-case"),
    path("my/joint-cases/<str:number>/submitted/", views_joint.confirmation, name="joint-case-confirmation"),
    path("my/joint-cases/<str:number>/correct/", views_joint.correct, name="joint-case-correct"),
    path("my/joint-cases/<str:number>/resubmit/", views_joint.resubmit, name="joint-case-resubmit"),
    path("my/joint-cases/<str:number>/delivery/", views_joint.delivery, name="joint-case-delivery"),
    path("desk/joint-cases/", views_desk.queue, name="desk-joint-cases"),
    path("desk/joint-cases/<str:number>/", views_desk.detail, name="desk-joint-case"),
    path("desk/joint-cases/<str:number>/accept/", views_desk.accept, name="desk-joint-accept"),
    path("desk/joint-cases/<str:number>/correction/", views_desk.correction, name="desk-joint-correction"),
    path("desk/joint-cases/<str:number>/refuse/", views_desk.refuse, name="desk-joint-refuse"),
    path("desk/joint-cases/<str:number>/hand-over/", views_desk.hand_over, name="desk-joint-hand-over"),
    path("desk/joint-cases/<str:number>/ship/", views_desk.ship, name="desk-joint-ship"),
    path("desk/joint-cases/<str:number>/extend/", views_desk.extend, name="desk-joint-extend"),
]
