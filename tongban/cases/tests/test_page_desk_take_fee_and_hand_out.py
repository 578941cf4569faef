"""综合窗口出件: take the fee of a decided case at the window, then hand the result out against the
pickup code; a wrong code or an unpaid case is refused with the reason."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import ActionKind, Case, DeliveryStatus
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.staff_support import TODAY, accepted_case
from tongban.payments.selectors import orders_for

pytestmark = pytest.mark.django_db

FEES = [{"name": "工本费", "standard": "每证10元", "basis": "发改价格〔2017〕1186号", "amount_cents": 1000}]


def decided(w):
    case = accepted_case(w)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    return act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision,
               results=[{"name": "食品经营许可证", "number": "JY14314000000001"}])


@freeze_time(TODAY)
def test_fee_at_the_window_then_pickup(client, django_capture_on_commit_callbacks):
    w = make_world(fees=FEES)
    case = decided(w)
    order = orders_for(case.number).get()
    client.force_login(w.clerk)

    page = client.get("/desk/").content.decode()
    assert case.number in page and "¥10.00" in page and "确认已收款" in page

    r = client.post("/desk/pickup/", {"number": case.number, "pickup_code": "000000"})
    assert r.status_code == 422 and "尚未缴费" in r.content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # "paid" reaches the case after commit
        r = client.post("/desk/payments/", {"order_no": order.order_no, "method": "cash"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.delivery_status == DeliveryStatus.READY
    page = client.get("/desk/").content.decode()
    assert f"已收款 ¥10.00（{case.number}），票据号码" in page

    r = client.post("/desk/pickup/", {"number": case.number, "pickup_code": "999999x"})
    assert r.status_code == 422 and "取件码不正确" in r.content.decode()
    r = client.post("/desk/pickup/", {"number": case.number, "pickup_code": case.pickup_code})
    assert r.status_code == 302
    assert Case.objects.get(pk=case.pk).delivery_status == DeliveryStatus.DELIVERED
    assert "已出件" in client.get("/desk/").content.decode()


@freeze_time(TODAY)
def test_orders_of_another_division_are_not_taken(client):
    from tongban.cases.tests.builders import make_user
    from tongban.catalog.tests.builders import make_division

    w = make_world(fees=FEES)
    case = decided(w)
    order = orders_for(case.number).get()
    elsewhere = make_division(code="439902", name="别的市")
    stranger = make_user("other-clerk", role="clerk", division=elsewhere)
    client.force_login(stranger)
    r = client.post("/desk/payments/", {"order_no": order.order_no, "method": "cash"})
    assert r.status_code == 422 and "未找到该缴费订单" in r.content.decode()
    r = client.post("/desk/pickup/", {"number": case.number, "pickup_code": "123456"})
    assert r.status_code == 422 and "未找到该办件" in r.content.decode()
    order.refresh_from_db()
    assert order.status == "pending"
