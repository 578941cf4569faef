"""Express delivery (邮政快递送达) of results: a shipment per parcel and its tracking timeline.

A case refers to its shipments by its number (`reference`); delivery does not know about cases.
"""

from django.core.exceptions import ValidationError
from django.db import models


class ShipmentStatus(models.TextChoices):
    CREATED = "created", "已交寄"
    PICKED_UP = "picked_up", "已揽收"
    IN_TRANSIT = "in_transit", "运输中"
    OUT_FOR_DELIVERY = "out_for_delivery", "派送中"
    DELIVERED = "delivered", "已签收"
    FAILED = "failed", "投递失败"


# A parcel only moves forward: an event reporting an earlier step (a late or repeated carrier report)
# is kept on the timeline but does not move the status back.
PROGRESS = [ShipmentStatus.CREATED, ShipmentStatus.PICKED_UP, ShipmentStatus.IN_TRANSIT,
            ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERED]
FINAL = (ShipmentStatus.DELIVERED, ShipmentStatus.FAILED)


def progress_rank(status: str) -> int:
    return PROGRESS.index(status) if status in PROGRESS else len(PROGRESS)


class Shipment(models.Model):
    reference = models.CharField("业务编号", max_length=64, db_index=True, help_text="寄递的业务，如办件编号")
    carrier = models.CharField("承运方", max_length=60)
    tracking_no = models.CharField("运单号", max_length=40, unique=True)
    recipient_name = models.CharField("收件人", max_length=60)
    phone = models.CharField("收件电话", max_length=20)
    address = models.CharField("邮寄地址", max_length=300)
    items = models.CharField("寄递物品", max_length=300)
    status = models.CharField("状态", max_length=20, choices=ShipmentStatus.choices, default=ShipmentStatus.CREATED)
    created_at = models.DateTimeField("交寄时间", auto_now_add=True)
    delivered_at = models.DateTimeField("签收时间", null=True, blank=True)
    last_polled_at = models.DateTimeField("最近查询时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "寄递运单"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.tracking_no}（{self.get_status_display()}）"

    def get_carrier_display(self) -> str:
        """The carrier's name for people ("政务专递（模拟）"); `carrier` holds the adapter's key."""
        from tongban.delivery.carriers import carrier_label  # carriers imports this module

        return carrier_label(self.carrier)

    @property
    def is_final(self) -> bool:
        return self.status in FINAL

    def clean(self):
        if self.status == ShipmentStatus.DELIVERED and not self.delivered_at:
            raise ValidationError({"delivered_at": "已签收的运单必须有签收时间"})


class ShipmentEvent(models.Model):
    shipment = models.ForeignKey(Shipment, verbose_name="运单", on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("时间")
    status = models.CharField("状态", max_length=20, choices=ShipmentStatus.choices)
    location = models.CharField("地点", max_length=120, blank=True)
    description = models.CharField("描述", max_length=300)
    # The carrier's id of the event, or one made from its contents: recording the same report
    # twice (a poll repeated after a timeout) adds nothing.
    event_key = models.CharField("事件标识", max_length=120)

    class Meta:
        verbose_name = verbose_name_plural = "物流轨迹"
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["shipment", "event_key"], name="uniq_delivery_event")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.description}"
