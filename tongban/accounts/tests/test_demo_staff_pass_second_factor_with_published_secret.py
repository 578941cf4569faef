"""Someone trying the demo logs in as a member of staff with the README's published authenticator
secret, or with one of the printed backup codes."""

from base64 import b32decode

import pytest
from django.test import Client
from django_otp.oath import totp

from tongban.accounts.models import Role, StaffRole, User
from tongban.accounts.tests.support import force_login_password_only
from tongban.demo.data.accounts import DEMO_BACKUP_CODES, DEMO_TOTP_SECRET
from tongban.demo.loader import _give_demo_authenticator, demo_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(city):
    user = User.objects.create(username="approver_market", display_name="赵磊", is_staff=True)
    StaffRole.objects.create(user=user, role=Role.APPROVER, division=city)
    _give_demo_authenticator(user)
    _give_demo_authenticator(user)  # a second load changes nothing
    return user


def test_the_code_of_the_published_secret_lets_demo_staff_in(client, approver):
    force_login_password_only(client, approver)
    code = f"{totp(b32decode(DEMO_TOTP_SECRET)):06d}"
    response = client.post("/accounts/second-factor/", {"token": code, "next": "/inbox/"})
    assert response.status_code == 302 and response["Location"] == "/inbox/"
    assert client.get("/inbox/").status_code == 200


def test_a_printed_backup_code_works_once(approver):
    first, later = Client(), Client()
    force_login_password_only(first, approver)
    assert first.post("/accounts/second-factor/", {"token": DEMO_BACKUP_CODES[0]}).status_code == 302
    force_login_password_only(later, approver)
    assert later.post("/accounts/second-factor/", {"token": DEMO_BACKUP_CODES[0]}).status_code == 400


def test_the_printed_url_carries_the_secret():
    info = demo_second_factor()
    assert info["otpauth_url"].startswith("otpauth://totp/") and f"secret={DEMO_TOTP_SECRET}" in info["otpauth_url"]
    assert info["backup_codes"] == DEMO_BACKUP_CODES
