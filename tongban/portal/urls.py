from django.urls import path

from tongban.portal import views, views_account

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
    # 我的账户: 实名认证, organisation accounts and their agents (tongban/portal/views_account.py)
    path("my/account/", views_account.my_account, name="my-account"),
    path("my/account/verify/", views_account.verify_identity, name="verify-identity"),
    path("my/organisations/register/", views_account.register_organisation, name="register-organisation"),
    path("my/organisations/<str:credit_code>/agents/", views_account.organisation_agents, name="organisation-agents"),
    path("my/organisations/<str:credit_code>/agents/<int:pk>/revoke/", views_account.revoke_agent,
         name="revoke-agent"),
]
