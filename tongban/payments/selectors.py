"""Reads of payments. Staff access (which clerk may see which orders) is decided by the caller,
which knows the case; here only the payer's own access is scoped."""

from django.db.models import QuerySet
from django.http import Http404

from tongban.payments.models import OrderStatus, PaymentOrder


def orders_for(reference: str) -> QuerySet[PaymentOrder]:
    """Every order of one piece of business (a case number), newest first, with their items."""
    return PaymentOrder.objects.filter(reference=reference).prefetch_related("items").order_by("-created_at", "-pk")


def pending_orders_of(references) -> QuerySet[PaymentOrder]:
    """The unpaid orders of several pieces of business at once, with their items."""
    return (PaymentOrder.objects.filter(reference__in=list(references), status=OrderStatus.PENDING)
            .prefetch_related("items"))


def is_settled(reference: str) -> bool:
    """True when nothing is left to pay: no pending order (all paid, cancelled or refunded, or none)."""
    return not PaymentOrder.objects.filter(reference=reference, status=OrderStatus.PENDING).exists()


def pending_amount_cents(reference: str) -> int:
    return sum(PaymentOrder.objects.filter(reference=reference, status=OrderStatus.PENDING)
               .values_list("amount_cents", flat=True))


def order_for_user(user, order_no: str) -> PaymentOrder:
    """The order if `user` is its payer; Http404 otherwise (so nobody learns which numbers exist)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("缴费订单不存在")
    order = (PaymentOrder.objects.filter(order_no=order_no, payer=user)
             .prefetch_related("items").first())
    if order is None:
        raise Http404("缴费订单不存在")
    return order


def order_by_no(order_no: str) -> PaymentOrder | None:
    """For staff pages whose caller has already checked access, and for the gateway's cashier."""
    return PaymentOrder.objects.filter(order_no=order_no).prefetch_related("items").first()
