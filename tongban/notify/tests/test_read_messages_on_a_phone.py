"""On a phone, a person logs in, sees the unread count, opens a message, follows it to the case."""

import pytest
from django.contrib.auth import get_user_model

from tongban.notify.services import notify

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def browser_context_args():
    return {"viewport": {"width": 375, "height": 740}, "locale": "zh-CN", "is_mobile": True, "has_touch": True}


def test_read_a_message_on_a_phone(page):
    user = get_user_model().objects.create_user("zhangsan", password="Yunchuan-2026!", display_name="张三")
    notify(user=user, subject="受理通知：YC2025000001", channels=("site",), reference="YC2025000001",
           body="您申请的“食品经营许可（新办）”已受理，承诺于2025年10月27日前办结。" * 3,
           link="/my/messages/")
    notify(user=user, subject="补正通知", body="请补正营业执照复印件。", channels=("site",))

    page.goto("/my/messages/")
    page.get_by_label("用户名").fill("zhangsan")
    page.get_by_label("密码").fill("Yunchuan-2026!")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/my/messages/")
    assert page.locator("#unread-count").inner_text() == "您有 2 条未读消息。"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("link", name="受理通知：YC2025000001").click()
    assert page.get_by_role("heading", name="受理通知：YC2025000001").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="查看 YC2025000001").click()
    page.wait_for_url("**/my/messages/")
    assert page.locator("#unread-count").inner_text() == "您有 1 条未读消息。"
    page.get_by_role("button", name="全部标为已读").click()
    assert page.locator("#unread-count").inner_text() == "没有未读消息。"
    assert page.js_errors == []
