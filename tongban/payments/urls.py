from django.urls import path

from tongban.payments import views

urlpatterns = [
    path("pay/sim/<str:order_no>/", views.sim_cashier, name="payment-sim-cashier"),
    path("pay/notify/<str:gateway>/", views.notify, name="payment-notify"),
    path("pay/<str:order_no>/", views.order_page, name="payment-order"),
    path("pay/<str:order_no>/start/", views.start_payment, name="payment-start"),
    path("pay/<str:order_no>/receipt/", views.receipt_page, name="payment-receipt"),
]
