"""The gateway tells us an order was paid: only a correctly signed notify for the right amount pays
it, and a notify sent again (gateways resend until they hear "success") pays it once."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tongban.core.models import AuditEvent
from tongban.payments.gateways import SIGNATURE_HEADER, SimulatedGateway, sign
from tongban.payments.models import PaymentCallback
from tongban.payments.selectors import is_settled
from tongban.payments.services import handle_callback
from tongban.payments.signals import order_paid
from tongban.payments.tests.builders import REFERENCE, make_applicant, make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def order():
    return make_order(make_applicant())


@pytest.fixture
def paid_signals():
    received = []

    def listener(sender, order, **kwargs):
        received.append(order.order_no)

    order_paid.connect(listener)
    yield received
    order_paid.disconnect(listener)


def _notify(order, amount_cents=None):
    return SimulatedGateway().notify_for(order.order_no, order.amount_cents if amount_cents is None else amount_cents)


def test_signed_notify_pays_the_order_and_issues_a_receipt(order, paid_signals, django_capture_on_commit_callbacks):
    body, headers = _notify(order)
    with django_capture_on_commit_callbacks(execute=True):
        result, changed = handle_callback("sim", body, headers)
    order.refresh_from_db()
    assert changed is True and result == order
    assert order.status == "paid" and order.channel == "online"
    assert order.receipt_no.startswith("PJ") and order.paid_at is not None
    assert order.gateway_trade_no.startswith("SIM")
    assert paid_signals == [order.order_no]
    assert is_settled(REFERENCE)
    event = AuditEvent.objects.get(action="payments.order.paid")
    assert event.actor_label == "支付平台" and order.receipt_no in event.summary


def test_notify_with_a_bad_signature_is_refused_and_changes_nothing(order, paid_signals,
                                                                     django_capture_on_commit_callbacks):
    body, headers = _notify(order)
    forged = dict(json.loads(body), amount_cents=1)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError, match="签名无效"):
        handle_callback("sim", json.dumps(forged).encode(), headers)
    with pytest.raises(ValidationError, match="签名无效"):
        handle_callback("sim", body, {SIGNATURE_HEADER: sign({"x": 1})})
    with pytest.raises(ValidationError, match="签名无效"):
        handle_callback("sim", body, {})
    # Signed with another key (someone who guessed the format but not the secret).
    payload = json.loads(body)
    with pytest.raises(ValidationError, match="签名无效"):
        handle_callback("sim", body, {SIGNATURE_HEADER: sign(payload, key=b"not-our-key")})

    order.refresh_from_db()
    assert order.status == "pending" and order.receipt_no == "" and order.paid_at is None
    assert paid_signals == []
    assert not is_settled(REFERENCE)
    # Kept for the audit trail, but without the notify id: the genuine notify still goes through.
    assert PaymentCallback.objects.filter(signature_ok=False, notify_id__isnull=True).count() == 4
    assert AuditEvent.objects.filter(action="payments.callback.reject").count() == 4
    _, changed = handle_callback("sim", body, headers)
    assert changed is True


def test_the_same_notify_twice_pays_once(order, paid_signals, django_capture_on_commit_callbacks):
    body, headers = _notify(order)
    with django_capture_on_commit_callbacks(execute=True):
        first = handle_callback("sim", body, headers)
    order.refresh_from_db()
    receipt, paid_at = order.receipt_no, order.paid_at
    with django_capture_on_commit_callbacks(execute=True):
        second = handle_callback("sim", body, headers)
    assert first[1] is True and second[1] is False
    order.refresh_from_db()
    assert (order.receipt_no, order.paid_at) == (receipt, paid_at)
    assert paid_signals == [order.order_no]
    assert AuditEvent.objects.filter(action="payments.order.paid").count() == 1


def test_a_second_payment_of_a_paid_order_does_not_pay_again_and_is_flagged_for_refund(
        order, paid_signals, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        handle_callback("sim", *_notify(order))
    order.refresh_from_db()
    receipt, trade_no = order.receipt_no, order.gateway_trade_no
    with django_capture_on_commit_callbacks(execute=True):
        _, changed = handle_callback("sim", *_notify(order))  # the payer paid twice in two tabs
    assert changed is False
    order.refresh_from_db()
    assert (order.receipt_no, order.gateway_trade_no) == (receipt, trade_no)
    assert paid_signals == [order.order_no]
    flagged = AuditEvent.objects.get(action="payments.callback.already_paid")
    assert "需人工退款" in flagged.summary


def test_notify_for_the_wrong_amount_is_refused(order, paid_signals, django_capture_on_commit_callbacks):
    body, headers = _notify(order, amount_cents=order.amount_cents - 100)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError, match="金额不符"):
        handle_callback("sim", body, headers)
    # Resending it does not make it acceptable.
    with pytest.raises(ValidationError, match="金额不符"):
        handle_callback("sim", body, headers)
    order.refresh_from_db()
    assert order.status == "pending" and paid_signals == []
    assert PaymentCallback.objects.get().outcome == "amount_mismatch"


def test_notify_endpoint_answers_success_or_fail_in_plain_text(order):
    client = Client(enforce_csrf_checks=True)  # the gateway's server has no CSRF cookie
    body, headers = _notify(order)
    url = reverse("payment-notify", args=["sim"])
    bad = client.post(url, data=body, content_type="application/json",
                      headers={SIGNATURE_HEADER: "0" * 64})
    assert bad.status_code == 400 and bad.content == b"fail"
    ok = client.post(url, data=body, content_type="application/json", headers=headers)
    assert ok.status_code == 200 and ok.content == b"success"
    again = client.post(url, data=body, content_type="application/json", headers=headers)
    assert again.content == b"success"
    order.refresh_from_db()
    assert order.status == "paid"
    # Only the configured gateway may notify.
    assert client.post(reverse("payment-notify", args=["alipay"]), data=body,
                       content_type="application/json", headers=headers).status_code == 404
