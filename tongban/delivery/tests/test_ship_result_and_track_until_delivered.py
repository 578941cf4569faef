"""A clerk posts the result; the carrier's reports, polled in the background, move the parcel from
the city hall to the applicant's door; delivery is announced once."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tongban.core.models import AuditEvent
from tongban.delivery.models import Shipment
from tongban.delivery.selectors import shipments_for, tracking
from tongban.delivery.services import mark_delivered, record_events
from tongban.delivery.signals import shipment_delivered
from tongban.delivery.tasks import poll_shipments
from tongban.delivery.tests.builders import REFERENCE, make_shipment

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered_signals():
    received = []

    def listener(sender, shipment, **kwargs):
        received.append(shipment.tracking_no)

    shipment_delivered.connect(listener)
    yield received
    shipment_delivered.disconnect(listener)


def test_shipment_gets_a_tracking_number_and_a_first_event():
    shipment = make_shipment()
    assert re.fullmatch(r"119\d{10}", shipment.tracking_no)
    assert shipment.status == "created" and shipment.carrier == "sim"
    [event] = tracking(shipment)
    assert event.status == "created" and "寄递窗口已收寄" in event.description
    assert list(shipments_for(REFERENCE)) == [shipment]
    assert AuditEvent.objects.get(action="delivery.shipment.create").summary.startswith("交寄 政务专递（模拟） 运单")


@pytest.mark.parametrize("field, value, message", [
    ("phone", "1381234", "“收件电话”应为11位手机号码"),
    ("phone", "23812341234", "“收件电话”应为11位手机号码"),
    ("address", "芙蓉区", "请填写完整的“邮寄地址”（省市区、街道、门牌号）"),
    ("address", "Room 502, Building 3", "请填写完整的“邮寄地址”（省市区、街道、门牌号）"),
    ("recipient_name", " ", "请填写“收件人”"),
    ("items", "", "请填写“寄递物品”"),
])
def test_bad_mailing_details_are_refused_in_chinese(field, value, message):
    with pytest.raises(ValidationError) as info:
        make_shipment(**{field: value})
    assert info.value.message_dict[field] == [message]
    assert not Shipment.objects.exists()


def test_polls_move_the_parcel_to_delivered_and_announce_it_once(delivered_signals,
                                                                  django_capture_on_commit_callbacks):
    shipment = make_shipment()
    seen = []
    for _ in range(6):  # more polls than steps: nothing happens after delivery
        with django_capture_on_commit_callbacks(execute=True):
            result = poll_shipments.call()
        shipment.refresh_from_db()
        seen.append(shipment.status)
        assert result["failed"] == 0
    assert seen == ["picked_up", "in_transit", "out_for_delivery", "delivered", "delivered", "delivered"]
    assert shipment.delivered_at is not None
    assert delivered_signals == [shipment.tracking_no]

    timeline = tracking(shipment)
    assert [e.get_status_display() for e in timeline] == ["已签收", "派送中", "运输中", "已揽收", "已交寄"]
    assert timeline[-2].location == "云川市政务服务中心" and "已揽收" in timeline[-2].description
    assert timeline[1].location == "芙蓉区投递部"
    assert "本人签收" in timeline[0].description
    assert AuditEvent.objects.filter(action="delivery.shipment.delivered").count() == 1

    # Recording delivery by hand afterwards changes nothing and announces nothing.
    with django_capture_on_commit_callbacks(execute=True):
        mark_delivered(None, shipment)
    assert delivered_signals == [shipment.tracking_no] and len(tracking(shipment)) == 5


def test_the_same_carrier_report_twice_is_recorded_once(delivered_signals, django_capture_on_commit_callbacks):
    shipment = make_shipment()
    report = [{"key": "EV-1", "at": timezone.now(), "status": "picked_up", "location": "云川市政务服务中心",
               "description": "邮件已揽收"}]
    assert len(record_events(shipment, report)) == 1
    assert record_events(shipment, report) == []
    # A late report of an earlier step joins the timeline but does not move the status back.
    late = [{"key": "EV-0", "at": timezone.now(), "status": "created", "description": "补录：已交寄"}]
    record_events(shipment, late)
    shipment.refresh_from_db()
    assert shipment.status == "picked_up" and len(tracking(shipment)) == 3


def test_clerk_confirms_delivery_by_hand(delivered_signals, django_capture_on_commit_callbacks):
    shipment = make_shipment()
    with django_capture_on_commit_callbacks(execute=True):
        mark_delivered("窗口人员", shipment, note="申请人来电确认已收到")
    shipment.refresh_from_db()
    assert shipment.status == "delivered" and delivered_signals == [shipment.tracking_no]
    assert tracking(shipment)[0].description == "申请人来电确认已收到"
    # Later polls leave a delivered parcel alone.
    assert poll_shipments.call()["polled"] == 0
