"""Every write to delivery: shipments, their tracking events, delivery. Each status change audited."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.core.services import audit
from tongban.core.validators import is_valid_mobile
from tongban.delivery.carriers import carrier_for, get_carrier
from tongban.delivery.models import FINAL, Shipment, ShipmentEvent, ShipmentStatus, progress_rank
from tongban.delivery.signals import shipment_delivered

log = logging.getLogger(__name__)

CARRIER_ACTOR = "寄递系统"


def _lock(shipment: Shipment) -> Shipment:
    return Shipment.objects.select_for_update().get(pk=shipment.pk)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def validate_recipient(recipient_name: str, phone: str, address: str) -> dict:
    """Field → Chinese message for what is wrong with a mailing address (empty when all is well)."""
    errors = {}
    if not (recipient_name or "").strip():
        errors["recipient_name"] = "请填写“收件人”"
    if not is_valid_mobile(phone):
        errors["phone"] = "“收件电话”应为11位手机号码"
    address = (address or "").strip()
    # Province, city, district, street and number: a result sent to half an address comes back.
    if len(address) < 8 or not _has_chinese(address):
        errors["address"] = "请填写完整的“邮寄地址”（省市区、街道、门牌号）"
    return errors


@transaction.atomic
def create_shipment(actor, *, reference: str, recipient_name: str, phone: str, address: str,
                    items: str) -> Shipment:
    """Hand a parcel to the carrier (邮政快递送达) and start its tracking timeline."""
    errors = validate_recipient(recipient_name, phone, address)
    if not (reference or "").strip():
        errors["reference"] = "缺少“业务编号”"
    if not (items or "").strip():
        errors["items"] = "请填写“寄递物品”"
    if errors:
        raise ValidationError(errors)
    carrier = get_carrier()
    shipment = Shipment(reference=reference.strip(), carrier=carrier.name, recipient_name=recipient_name.strip(),
                        phone=phone.strip(), address=address.strip(), items=items.strip()[:300])
    shipment.tracking_no = carrier.create(shipment)
    shipment.full_clean()
    shipment.save()
    city = settings.TONGBAN.get("CITY_NAME", "")
    ShipmentEvent.objects.create(shipment=shipment, at=timezone.now(), status=ShipmentStatus.CREATED,
                                 location=f"{city}政务服务中心", event_key=f"{shipment.tracking_no}-created",
                                 description=f"【{city}政务服务中心】寄递窗口已收寄，等待揽收")
    audit(actor, "delivery.shipment.create", shipment,
          f"交寄 {carrier.label} 运单 {shipment.tracking_no}（{shipment.items}）",
          {"reference": shipment.reference, "carrier": carrier.name})
    return shipment


def _event_key(event: dict) -> str:
    key = event.get("key") or f"{event['status']}|{event['at'].isoformat()}|{event.get('description', '')}"
    return str(key)[:120]


@transaction.atomic
def record_events(shipment: Shipment, events: list[dict]) -> list[ShipmentEvent]:
    """Add the carrier's events to the timeline (the same event twice is added once) and move the
    shipment's status forward. Returns the events that were new."""
    shipment = _lock(shipment)
    added = []
    for event in sorted(events, key=lambda e: e["at"]):
        if event["status"] not in ShipmentStatus.values:
            raise ValueError(f"unknown shipment status {event['status']!r}")
        obj, created = ShipmentEvent.objects.get_or_create(
            shipment=shipment, event_key=_event_key(event),
            defaults={"at": event["at"], "status": event["status"], "location": (event.get("location") or "")[:120],
                      "description": (event.get("description") or "")[:300]})
        if created:
            added.append(obj)
    if shipment.is_final:
        return added
    newest = max(added, key=lambda e: (progress_rank(e.status), e.at), default=None)
    if newest is None:
        return added
    if newest.status == ShipmentStatus.DELIVERED:
        _deliver(CARRIER_ACTOR, shipment, newest.at)
    elif newest.status == ShipmentStatus.FAILED:
        shipment.status = ShipmentStatus.FAILED
        shipment.save(update_fields=["status"])
        audit(CARRIER_ACTOR, "delivery.shipment.failed", shipment, f"运单 {shipment.tracking_no} 投递失败：{newest.description}")
    elif progress_rank(newest.status) > progress_rank(shipment.status):
        shipment.status = newest.status
        shipment.save(update_fields=["status"])
    return added


def _deliver(actor, shipment: Shipment, at) -> None:
    """The caller holds the row lock and has checked the shipment is not yet delivered."""
    shipment.status = ShipmentStatus.DELIVERED
    shipment.delivered_at = at or timezone.now()
    shipment.full_clean()
    shipment.save(update_fields=["status", "delivered_at"])
    audit(actor, "delivery.shipment.delivered", shipment, f"运单 {shipment.tracking_no} 已签收",
          {"reference": shipment.reference, "delivered_at": shipment.delivered_at.isoformat()})
    delivered = shipment
    transaction.on_commit(lambda: shipment_delivered.send(sender=Shipment, shipment=delivered))


@transaction.atomic
def mark_delivered(actor, shipment: Shipment, *, at=None, note: str = "") -> Shipment:
    """Record delivery by hand (e.g. the carrier's report is missing but the recipient confirmed).
    Delivering twice changes nothing and announces nothing."""
    shipment = _lock(shipment)
    if shipment.status == ShipmentStatus.DELIVERED:
        return shipment
    at = at or timezone.now()
    ShipmentEvent.objects.create(shipment=shipment, at=at, status=ShipmentStatus.DELIVERED,
                                 event_key=f"{shipment.tracking_no}-manual-delivered",
                                 description=(note or "已签收（人工确认）")[:300])
    _deliver(actor, shipment, at)
    return shipment


@transaction.atomic
def poll_shipment(shipment: Shipment) -> list[ShipmentEvent]:
    """Ask the carrier what happened to the parcel since the last poll."""
    shipment = _lock(shipment)
    if shipment.status in FINAL:
        return []
    carrier = carrier_for(shipment)
    if carrier is None:
        return []
    events = carrier.poll(shipment)
    shipment.last_polled_at = timezone.now()
    shipment.save(update_fields=["last_polled_at"])
    return record_events(shipment, events) if events else []
