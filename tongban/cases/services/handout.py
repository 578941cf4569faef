"""Handing out results (出件, "综合窗口出件"): choosing how, handing over at a window against the
pickup code, posting, and the parcel's arrival — one way for a case and for a joint case (一件事,
one pickup code or one parcel for every result). The callers lock the row, check who may act, and
say how their record is saved, written to its timeline and told to the applicant (an Outlet)."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from tongban.cases.models import Deliverable, DeliveryMethod, DeliveryStatus
from tongban.core.validators import is_valid_mobile
from tongban.delivery.services import create_shipment


@dataclass
class Outlet:
    thing: Deliverable  # a locked Case or CaseBundle
    noun: str  # "办件" / "联办件", in the messages
    reference: str  # its number, on the parcel
    save: Callable[..., None]  # save(*fields), bumping the revision
    record: Callable[..., object]  # record(actor, action, label, data=None)


def pickup_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def express_address_errors(recipient: str, phone: str, address: str) -> dict[str, str]:
    """What is missing for a parcel to reach the applicant, by field (empty when complete)."""
    errors = {}
    if not recipient.strip():
        errors["recipient"] = "请填写“收件人”"
    if not is_valid_mobile(phone):
        errors["phone"] = "“收件电话”应为11位手机号码"
    if len(address.strip()) < 8:
        errors["address"] = "请填写完整的“邮寄地址”（省市区、街道、门牌号）"
    return errors


def choose(outlet: Outlet, actor, *, method: str, recipient: str = "", phone: str = "", address: str = "",
           methods=tuple(DeliveryMethod.values), express_allowed: bool = True) -> None:
    thing = outlet.thing
    if thing.delivery_status in (DeliveryStatus.SHIPPED, DeliveryStatus.DELIVERED):
        raise ValidationError("结果已寄出或已领取，不能再更改送达方式。")
    if method not in methods:
        named = "或".join(DeliveryMethod(m).label for m in methods)
        raise ValidationError({"method": "请选择送达方式" if set(methods) == set(DeliveryMethod.values)
                               else f"请选择{named}"})
    if method == DeliveryMethod.EXPRESS:
        errors = express_address_errors(recipient, phone, address)
        if not express_allowed:
            errors["method"] = "该事项不支持邮寄送达"
        if errors:
            raise ValidationError(errors)
    thing.delivery_method = method
    thing.delivery_recipient, thing.delivery_phone, thing.delivery_address = recipient.strip(), phone, address.strip()
    if method != DeliveryMethod.WINDOW:
        thing.pickup_code = ""
    elif thing.delivery_status == DeliveryStatus.READY and not thing.pickup_code:
        thing.pickup_code = pickup_code()
    outlet.save("delivery_method", "delivery_recipient", "delivery_phone", "delivery_address", "pickup_code")
    outlet.record(actor, "choose_delivery", f"选择送达方式：{DeliveryMethod(method).label}")


def hand_over(outlet: Outlet, actor, *, code: str, label: str) -> None:
    """窗口出件 against the pickup code (compared in constant time)."""
    thing = outlet.thing
    if thing.delivery_method != DeliveryMethod.WINDOW:
        raise ValidationError(f"该{outlet.noun}选择了邮寄送达。")
    if not code or not secrets.compare_digest(code.strip(), thing.pickup_code):
        raise ValidationError({"pickup_code": "取件码不正确"})
    delivered(outlet, actor, "hand_over", label)


def ship(outlet: Outlet, actor, *, items: str, label: str):
    """One parcel with `items`; the timeline line reads `label` with the tracking number."""
    thing = outlet.thing
    if thing.delivery_method != DeliveryMethod.EXPRESS:
        raise ValidationError(f"该{outlet.noun}未选择邮寄送达。")
    shipment = create_shipment(actor, reference=outlet.reference, recipient_name=thing.delivery_recipient,
                               phone=thing.delivery_phone, address=thing.delivery_address, items=items[:300])
    thing.delivery_status = DeliveryStatus.SHIPPED
    fields = ["delivery_status"]
    if hasattr(thing, "tracking_no"):
        thing.tracking_no = shipment.tracking_no
        fields.append("tracking_no")
    outlet.save(*fields)
    outlet.record(actor, "ship", f"{label}（运单号 {shipment.tracking_no}）", data={"tracking_no": shipment.tracking_no})
    return shipment


def delivered(outlet: Outlet, actor, action: str, label: str) -> None:
    outlet.thing.delivery_status = DeliveryStatus.DELIVERED
    outlet.thing.delivered_at = timezone.now()
    outlet.save("delivery_status", "delivered_at")
    outlet.record(actor, action, label)
