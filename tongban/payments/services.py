"""Every write to payments: orders, online payment, gateway notifies, window payment. Each audited.

Money is recorded only from a verified gateway notify or by a window clerk, never because a browser
came back from the cashier. The notify is idempotent: gateways resend until we answer "success".
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import roles_of
from tongban.core.actors import as_user
from tongban.core.links import absolute_url
from tongban.core.serials import next_daily
from tongban.core.services import audit
from tongban.payments.gateways import InvalidCallback, gateway_named, get_gateway
from tongban.payments.models import (
    CallbackOutcome,
    Channel,
    OrderStatus,
    PaymentCallback,
    PaymentItem,
    PaymentOrder,
    WindowMethod,
    yuan,
)
from tongban.payments.signals import order_paid

log = logging.getLogger(__name__)

GATEWAY_ACTOR = "支付平台"
MAX_RAW_BODY = 20_000


def _next_number(kind: str) -> tuple:
    """(local date, running number of the day) — the counter row stays locked until commit, so two
    orders created at the same moment get different numbers."""
    return next_daily(f"payments:{kind}")


def _order_no() -> str:
    day, n = _next_number("order")
    return f"PAY{day:%Y%m%d}{n:07d}"


def _receipt_no() -> str:
    day, n = _next_number("receipt")
    return f"PJ{day:%Y%m%d}{n:08d}"


def _lock(order: PaymentOrder) -> PaymentOrder:
    return PaymentOrder.objects.select_for_update().get(pk=order.pk)


def _clean_items(items) -> list[dict]:
    if not items:
        raise ValidationError({"items": "缴费订单至少应有一个收费项目"})
    cleaned, errors = [], []
    for index, item in enumerate(items, start=1):
        name = str(item.get("name") or "").strip()
        amount = item.get("amount_cents")
        label = f"第{index}个收费项目" + (f"“{name}”" if name else "")
        if not name:
            errors.append(f"{label}的“收费项目名称”不能为空")
        if isinstance(amount, bool) or not isinstance(amount, int):
            errors.append(f"{label}的“金额”应为以分为单位的整数")
        elif amount <= 0:
            errors.append(f"{label}的“金额”应大于0元")
        cleaned.append({"name": name[:200], "amount_cents": amount,
                        "standard": str(item.get("standard") or "").strip()[:300]})
    if errors:
        raise ValidationError({"items": errors})
    return cleaned


@transaction.atomic
def create_order(actor, *, reference: str, items: list[dict], payer=None, payer_name: str = "",
                 description: str = "", payee_name: str = "") -> PaymentOrder:
    """A payment order for the fee items (收费项目) of one piece of business (`reference`)."""
    reference = (reference or "").strip()
    if not reference:
        raise ValidationError({"reference": "缺少“业务编号”"})
    cleaned = _clean_items(items)
    payer_name = (payer_name or "").strip() or (str(payer) if payer is not None else "")
    order = PaymentOrder(
        order_no=_order_no(), reference=reference, payer=payer, payer_name=payer_name[:150],
        payee_name=(payee_name or "").strip()[:150], description=(description or "").strip()[:300],
        amount_cents=sum(i["amount_cents"] for i in cleaned), created_by=as_user(actor),
    )
    order.full_clean()
    order.save()
    PaymentItem.objects.bulk_create(PaymentItem(order=order, **i) for i in cleaned)
    audit(actor, "payments.order.create", order, f"生成缴费订单 {order.order_no}，金额 {order.amount_display}",
          {"reference": reference, "amount_cents": order.amount_cents, "items": cleaned})
    return order


@transaction.atomic
def start_online_payment(actor, order: PaymentOrder, *, base_url: str | None = None) -> str:
    """The URL of the gateway's cashier for this order. `base_url` is this site's address as the
    payer reached it (views pass the request's); it defaults to settings.TONGBAN["SITE_URL"]."""
    order = _lock(order)
    if not order.payer_id or getattr(actor, "pk", None) != order.payer_id:
        raise PermissionDenied("只有缴费人本人可以支付该订单")
    if order.status == OrderStatus.PAID:
        raise ValidationError("该订单已支付，无需重复支付。")
    if order.status != OrderStatus.PENDING:
        raise ValidationError(f"该订单{order.get_status_display()}，不能支付。")
    gateway = get_gateway()
    return_url = absolute_url(reverse("payment-order", args=[order.order_no]), base=base_url)
    notify_url = absolute_url(reverse("payment-notify", args=[gateway.name]), base=base_url)
    url = gateway.create_payment(order, return_url, notify_url)
    order.gateway = gateway.name
    order.save(update_fields=["gateway"])
    audit(actor, "payments.order.start_online", order, f"发起网上支付 {order.order_no}（{gateway.label}）",
          {"gateway": gateway.name})
    return url


def _mark_paid(order: PaymentOrder, *, channel: str, paid_at, gateway: str = "", trade_no: str = "",
               method: str = "") -> None:
    order.status = OrderStatus.PAID
    order.channel = channel
    order.window_method = method
    order.gateway = gateway
    order.gateway_trade_no = trade_no
    order.paid_at = paid_at
    order.receipt_no = _receipt_no()
    order.full_clean()
    order.save()
    paid = order
    transaction.on_commit(lambda: order_paid.send(sender=PaymentOrder, order=paid))


_REJECTIONS = {
    CallbackOutcome.UNKNOWN_ORDER: "支付结果通知对应的订单不存在",
    CallbackOutcome.AMOUNT_MISMATCH: "支付金额与订单金额不符",
}


def handle_callback(gateway_name: str, body: bytes, headers) -> tuple[PaymentOrder | None, bool]:
    """Process a gateway's notify: (order, changed). Raises ValidationError when refused (bad
    signature, unknown order, wrong amount); the notify is kept either way for the audit trail.

    The same notify again, or another notify for an order already paid, changes nothing.
    """
    gateway = gateway_named(gateway_name)
    if gateway is None:
        raise ValidationError("未知的支付渠道")
    # Kept as received for the audit trail, but PostgreSQL text cannot hold a NUL byte.
    raw = body.decode("utf-8", "replace").replace("\x00", "\ufffd")[:MAX_RAW_BODY]
    try:
        data = gateway.verify_callback(body, headers)
    except InvalidCallback as exc:
        with transaction.atomic():
            callback = PaymentCallback.objects.create(gateway=gateway.name, raw_body=raw, signature_ok=False,
                                                      outcome=CallbackOutcome.BAD_SIGNATURE)
            audit(GATEWAY_ACTOR, "payments.callback.reject", callback, f"拒绝支付结果通知：{exc.messages[0]}",
                  {"reason": exc.messages[0]})
        log.warning("payment notify refused (%s): %s", gateway.name, exc.messages[0])
        raise
    try:
        with transaction.atomic():
            order, changed, outcome = _apply_callback(gateway, data, raw)
    except IntegrityError:
        # The same notify arrived twice at once and the other request recorded it first.
        order = PaymentOrder.objects.filter(order_no=data["order_no"]).first()
        existing = PaymentCallback.objects.filter(gateway=gateway.name, notify_id=data["notify_id"]).first()
        order, changed, outcome = order, False, existing.outcome if existing else CallbackOutcome.ALREADY_PAID
    if outcome in _REJECTIONS:
        raise ValidationError(_REJECTIONS[outcome])
    return order, changed


def _apply_callback(gateway, data: dict, raw: str) -> tuple[PaymentOrder | None, bool, str]:
    order = PaymentOrder.objects.select_for_update().filter(order_no=data["order_no"]).first()
    existing = PaymentCallback.objects.filter(gateway=gateway.name, notify_id=data["notify_id"]).first()
    if existing is not None:
        return order, False, existing.outcome
    if order is None:
        outcome = CallbackOutcome.UNKNOWN_ORDER
    elif data["amount_cents"] != order.amount_cents:
        outcome = CallbackOutcome.AMOUNT_MISMATCH
    elif order.status == OrderStatus.PAID:
        outcome = CallbackOutcome.ALREADY_PAID
    elif order.status != OrderStatus.PENDING:
        outcome = CallbackOutcome.NOT_PAYABLE
    else:
        outcome = CallbackOutcome.PAID
    callback = PaymentCallback.objects.create(gateway=gateway.name, notify_id=data["notify_id"], order=order,
                                              raw_body=raw, signature_ok=True, outcome=outcome)
    facts = {"notify_id": data["notify_id"], "trade_no": data["trade_no"], "amount_cents": data["amount_cents"],
             "order_no": data["order_no"]}
    if outcome == CallbackOutcome.PAID:
        _mark_paid(order, channel=Channel.ONLINE, paid_at=data["paid_at"], gateway=gateway.name,
                   trade_no=data["trade_no"])
        audit(GATEWAY_ACTOR, "payments.order.paid", order,
              f"网上支付成功 {order.order_no}，金额 {order.amount_display}，票据号码 {order.receipt_no}", facts)
        return order, True, outcome
    summary = {
        CallbackOutcome.UNKNOWN_ORDER: f"拒绝支付结果通知：订单 {data['order_no']} 不存在",
        CallbackOutcome.AMOUNT_MISMATCH: f"拒绝支付结果通知：金额 {yuan(data['amount_cents'])} 与订单金额不符",
        # A second, different payment of a paid order (the payer paid twice) or a payment of a
        # closed order: the money must go back by hand; flag it in the audit log.
        CallbackOutcome.ALREADY_PAID: "订单已支付，未重复入账" + (
            "；该笔为重复付款，需人工退款" if order and data["trade_no"] != order.gateway_trade_no else ""),
        CallbackOutcome.NOT_PAYABLE: "订单已关闭，收到付款，需人工退款",
    }[outcome]
    audit(GATEWAY_ACTOR, "payments.callback." + outcome, order or callback, summary, facts)
    return order, False, outcome


def _require_clerk(actor) -> None:
    if getattr(actor, "is_superuser", False) or roles_of(actor, Role.CLERK) or roles_of(actor, Role.ADMIN):
        return
    raise PermissionDenied("只有综合窗口人员可以登记窗口缴费")


@transaction.atomic
def record_window_payment(actor, order: PaymentOrder, method: str) -> PaymentOrder:
    """A clerk takes the fee at the window (cash, bank card or a scanned code) and issues the receipt.
    Which orders a clerk may take (their division's cases) is checked by the caller."""
    _require_clerk(actor)
    if method not in WindowMethod.values:
        raise ValidationError({"method": "请选择“缴费方式”（现金、银行卡或扫码支付）"})
    order = _lock(order)
    if order.status != OrderStatus.PENDING:
        raise ValidationError(f"该订单{order.get_status_display()}，不能登记缴费。")
    _mark_paid(order, channel=Channel.WINDOW, paid_at=timezone.now(), method=method)
    audit(actor, "payments.order.window_paid", order,
          f"窗口缴费（{WindowMethod(method).label}）{order.order_no}，金额 {order.amount_display}，"
          f"票据号码 {order.receipt_no}", {"method": method, "amount_cents": order.amount_cents})
    return order


@transaction.atomic
def cancel_order(actor, order: PaymentOrder, reason: str) -> PaymentOrder:
    """Close an unpaid order (fee waived, case withdrawn…). Who may do so is checked by the caller."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写“取消原因”"})
    order = _lock(order)
    if order.status != OrderStatus.PENDING:
        raise ValidationError(f"该订单{order.get_status_display()}，不能取消。")
    order.status = OrderStatus.CANCELLED
    order.cancel_reason = reason[:300]
    order.save(update_fields=["status", "cancel_reason"])
    audit(actor, "payments.order.cancel", order, f"取消缴费订单 {order.order_no}：{reason}", {"reason": reason})
    return order
