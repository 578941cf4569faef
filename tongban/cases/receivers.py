"""Every signal the cases app listens to, in one place: payments and delivery move a case or a joint
case on (they cannot import cases: layers), and a decided sub-case moves its joint case on."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from tongban.cases.models import Case
from tongban.cases.services import bundle_progress
from tongban.cases.services.delivery import on_order_paid, on_shipment_delivered
from tongban.delivery.signals import shipment_delivered
from tongban.payments.signals import order_paid


@receiver(order_paid, dispatch_uid="cases.order_paid")
def _paid(sender, order, **kwargs):
    on_order_paid(order.reference)


@receiver(shipment_delivered, dispatch_uid="cases.shipment_delivered")
def _delivered(sender, shipment, **kwargs):
    on_shipment_delivered(shipment.reference)
    bundle_progress.on_parcel_delivered(shipment.reference)


@receiver(post_save, sender=Case, dispatch_uid="cases.member_saved")
def _member_saved(sender, instance: Case, update_fields=None, **kwargs):
    bundle_progress.on_member_saved(instance, update_fields)
