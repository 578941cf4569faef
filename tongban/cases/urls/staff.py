from django.urls import path

from tongban.cases.views import desk as views_desk
from tongban.cases.views import desk_identity as views_desk_identity
from tongban.cases.views import inbox as views_inbox
from tongban.cases.views import supervise as views_supervise
from tongban.cases.views import workbench as views_workbench

urlpatterns = [
    path("desk/", views_desk.desk, name="staff-desk"),
    path("desk/matters/", views_desk.desk_matters, name="staff-desk-matters"),
    path("desk/register/", views_desk.register, name="staff-desk-register"),
    path("desk/drafts/<uuid:uid>/", views_desk.draft, name="staff-desk-draft"),
    path("desk/pickup/", views_desk.pickup, name="staff-desk-pickup"),
    path("desk/identity/", views_desk_identity.identity, name="staff-desk-identity"),
    path("desk/payments/", views_desk.take_payment, name="staff-desk-payment"),
    path("inbox/", views_inbox.inbox, name="staff-inbox"),
    path("inbox/cases/<str:number>/", views_workbench.workbench, name="staff-workbench"),
    path("inbox/cases/<str:number>/<slug:op>/", views_workbench.operate, name="staff-case-op"),
    path("supervise/", views_supervise.supervise, name="staff-supervise"),
]
