"""A result is handed out only when nothing is left to pay for its case (is_settled)."""

import pytest
from django.core.exceptions import ValidationError

from tongban.core.models import AuditEvent
from tongban.payments.gateways import SimulatedGateway
from tongban.payments.selectors import is_settled, orders_for, pending_amount_cents
from tongban.payments.services import cancel_order, handle_callback
from tongban.payments.tests.builders import REFERENCE, make_applicant, make_order

pytestmark = pytest.mark.django_db


def test_settled_only_when_no_order_is_pending():
    payer = make_applicant()
    assert is_settled(REFERENCE)  # a matter without fees: nothing to pay
    first = make_order(payer)
    second = make_order(payer, items=[{"name": "补证工本费", "amount_cents": 500}])
    other_case = make_order(payer, reference="OTHER-CASE")
    assert not is_settled(REFERENCE) and pending_amount_cents(REFERENCE) == 4050
    assert list(orders_for(REFERENCE)) == [second, first]

    handle_callback("sim", *SimulatedGateway().notify_for(first.order_no, first.amount_cents))
    assert not is_settled(REFERENCE)  # the second order is still unpaid

    cancel_order(None, second, "补证费用减免")
    assert is_settled(REFERENCE)
    assert not is_settled(other_case.reference)


def test_cancel_needs_a_reason_and_only_an_unpaid_order():
    payer = make_applicant()
    order = make_order(payer)
    with pytest.raises(ValidationError) as info:
        cancel_order(payer, order, "  ")
    assert info.value.message_dict == {"reason": ["请填写“取消原因”"]}
    cancel_order(payer, order, "申请人撤回申请")
    order.refresh_from_db()
    assert order.status == "cancelled" and order.cancel_reason == "申请人撤回申请"
    assert AuditEvent.objects.get(action="payments.order.cancel").summary.endswith("申请人撤回申请")
    with pytest.raises(ValidationError, match="该订单已取消，不能取消"):
        cancel_order(payer, order, "再次取消")


def test_money_arriving_for_a_cancelled_order_does_not_reopen_it():
    payer = make_applicant()
    order = make_order(payer)
    cancel_order(None, order, "费用减免")
    _, changed = handle_callback("sim", *SimulatedGateway().notify_for(order.order_no, order.amount_cents))
    order.refresh_from_db()
    assert changed is False and order.status == "cancelled" and order.receipt_no == ""
    assert "需人工退款" in AuditEvent.objects.get(action="payments.callback.not_payable").summary
