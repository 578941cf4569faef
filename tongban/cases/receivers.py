"""Signals from payments and delivery move the case on (they cannot import cases: layers)."""

from django.dispatch import receiver

from tongban.cases.services import bundles  # noqa: F401  (joint cases listen to their sub-cases' saves)
from tongban.delivery.signals import shipment_delivered
from tongban.payments.signals import order_paid


@receiver(order_paid)
def _paid(sender, order, **kwargs):
    from tongban.cases.services.delivery import on_order_paid

    on_order_paid(order.reference)


@receiver(shipment_delivered)
def _delivered(sender, shipment, **kwargs):
    from tongban.cases.services.delivery import on_shipment_delivered

    on_shipment_delivered(shipment.reference)
