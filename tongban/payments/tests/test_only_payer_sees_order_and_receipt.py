"""An applicant's order and receipt pages (and the API) are theirs alone: anyone else gets a 404,
as if the order did not exist."""

import pytest
from django.urls import reverse

from tongban.payments.gateways import SimulatedGateway
from tongban.payments.services import handle_callback
from tongban.payments.tests.builders import make_applicant, make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order():
    order = make_order(make_applicant())
    handle_callback("sim", *SimulatedGateway().notify_for(order.order_no, order.amount_cents))
    order.refresh_from_db()
    return order


def test_payer_sees_order_receipt_and_api(client, paid_order):
    client.force_login(paid_order.payer)
    page = client.get(reverse("payment-order", args=[paid_order.order_no])).content.decode()
    assert "已支付" in page and "¥35.50" in page and "查看电子票据" in page
    receipt = client.get(reverse("payment-receipt", args=[paid_order.order_no])).content.decode()
    for text in ("政务服务缴费电子票据", paid_order.receipt_no, "张三", "食品经营许可证工本费", "¥35.50",
                 "叁拾伍元伍角整", "云川市市场监督管理局", paid_order.gateway_trade_no):
        assert text in receipt, text
    data = client.get(f"/api/v1/payments/{paid_order.order_no}").json()
    assert data["status"] == {"code": "paid", "label": "已支付"}
    assert data["amount"] == "¥35.50" and data["receipt_no"] == paid_order.receipt_no
    assert [i["name"] for i in data["items"]] == ["食品经营许可证工本费", "现场核查费"]


def test_another_user_gets_404_everywhere(client, paid_order):
    client.force_login(make_applicant("lisi", "李四"))
    for name in ("payment-order", "payment-receipt"):
        assert client.get(reverse(name, args=[paid_order.order_no])).status_code == 404
    assert client.post(reverse("payment-start", args=[paid_order.order_no])).status_code == 404
    response = client.get(f"/api/v1/payments/{paid_order.order_no}")
    assert response.status_code == 404 and response.json() == {"code": "not_found", "message": "缴费订单不存在"}
    assert client.post(f"/api/v1/payments/{paid_order.order_no}/pay").status_code == 404
    # An unknown number looks the same as someone else's.
    assert client.get(reverse("payment-order", args=["PAY202601010000001"])).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, paid_order):
    response = client.get(reverse("payment-receipt", args=[paid_order.order_no]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    api = client.get(f"/api/v1/payments/{paid_order.order_no}")
    assert api.status_code == 401 and api.json()["message"] == "请先登录"


def test_unpaid_order_has_no_receipt_yet_and_can_be_paid_through_the_api(client):
    order = make_order(make_applicant())
    client.force_login(order.payer)
    response = client.get(reverse("payment-receipt", args=[order.order_no]))
    assert response.status_code == 302 and response["Location"] == reverse("payment-order", args=[order.order_no])
    url = client.post(f"/api/v1/payments/{order.order_no}/pay").json()["redirect_url"]
    assert url.startswith(f"http://testserver/pay/sim/{order.order_no}/?t=")
    cashier = client.get(url.removeprefix("http://testserver")).content.decode()
    assert "确认支付" in cashier and "¥35.50" in cashier


def test_a_paid_order_cannot_be_paid_again_through_the_api(client, paid_order):
    client.force_login(paid_order.payer)
    response = client.post(f"/api/v1/payments/{paid_order.order_no}/pay")
    assert response.status_code == 422 and response.json()["message"] == "该订单已支付，无需重复支付。"
