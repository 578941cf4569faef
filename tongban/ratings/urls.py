from django.urls import path

from tongban.ratings import views_loop, views_rate, views_stats, views_tickets, views_visits

urlpatterns = [
    # public
    path("rate/<str:token>/", views_rate.rate_page, name="ratings-rate"),
    path("ratings/", views_stats.stats_page, name="ratings-stats"),
    path("ratings/export.xlsx", views_stats.stats_export, name="ratings-export"),
    path("cannot-do/", views_tickets.cannot_do, name="ratings-cannot-do"),
    path("cannot-do/<str:number>/<str:token>/", views_tickets.cannot_do_status, name="ratings-cannot-do-status"),
    path("my/ratings/", views_rate.my_ratings, name="ratings-mine"),
    # staff
    path("ratings/kiosk/", views_rate.kiosk_start, name="ratings-kiosk"),
    path("ratings/kiosk/<str:number>/", views_rate.kiosk_rate, name="ratings-kiosk-rate"),
    path("ratings/phone/", views_rate.phone_rating, name="ratings-phone"),
    path("ratings/bad/", views_loop.bad_list, name="ratings-bad-list"),
    path("ratings/bad/<int:pk>/", views_loop.bad_detail, name="ratings-bad-detail"),
    path("ratings/bad/<int:pk>/<slug:action>/", views_loop.bad_act, name="ratings-bad-act"),
    path("ratings/visits/", views_visits.visit_list, name="ratings-visits"),
    path("ratings/visits/draw/", views_visits.visit_draw, name="ratings-visits-draw"),
    path("ratings/visits/<int:pk>/", views_visits.visit_detail, name="ratings-visit"),
    path("ratings/tickets/", views_tickets.ticket_list, name="ratings-tickets"),
    path("ratings/tickets/<str:number>/", views_tickets.ticket_detail, name="ratings-ticket"),
]
