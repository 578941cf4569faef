"""Carrier adapters. settings.DELIVERY_CARRIER names the one in use.

A carrier registers a parcel (create → tracking number) and reports its progress (poll → the
events that are new since the last poll). The events are plain dicts:
{"key": carrier's event id, "at": aware datetime, "status": ShipmentStatus, "location", "description"}.
"""

import re
import secrets

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from tongban.delivery.models import Shipment, ShipmentStatus


class Carrier:
    name = ""
    label = ""

    def create(self, shipment: Shipment) -> str:
        """Register the parcel with the carrier; return its tracking number."""
        raise NotImplementedError

    def poll(self, shipment: Shipment) -> list[dict]:
        """The tracking events not reported before (may be empty)."""
        raise NotImplementedError


_DISTRICT_RE = re.compile(r"[^省市州盟]{1,6}?(?:区|县|旗)")


def district_of(address: str) -> str:
    """The 区/县 of a Chinese address ("湖南省云川市芙蓉区五一大道1号" → "芙蓉区"), or ""."""
    for match in _DISTRICT_RE.finditer(address or ""):
        if not match.group().endswith("自治区"):
            return match.group()
    return ""


class SimulatedCarrier(Carrier):
    """政务专递（模拟）: EMS-like 13-digit numbers; each poll moves the parcel one realistic step,
    from the city hall's mail window to the recipient's door."""

    name = "sim"
    label = "政务专递（模拟）"
    HOTLINE = "11183"  # the postal service's customer line, as printed on real 政务专递 slips

    def create(self, shipment: Shipment) -> str:
        while True:
            number = "119" + f"{secrets.randbelow(10**10):010d}"
            if not Shipment.objects.filter(tracking_no=number).exists():
                return number

    def poll(self, shipment: Shipment) -> list[dict]:
        city = settings.TONGBAN.get("CITY_NAME", "")
        district = district_of(shipment.address) or city
        steps = {
            ShipmentStatus.CREATED: (ShipmentStatus.PICKED_UP, f"{city}政务服务中心",
                                     f"【{city}政务服务中心】邮件已揽收，揽投员：王师傅，客服电话 {self.HOTLINE}"),
            ShipmentStatus.PICKED_UP: (ShipmentStatus.IN_TRANSIT, f"{city}邮件处理中心",
                                       f"【{city}邮件处理中心】邮件已到达，正在分拣，发往{district}投递部"),
            ShipmentStatus.IN_TRANSIT: (ShipmentStatus.OUT_FOR_DELIVERY, f"{district}投递部",
                                        f"【{district}投递部】邮件正在派送，投递员：李师傅，请保持电话畅通"),
            ShipmentStatus.OUT_FOR_DELIVERY: (ShipmentStatus.DELIVERED, f"{district}投递部",
                                              f"【{district}投递部】邮件已签收，签收人：本人签收。感谢使用政务专递"),
        }
        if shipment.status not in steps:
            return []
        status, location, description = steps[shipment.status]
        return [{"key": f"{shipment.tracking_no}-{status}", "at": timezone.now(), "status": status,
                 "location": location, "description": description}]


def get_carrier() -> Carrier:
    path = getattr(settings, "DELIVERY_CARRIER", "") or "tongban.delivery.carriers.SimulatedCarrier"
    return import_string(path)()


def carrier_for(shipment: Shipment) -> Carrier | None:
    """The configured carrier if it is the one that took this parcel (after switching carriers, the
    old parcels are no longer polled: their timeline stays as it was)."""
    carrier = get_carrier()
    return carrier if carrier.name == shipment.carrier else None


def carrier_label(name: str) -> str:
    carrier = get_carrier()
    return carrier.label if carrier.name == name else name
