"""Reads of delivery. Staff and applicants reach a shipment through their case (the caller checks
access); the public reaches it only with the tracking number and the phone's last four digits."""

import re
import secrets

from django.db.models import QuerySet
from django.http import Http404

from tongban.core.masking import mask_name, mask_phone
from tongban.delivery.carriers import carrier_label
from tongban.delivery.models import Shipment, ShipmentEvent


def shipments_for(reference: str) -> QuerySet[Shipment]:
    return Shipment.objects.filter(reference=reference).prefetch_related("events").order_by("-created_at", "-pk")


def tracking(shipment: Shipment) -> list[ShipmentEvent]:
    """The timeline, newest first (as carriers show it)."""
    return list(shipment.events.order_by("-at", "-pk"))


def public_shipment(tracking_no: str, phone4: str) -> Shipment:
    """The shipment when both the number and the last four digits of the recipient's phone match;
    Http404 otherwise, so that a number alone does not reveal whose parcel it is or where it goes."""
    tracking_no = (tracking_no or "").strip().upper()
    phone4 = (phone4 or "").strip()
    shipment = Shipment.objects.filter(tracking_no=tracking_no).first() if tracking_no else None
    if shipment is None or not re.fullmatch(r"\d{4}", phone4) \
            or not secrets.compare_digest(shipment.phone[-4:], phone4):
        raise Http404("未查询到运单，请核对运单号和收件电话后四位")
    return shipment




_CUT_RE = re.compile(r"^.*?[^省市州盟]{1,6}?(?<!自治)(?:区|县|旗)")


def short_address(address: str) -> str:
    """Up to the district: "湖南省云川市芙蓉区五一大道100号" → "湖南省云川市芙蓉区****"."""
    address = (address or "").strip()
    match = _CUT_RE.match(address[:24])
    head = match.group() if match else address[:6]
    return head + "****" if head != address else head


def public_view(shipment: Shipment) -> dict:
    """What public tracking shows: the timeline, with the recipient masked."""
    return {
        "tracking_no": shipment.tracking_no,
        "carrier": carrier_label(shipment.carrier),
        "status": {"code": shipment.status, "label": shipment.get_status_display()},
        "recipient": mask_name(shipment.recipient_name),
        "phone": mask_phone(shipment.phone),
        "address": short_address(shipment.address),
        "created_at": shipment.created_at,
        "delivered_at": shipment.delivered_at,
        "events": [{"at": e.at, "status": {"code": e.status, "label": e.get_status_display()},
                    "location": e.location, "description": e.description} for e in tracking(shipment)],
    }
