"""A window clerk logs in from the portal header (the same 登录 as applicants) and out again."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_staff_log_in_and_out(page):
    get_user_model().objects.create_user("clerk01", password="Yunchuan-2026!", display_name="李明")
    page.goto("/")
    page.get_by_role("link", name="登录", exact=True).click()
    page.wait_for_url("**/accounts/login/?next=/")
    page.get_by_label("用户名").fill("clerk01")
    page.get_by_label("密码").fill("wrong password")
    page.get_by_role("button", name="登录").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("用户名").get_attribute("aria-invalid") == "true"

    page.get_by_label("密码").fill("Yunchuan-2026!")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: url.endswith("/"))
    assert page.get_by_role("button", name="退出").is_visible()
    page.get_by_role("button", name="退出").click()
    page.get_by_role("heading", name="已退出登录").wait_for()  # the logout page, however busy the server
    assert page.get_by_role("heading", name="已退出登录").is_visible()
    assert page.get_by_role("link", name="登录", exact=True).is_visible()
