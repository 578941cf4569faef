"""Anyone holding the tracking number and the last four digits of the recipient's phone can follow
the parcel; the number alone shows nothing, and even then name, phone and address stay masked."""

import pytest

from tongban.delivery.services import poll_shipment
from tongban.delivery.tests.builders import make_shipment

pytestmark = pytest.mark.django_db


def test_api_needs_the_phone_digits(client):
    shipment = make_shipment()
    poll_shipment(shipment)
    url = f"/api/v1/shipments/{shipment.tracking_no}"
    for query in ("", "?phone4=0000", "?phone4=12", "?phone4=abcd"):
        response = client.get(url + query)
        assert response.status_code in (404, 422), query
        assert "13812341234" not in response.content.decode()
    missing = client.get(url + "?phone4=0000").json()
    assert missing == {"code": "not_found", "message": "未查询到运单，请核对运单号和收件电话后四位"}

    data = client.get(url + "?phone4=1234").json()
    assert data["status"] == {"code": "picked_up", "label": "已揽收"}
    assert data["carrier"] == "政务专递（模拟）"
    assert data["phone"] == "138****1234" and data["recipient"] == "张*"
    assert data["address"] == "湖南省云川市芙蓉区****"
    assert [e["status"]["label"] for e in data["events"]] == ["已揽收", "已交寄"]
    assert "五一大道" not in str(data)


def test_tracking_page_shows_the_timeline_only_with_the_phone_digits(client):
    shipment = make_shipment()
    poll_shipment(shipment)
    form = client.get("/track/")
    assert form.status_code == 200 and "收件电话后四位" in form.content.decode()

    wrong = client.get("/track/", {"no": shipment.tracking_no, "phone4": "4321"})
    assert wrong.status_code == 404
    assert "未查询到运单" in wrong.content.decode() and "已揽收" not in wrong.content.decode()

    page = client.get("/track/", {"no": shipment.tracking_no, "phone4": "1234"}).content.decode()
    for text in ("已揽收", "云川市政务服务中心", "138****1234", "张*", "湖南省云川市芙蓉区****"):
        assert text in page, text
    assert "13812341234" not in page and "五一大道" not in page
