"""The simulated cashier pays without money: it must only exist in the demo, and its links cannot be
altered to pay a different amount or to send the payer elsewhere."""

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongban.payments.gateways import Gateway, SimulatedGateway
from tongban.payments.services import handle_callback, start_online_payment
from tongban.payments.tests.builders import make_applicant, make_order

pytestmark = pytest.mark.django_db


class BankGateway(Gateway):
    """Stands for a real gateway configured in production."""

    name = "bank"
    label = "某银行"


def test_no_simulated_cashier_or_notify_once_a_real_gateway_is_configured(client, settings):
    order = make_order(make_applicant())
    client.force_login(order.payer)
    url = start_online_payment(order.payer, order, base_url="http://testserver/")
    settings.PAYMENT_GATEWAY = f"{__name__}.BankGateway"
    assert client.get(url.removeprefix("http://testserver")).status_code == 404
    body, headers = SimulatedGateway().notify_for(order.order_no, order.amount_cents)
    with pytest.raises(ValidationError, match="未知的支付渠道"):
        handle_callback("sim", body, headers)
    assert client.post(reverse("payment-notify", args=["sim"]), data=body, content_type="application/json",
                       headers=headers).status_code == 404
    order.refresh_from_db()
    assert order.status == "pending"


def test_altered_cashier_links_are_refused(client):
    order = make_order(make_applicant())
    cashier = reverse("payment-sim-cashier", args=[order.order_no])
    cheap = signing.dumps({"o": order.order_no, "a": 1, "r": "https://evil.example/", "n": ""}, salt="other")
    response = client.post(cashier, {"t": cheap, "action": "confirm"})
    assert response.status_code == 400 and "支付链接无效" in response.content.decode()
    # A genuine link of another order does not pay this one.
    other = make_order(order.payer, items=[{"name": "工本费", "amount_cents": 1}])
    other_url = start_online_payment(other.payer, other, base_url="http://testserver/")
    token = other_url.split("?t=", 1)[1]
    assert client.post(cashier, {"t": token, "action": "confirm"}).status_code == 400
    order.refresh_from_db()
    assert order.status == "pending"
