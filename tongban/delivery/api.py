"""Public tracking: tracking number + the last four digits of the recipient's phone."""

from datetime import datetime

from ninja import Field, Query, Router, Schema

from tongban.core.api_errors import CodeLabel, errors, register_field_labels
from tongban.delivery.selectors import public_shipment, public_view

router = Router(tags=["物流查询"])

register_field_labels({"tracking_no": "运单号", "phone4": "收件电话后四位"})


class ShipmentEventOut(Schema):
    at: datetime = Field(description="时间")
    status: CodeLabel = Field(description="状态")
    location: str = Field(description="地点")
    description: str = Field(description="描述")


class TrackingOut(Schema):
    tracking_no: str = Field(description="运单号")
    carrier: str = Field(description="承运方")
    status: CodeLabel = Field(description="状态：created 已交寄、picked_up 已揽收、in_transit 运输中、"
                                          "out_for_delivery 派送中、delivered 已签收、failed 投递失败")
    recipient: str = Field(description="收件人（已脱敏）")
    phone: str = Field(description="收件电话（已脱敏）")
    address: str = Field(description="邮寄地址（仅到区县）")
    created_at: datetime = Field(description="交寄时间")
    delivered_at: datetime | None = Field(None, description="签收时间")
    events: list[ShipmentEventOut] = Field(description="物流轨迹，最新的在前")


class TrackingQuery(Schema):
    phone4: str = Field("", description="收件电话后四位", max_length=4)


@router.get("/{tracking_no}", response={200: TrackingOut, **errors(404, 422)}, operation_id="trackShipment",
            summary="查询物流轨迹", description="运单号和收件电话后四位都对上才返回轨迹；否则与运单不存在一样返回 404。")
def track(request, tracking_no: str, query: Query[TrackingQuery]):
    """Without the right `phone4` the answer is 404, the same as for an unknown number."""
    return public_view(public_shipment(tracking_no, query.phone4))
