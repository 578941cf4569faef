"""The applicant chooses how to receive the result; the window hands it out against the code."""

import pytest

from tongban.cases.tests.api_support import call, decided
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def test_express_needs_a_complete_address_named_field_by_field(client, w):
    case = submitted_case(w)
    client.force_login(w.applicant)
    res = call(client, "PUT", f"/api/v1/cases/{case.number}/delivery",
               {"method": "express", "recipient": "", "phone": "123", "address": "云川"})
    assert res.status_code == 422
    fields = res.json()["fields"]
    assert set(fields) == {"recipient", "phone", "address"}
    assert fields["phone"] == ["“收件电话”应为11位手机号码"]

    res = call(client, "PUT", f"/api/v1/cases/{case.number}/delivery",
               {"method": "express", "recipient": "张三", "phone": "13800001234",
                "address": "云川市芙蓉区人民路8号3栋201室"})
    assert res.status_code == 200, res.content
    delivery = res.json()["delivery"]
    assert delivery["method"]["label"] == "邮政快递送达" and delivery["phone"] == "138****1234"


def test_window_pickup_with_the_code(client, w):
    case = decided(w, submitted_case(w))
    client.force_login(w.clerk)
    wrong_code = "000000" if case.pickup_code != "000000" else "111111"
    wrong = call(client, "POST", f"/api/v1/cases/{case.number}/hand-over", {"pickup_code": wrong_code})
    assert wrong.status_code == 422 and wrong.json()["fields"] == {"pickup_code": ["取件码不正确"]}
    res = call(client, "POST", f"/api/v1/cases/{case.number}/hand-over", {"pickup_code": case.pickup_code})
    assert res.status_code == 200, res.content
    assert res.json()["delivery"]["status"]["label"] == "已送达"


def test_someone_else_cannot_redirect_my_result(client, w):
    case = submitted_case(w)
    client.force_login(w.other_applicant)
    res = call(client, "PUT", f"/api/v1/cases/{case.number}/delivery", {"method": "window"})
    assert res.status_code == 404
