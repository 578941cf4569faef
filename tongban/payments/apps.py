from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "tongban.payments"
    verbose_name = "缴费"
