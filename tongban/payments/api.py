"""Payer API: read one's own order, start paying it. The gateway notify is the /pay/notify/<gateway>/
view (plain-text "success" is what gateways expect, not JSON)."""

from datetime import datetime

from ninja import Field, Router, Schema
from ninja.security import django_auth

from tongban.core.api_errors import CodeLabel, errors, register_field_labels
from tongban.payments import services
from tongban.payments.models import PaymentOrder, yuan
from tongban.payments.selectors import order_for_user

router = Router(tags=["缴费"])

register_field_labels({"order_no": "订单号"})


class ItemOut(Schema):
    name: str = Field(description="收费项目")
    standard: str = Field(description="收费标准")
    amount_cents: int = Field(description="金额（分）")
    amount: str = Field(description="金额（元，两位小数）")


class OrderOut(Schema):
    order_no: str = Field(description="订单号")
    reference: str = Field(description="业务编号（办件编号）")
    description: str = Field(description="缴费事由")
    payer_name: str = Field(description="缴费人")
    payee_name: str = Field(description="收款单位")
    amount_cents: int = Field(description="应缴金额（分）")
    amount: str = Field(description="应缴金额（元，两位小数）")
    status: CodeLabel = Field(description="状态：pending 待支付、paid 已支付、cancelled 已取消、refunded 已退款")
    channel: CodeLabel | None = Field(None, description="缴费渠道：online 网上支付、window 窗口缴费")
    paid_at: datetime | None = Field(None, description="支付时间")
    receipt_no: str = Field(description="票据号码（已支付时）")
    created_at: datetime = Field(description="开单时间")
    items: list[ItemOut] = Field(description="收费明细")
    pay_url: str = Field(description="缴费页面")
    receipt_url: str | None = Field(None, description="电子票据页面（已支付时）")


class PayOut(Schema):
    redirect_url: str = Field(description="支付平台收银台地址：将浏览器转到此地址完成支付")


ERRORS = errors(401, 403, 404, 422)


def _out(order: PaymentOrder) -> dict:
    return {
        "order_no": order.order_no, "reference": order.reference, "description": order.description,
        "payer_name": order.payer_name, "payee_name": order.payee_name,
        "amount_cents": order.amount_cents, "amount": yuan(order.amount_cents),
        "status": {"code": order.status, "label": order.get_status_display()},
        "channel": {"code": order.channel, "label": order.get_channel_display()} if order.channel else None,
        "paid_at": order.paid_at, "receipt_no": order.receipt_no, "created_at": order.created_at,
        "items": [{"name": i.name, "standard": i.standard, "amount_cents": i.amount_cents,
                   "amount": yuan(i.amount_cents)} for i in order.items.all()],
        "pay_url": f"/pay/{order.order_no}/",
        "receipt_url": f"/pay/{order.order_no}/receipt/" if order.is_paid else None,
    }


@router.get("/{order_no}", response={200: OrderOut, **ERRORS}, auth=django_auth, operation_id="getPaymentOrder",
            summary="查看本人的缴费订单", description="未登录返回 401；不是本人的订单与不存在的一样返回 404。")
def get_order(request, order_no: str):
    return _out(order_for_user(request.user, order_no))


@router.post("/{order_no}/pay", response={200: PayOut, **ERRORS}, auth=django_auth, operation_id="payOrder",
             summary="发起网上支付，返回收银台地址",
             description="登录会话调用须在请求头 X-CSRFToken 中携带 Cookie csrftoken 的值（否则返回 403）；"
                         "订单已支付或已关闭时返回 422。")
def pay(request, order_no: str):
    order = order_for_user(request.user, order_no)
    # A paid or closed order raises ValidationError: the API's handler answers 422 in Chinese.
    url = services.start_online_payment(request.user, order, base_url=request.build_absolute_uri("/"))
    return {"redirect_url": url}
