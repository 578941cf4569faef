"""A window clerk takes the fee in cash, by card or by scanned code; the order is paid, a receipt
number is issued, and the audit log says who took it and how."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongban.accounts.models import Role, StaffRole, User
from tongban.core.models import AuditEvent
from tongban.payments.selectors import is_settled
from tongban.payments.services import record_window_payment
from tongban.payments.signals import order_paid
from tongban.payments.tests.builders import REFERENCE, make_applicant, make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(city):
    user = User.objects.create_user("clerk01", password="Yunchuan-2026!", display_name="李明")
    StaffRole.objects.create(user=user, role=Role.CLERK, division=city)
    return user


def test_clerk_records_a_cash_payment(clerk, django_capture_on_commit_callbacks):
    order = make_order(make_applicant())
    announced = []
    order_paid.connect(receiver := lambda sender, order, **kw: announced.append(order.order_no))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record_window_payment(clerk, order, "cash")
    finally:
        order_paid.disconnect(receiver)
    order.refresh_from_db()
    assert order.status == "paid" and order.channel == "window" and order.window_method == "cash"
    assert order.receipt_no and order.paid_at
    assert announced == [order.order_no] and is_settled(REFERENCE)
    event = AuditEvent.objects.get(action="payments.order.window_paid")
    assert event.actor == clerk and event.actor_label == "李明"
    assert "窗口缴费（现金）" in event.summary and order.receipt_no in event.summary
    assert event.data == {"method": "cash", "amount_cents": 3550}

    with pytest.raises(ValidationError, match="该订单已支付，不能登记缴费"):
        record_window_payment(clerk, order, "card")
    assert AuditEvent.objects.filter(action="payments.order.window_paid").count() == 1


def test_only_a_clerk_may_record_a_window_payment(clerk):
    payer = make_applicant()
    order = make_order(payer)
    with pytest.raises(PermissionDenied, match="只有综合窗口人员可以登记窗口缴费"):
        record_window_payment(payer, order, "cash")
    with pytest.raises(ValidationError) as info:
        record_window_payment(clerk, order, "cheque")
    assert info.value.message_dict == {"method": ["请选择“缴费方式”（现金、银行卡或扫码支付）"]}
    order.refresh_from_db()
    assert order.status == "pending"
