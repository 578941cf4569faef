"""An applicant opens their payment order, pays at the (simulated) gateway's cashier, comes back to
a paid order and opens the electronic receipt."""

import re

import pytest

from tongban.payments.models import PaymentOrder
from tongban.payments.tests.builders import make_applicant, make_order

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _log_in(page, order_no):
    page.goto(f"/pay/{order_no}/")
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("用户名").fill("zhangsan")
    page.get_by_label("密码").fill("Yunchuan-2026!")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"**/pay/{order_no}/")


def test_pay_at_the_cashier_and_see_the_receipt(page):
    order = make_order(make_applicant())
    _log_in(page, order.order_no)
    assert page.locator("#order-status").inner_text() == "待支付"
    page.get_by_role("button", name="立即支付 ¥35.50").click()

    page.wait_for_url(re.compile(rf"/pay/sim/{order.order_no}/\?t="))
    assert page.title() == "收银台 - 模拟支付平台"
    assert page.get_by_label("支付金额").inner_text() == "¥35.50"
    assert "食品经营许可证工本费" in page.get_by_label("收费明细").inner_text()
    page.get_by_role("button", name="确认支付").click()

    page.wait_for_url(f"**/pay/{order.order_no}/")
    assert page.locator("#order-status").inner_text() == "已支付"
    assert "缴费成功" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="查看电子票据").click()

    page.wait_for_url(f"**/pay/{order.order_no}/receipt/")
    order = PaymentOrder.objects.get(pk=order.pk)
    assert page.get_by_role("heading", level=1).inner_text() == "政务服务缴费电子票据"
    assert page.locator("#receipt-no").inner_text() == order.receipt_no
    assert page.locator("#receipt-amount").inner_text() == "¥35.50"
    assert "叁拾伍元伍角整" in page.locator(".receipt").inner_text()
    assert page.get_by_role("button", name="打印票据").is_visible()
    assert page.js_errors == []


def test_cancel_at_the_cashier_leaves_the_order_unpaid(page):
    order = make_order(make_applicant())
    _log_in(page, order.order_no)
    page.get_by_role("button", name=re.compile("立即支付")).click()
    page.get_by_role("button", name="取消").click()
    page.wait_for_url(f"**/pay/{order.order_no}/?cancelled=1")
    assert "您已取消本次支付" in page.get_by_role("status").inner_text()
    assert page.locator("#order-status").inner_text() == "待支付"
    assert PaymentOrder.objects.get(pk=order.pk).status == "pending"
