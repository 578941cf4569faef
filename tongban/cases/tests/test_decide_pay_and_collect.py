"""准予 → 缴费 → 窗口出件 / 邮寄: nothing is handed out unpaid."""

import pytest
from django.core.exceptions import ValidationError

from tongban.cases.models import ActionKind, DeliveryStatus
from tongban.cases.services.delivery import choose_delivery, hand_over, ship
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, submitted_case
from tongban.payments.selectors import orders_for
from tongban.payments.services import record_window_payment

pytestmark = pytest.mark.django_db

FEES = [{"name": "工本费", "standard": "每证10元", "basis": "发改价格〔2017〕1186号", "amount_cents": 1000}]


def decided(w):
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    return act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision,
               results=[{"name": "食品经营许可证", "number": "JY14314000000001"}])


def test_fee_must_be_paid_before_pickup(django_capture_on_commit_callbacks):
    w = make_world(fees=FEES)
    case = decided(w)
    assert case.delivery_status == DeliveryStatus.AWAITING_PAYMENT
    order = orders_for(case.number).get()
    assert order.amount_cents == 1000

    with pytest.raises(ValidationError) as err:
        hand_over(w.clerk, case, pickup_code="000000")
    assert "缴费" in str(err.value)

    with django_capture_on_commit_callbacks(execute=True):  # the payment signal fires on commit
        record_window_payment(w.clerk, order, "scan")
    case.refresh_from_db()
    assert case.delivery_status == DeliveryStatus.READY and len(case.pickup_code) == 6

    with pytest.raises(ValidationError):
        hand_over(w.clerk, case, pickup_code="x")
    case = hand_over(w.clerk, case, pickup_code=case.pickup_code)
    assert case.delivery_status == DeliveryStatus.DELIVERED


def test_express_delivery_ends_when_the_parcel_is_signed_for(django_capture_on_commit_callbacks):
    w = make_world()
    case = submitted_case(w)
    with pytest.raises(ValidationError) as err:
        choose_delivery(w.applicant, case, method="express", recipient="张三", phone="123", address="云川")
    assert "收件电话" in str(err.value) and "邮寄地址" in str(err.value)
    choose_delivery(w.applicant, case, method="express", recipient="张三", phone="13800001234",
                    address="云川市芙蓉区人民路8号3栋201室")
    case.refresh_from_db()
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    case = act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision)
    assert case.delivery_status == DeliveryStatus.READY and case.pickup_code == ""
    case = ship(w.clerk, case)
    assert case.delivery_status == DeliveryStatus.SHIPPED

    from tongban.delivery.models import Shipment
    from tongban.delivery.tasks import poll_shipments

    for _ in range(6):
        with django_capture_on_commit_callbacks(execute=True):
            poll_shipments.call()
    shipment = Shipment.objects.get(reference=case.number)
    assert shipment.status == "delivered"
    case.refresh_from_db()
    assert case.delivery_status == DeliveryStatus.DELIVERED
    assert case.events.filter(action="delivered").count() == 1


def test_denial_needs_reasons_and_produces_a_decision_notice():
    from tongban.cases import notices

    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    with pytest.raises(ValidationError):
        act(w.approver, case, ActionKind.DENY, expected_revision=case.revision, comment="")
    case = act(w.approver, case, ActionKind.DENY, expected_revision=case.revision,
               comment="经现场核查，经营场所与污染源距离不足25米，不符合《食品经营许可审查通则》要求。")
    assert case.outcome == "denied"
    assert notices.title_of(case, "decision") == "不予许可决定书"
    assert notices.render(case, "decision").startswith(b"%PDF")
