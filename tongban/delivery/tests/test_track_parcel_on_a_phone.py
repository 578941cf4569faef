"""On a phone, the applicant types the tracking number and the last four phone digits and reads the
parcel's timeline, newest step first, without scrolling sideways."""

import pytest

from tongban.delivery.services import poll_shipment
from tongban.delivery.tests.builders import make_shipment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def browser_context_args():
    return {"viewport": {"width": 375, "height": 740}, "locale": "zh-CN", "is_mobile": True, "has_touch": True}


def test_track_a_parcel_on_a_phone(page):
    shipment = make_shipment()
    for _ in range(3):
        poll_shipment(shipment)
    page.goto("/track/")
    page.get_by_label("运单号").fill(shipment.tracking_no)
    page.get_by_label("收件电话后四位").fill("1234")
    page.get_by_role("button", name="查询").click()

    page.wait_for_url("**/track/?no=*")
    assert page.locator("#track-status").inner_text() == "派送中"
    steps = page.get_by_label("物流轨迹").locator("li")
    assert steps.count() == 4
    assert steps.first.inner_text().startswith("派送中")
    assert "已交寄" in steps.last.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    assert page.js_errors == []
