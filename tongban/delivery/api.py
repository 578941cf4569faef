"""Public tracking: tracking number + the last four digits of the recipient's phone."""

from datetime import datetime

from ninja import Field, Query, Router, Schema

from tongban.core.api_errors import ErrorOut, register_field_labels
from tongban.delivery.selectors import public_shipment, public_view

router = Router(tags=["delivery"])

register_field_labels({"tracking_no": "运单号", "phone4": "收件电话后四位"})


class CodeLabel(Schema):
    code: str
    label: str


class EventOut(Schema):
    at: datetime = Field(description="时间")
    status: CodeLabel
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
    created_at: datetime
    delivered_at: datetime | None = None
    events: list[EventOut] = Field(description="物流轨迹，最新的在前")


class TrackingQuery(Schema):
    phone4: str = Field("", description="收件电话后四位", max_length=4)


@router.get("/{tracking_no}", response={200: TrackingOut, 404: ErrorOut, 422: ErrorOut}, summary="查询物流轨迹")
def track(request, tracking_no: str, query: Query[TrackingQuery]):
    """Without the right `phone4` the answer is 404, the same as for an unknown number."""
    return public_view(public_shipment(tracking_no, query.phone4))
