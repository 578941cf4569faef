"""In a real browser: a new window clerk logs in with the password, is asked to bind an authenticator
(QR code and secret), types the code the app would show, keeps the backup codes and reaches the
desk; the next login asks for the code."""

from base64 import b32decode

import pytest
from django.contrib.auth.hashers import make_password
from django_otp.oath import totp

from tongban.accounts.models import Role, StaffRole, User

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Hall-Qz7-yunchuan"


def code_from(secret_text: str) -> str:
    """What an authenticator app shows now for the secret typed in by hand (RFC 6238)."""
    raw = secret_text.replace(" ", "")
    return f"{totp(b32decode(raw + '=' * (-len(raw) % 8))):06d}"


def log_in_with_password(page, next_url="/desk/"):
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("用户名").fill("clerk01")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_clerk_binds_an_authenticator_and_reaches_the_desk(page, city):
    clerk = User.objects.create(username="clerk01", display_name="王芳", is_staff=True,
                                password=make_password(PASSWORD))
    StaffRole.objects.create(user=clerk, role=Role.CLERK, division=city)

    log_in_with_password(page)
    page.wait_for_url("**/accounts/second-factor/enrol/**")
    assert page.get_by_role("heading", name="绑定身份验证器").is_visible()
    assert page.locator("figure.otp-qr svg").is_visible()
    secret = page.locator("#otp-secret").inner_text()

    page.get_by_label("验证码").fill("000000")
    page.get_by_role("button", name="绑定").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("验证码").get_attribute("aria-invalid") == "true"
    assert page.locator("#otp-secret").inner_text() == secret  # the same secret: keep scanning works

    page.get_by_label("验证码").fill(code_from(secret))
    page.get_by_role("button", name="绑定").click()
    page.wait_for_url("**/accounts/second-factor/backup-codes/**")
    assert page.get_by_role("list", name="备用验证码").locator("li").count() == 10
    page.get_by_role("link", name="继续").click()
    page.wait_for_url("**/desk/")
    assert page.get_by_role("heading", name="综合窗口").first.is_visible()
    assert not page.js_errors

    page.get_by_role("button", name="退出").click()
    log_in_with_password(page)
    page.wait_for_url("**/accounts/second-factor/?next=**")
    assert page.get_by_role("heading", name="双因素认证").is_visible()
