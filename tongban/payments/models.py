"""Payment orders for a matter's fees (收费), their items, and every notify a gateway sent.

Amounts are integer 分 (cents): money is never a float. A case refers to its orders by its number
(`reference`); payments does not know about cases (layers).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


def yuan(cents: int | None) -> str:
    """¥1,234.50 — two decimals, from integer 分."""
    cents = int(cents or 0)
    sign = "-" if cents < 0 else ""
    whole, fen = divmod(abs(cents), 100)
    return f"{sign}¥{whole:,}.{fen:02d}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ["", "拾", "佰", "仟"]
_SECTIONS = ["", "万", "亿", "万亿"]


def amount_in_words(cents: int) -> str:
    """The 大写 amount printed on receipts (e.g. 壹佰零伍元伍角整), as finance rules require on
    票据 to prevent alteration of the figures."""
    cents = int(cents or 0)
    if cents == 0:
        return "零元整"
    whole, fen = divmod(abs(cents), 100)
    text = ""
    if whole:
        groups = []
        while whole:
            whole, group = divmod(whole, 10000)
            groups.append(group)
        parts = []
        zero_pending = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                zero_pending = True
                continue
            if parts and (zero_pending or group < 1000):
                parts.append("零")
            zero_pending = False
            parts.append(_group_words(group) + _SECTIONS[index])
        text = "".join(parts) + "元"
    jiao, fen = divmod(fen, 10)
    if not jiao and not fen:
        return ("负" if cents < 0 else "") + text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    else:
        text += "整"
    return ("负" if cents < 0 else "") + text


def _group_words(group: int) -> str:
    digits = f"{group:04d}"
    out, zero = "", False
    for i, ch in enumerate(digits):
        d = int(ch)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _UNITS[3 - i]
    return out


class OrderStatus(models.TextChoices):
    PENDING = "pending", "待支付"
    PAID = "paid", "已支付"
    CANCELLED = "cancelled", "已取消"
    REFUNDED = "refunded", "已退款"


class Channel(models.TextChoices):
    ONLINE = "online", "网上支付"
    WINDOW = "window", "窗口缴费"


class WindowMethod(models.TextChoices):
    CASH = "cash", "现金"
    CARD = "card", "银行卡"
    SCAN = "scan", "扫码支付"


class PaymentOrder(models.Model):
    order_no = models.CharField("订单号", max_length=32, unique=True)
    reference = models.CharField("业务编号", max_length=64, db_index=True,
                                 help_text="所缴费用对应的业务，如办件编号")
    payer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="缴费人账号", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="payment_orders")
    payer_name = models.CharField("缴费人", max_length=150, blank=True)
    payee_name = models.CharField("收款单位", max_length=150, blank=True)
    description = models.CharField("缴费事由", max_length=300, blank=True)
    amount_cents = models.PositiveBigIntegerField("应缴金额（分）")
    status = models.CharField("状态", max_length=12, choices=OrderStatus.choices, default=OrderStatus.PENDING)
    channel = models.CharField("缴费渠道", max_length=10, choices=Channel.choices, blank=True)
    window_method = models.CharField("窗口缴费方式", max_length=10, choices=WindowMethod.choices, blank=True)
    gateway = models.CharField("支付渠道", max_length=40, blank=True)
    gateway_trade_no = models.CharField("支付流水号", max_length=64, blank=True)
    paid_at = models.DateTimeField("支付时间", null=True, blank=True)
    receipt_no = models.CharField("票据号码", max_length=32, blank=True)
    cancel_reason = models.CharField("取消原因", max_length=300, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "缴费订单"
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A receipt number is issued once; orders without one leave it blank.
            models.UniqueConstraint(fields=["receipt_no"], condition=~Q(receipt_no=""),
                                    name="uniq_payments_receipt_no"),
        ]

    def __str__(self):
        return f"{self.order_no} {self.amount_display}"

    @property
    def amount_display(self) -> str:
        return yuan(self.amount_cents)

    @property
    def amount_words(self) -> str:
        return amount_in_words(self.amount_cents)

    @property
    def is_pending(self) -> bool:
        return self.status == OrderStatus.PENDING

    @property
    def is_paid(self) -> bool:
        return self.status == OrderStatus.PAID

    def clean(self):
        errors = {}
        if self.status == OrderStatus.PAID and (not self.paid_at or not self.receipt_no):
            errors["status"] = "已支付的订单必须有支付时间和票据号码"
        if self.status == OrderStatus.PAID and not self.channel:
            errors["channel"] = "已支付的订单必须注明缴费渠道"
        if self.channel == Channel.WINDOW and not self.window_method:
            errors["window_method"] = "窗口缴费须注明缴费方式"
        if errors:
            raise ValidationError(errors)


class PaymentItem(models.Model):
    order = models.ForeignKey(PaymentOrder, verbose_name="订单", on_delete=models.CASCADE, related_name="items")
    name = models.CharField("收费项目", max_length=200)
    standard = models.CharField("收费标准", max_length=300, blank=True)
    amount_cents = models.PositiveBigIntegerField("金额（分）")

    class Meta:
        verbose_name = verbose_name_plural = "收费明细"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} {self.amount_display}"

    @property
    def amount_display(self) -> str:
        return yuan(self.amount_cents)


class CallbackOutcome(models.TextChoices):
    PAID = "paid", "已入账"
    ALREADY_PAID = "already_paid", "订单已支付，未重复入账"
    BAD_SIGNATURE = "bad_signature", "签名无效，已拒绝"
    UNKNOWN_ORDER = "unknown_order", "订单不存在，已拒绝"
    AMOUNT_MISMATCH = "amount_mismatch", "金额不符，已拒绝"
    NOT_PAYABLE = "not_payable", "订单已关闭，待人工退款"


class PaymentCallback(models.Model):
    """Every notify a gateway sent, kept as received: the idempotency key and the audit trail.

    Notifies whose signature does not verify are kept too (without a notify id, which a forger
    could otherwise use to block the real notify carrying the same id).
    """

    gateway = models.CharField("支付渠道", max_length=40)
    notify_id = models.CharField("通知编号", max_length=64, null=True, blank=True)
    order = models.ForeignKey(PaymentOrder, verbose_name="订单", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="callbacks")
    raw_body = models.TextField("原始报文")
    signature_ok = models.BooleanField("签名有效", default=False)
    outcome = models.CharField("处理结果", max_length=20, choices=CallbackOutcome.choices)
    received_at = models.DateTimeField("接收时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "支付结果通知"
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["gateway", "notify_id"], condition=Q(notify_id__isnull=False),
                                    name="uniq_payments_notify_id"),
        ]

    def __str__(self):
        return f"{self.gateway} {self.notify_id or '（无效通知）'}"
