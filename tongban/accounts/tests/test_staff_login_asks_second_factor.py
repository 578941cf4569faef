"""A member of staff logs in with the password and is asked for the authenticator's code before any
staff page, the admin or the API answers; an applicant is not asked."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tongban.accounts.models import Role, StaffRole, User
from tongban.accounts.second_factor import give_device
from tongban.accounts.tests.support import force_login_password_only
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Hall-Qz7-yunchuan"
KEY = "3132333435363738393031323334353637383930"  # RFC 6238 test secret "12345678901234567890"


@pytest.fixture
def clerk(city):
    user = User.objects.create(username="clerk01", display_name="王芳", is_staff=True,
                               password=make_password(PASSWORD))
    StaffRole.objects.create(user=user, role=Role.CLERK, division=city)
    return user


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def test_staff_with_an_authenticator_are_sent_to_the_second_step_after_the_password(client, clerk):
    give_device("管理员", clerk, key_hex=KEY)
    response = client.post("/accounts/login/", {"username": "clerk01", "password": PASSWORD, "next": "/desk/"})
    assert response.status_code == 302 and response["Location"] == "/desk/"

    for url in ("/desk/", "/inbox/", "/admin/", "/my/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/second-factor/?next="), url
    page = client.get("/accounts/second-factor/?next=/desk/")
    assert "动态验证码" in page.content.decode()


def test_the_api_answers_staff_without_second_factor_with_a_chinese_error(client, clerk):
    force_login_password_only(client, clerk)
    response = client.get("/api/v1/cases")
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_required"
    assert "双因素认证" in response.json()["message"]


def test_a_wrong_code_fails_and_the_right_one_opens_the_desk(client, clerk):
    device = give_device("管理员", clerk, key_hex=KEY)
    force_login_password_only(client, clerk)

    wrong = client.post("/accounts/second-factor/", {"token": "000000", "next": "/desk/"})
    assert wrong.status_code == 400
    assert "验证码不正确" in wrong.content.decode()
    assert client.get("/desk/").status_code == 302  # still not through
    assert AuditEvent.objects.filter(action="accounts.second_factor.fail", object_id=str(clerk.pk)).exists()

    device.throttle_reset()  # the wrong code made the device wait a second before the next try
    right = client.post("/accounts/second-factor/", {"token": code_for(device), "next": "/desk/"})
    assert right.status_code == 302 and right["Location"] == "/desk/"
    assert client.get("/desk/").status_code == 200


def test_the_same_code_cannot_be_used_twice(clerk):
    device = give_device("管理员", clerk, key_hex=KEY)
    code = code_for(device)
    first, second = Client(), Client()
    force_login_password_only(first, clerk)
    force_login_password_only(second, clerk)
    assert first.post("/accounts/second-factor/", {"token": code}).status_code == 302
    # A code seen over someone's shoulder is worth nothing once used (RFC 6238 §5.2).
    assert second.post("/accounts/second-factor/", {"token": code}).status_code == 400


def test_a_backup_code_works_once(client, clerk):
    give_device("管理员", clerk, key_hex=KEY, backup_codes=["yc-backup1", "yc-backup2"])
    force_login_password_only(client, clerk)
    response = client.post("/accounts/second-factor/", {"token": "YC-BACKUP1", "next": "/desk/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/desk/"
    assert "还剩 1 个" in response.content.decode()

    again = Client()
    force_login_password_only(again, clerk)
    assert again.post("/accounts/second-factor/", {"token": "yc-backup1"}).status_code == 400


def test_staff_without_an_authenticator_must_enrol_first(client, clerk):
    force_login_password_only(client, clerk)
    response = client.get("/desk/")
    assert response["Location"].startswith("/accounts/second-factor/?next=")
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].startswith("/accounts/second-factor/enrol/")
    enrol = client.get(response["Location"])
    assert enrol.status_code == 200 and "<svg" in enrol.content.decode()
    device = TOTPDevice.objects.get(user=clerk, confirmed=False)

    assert client.post("/accounts/second-factor/enrol/", {"token": "123"}).status_code == 400
    done = client.post("/accounts/second-factor/enrol/", {"token": code_for(device), "next": "/desk/"})
    assert done.status_code == 302 and done["Location"].startswith("/accounts/second-factor/backup-codes/")
    codes_page = client.get(done["Location"]).content.decode()
    assert codes_page.count("<li><code>") == 10
    assert client.get("/desk/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.second_factor.enrol").count() == 1


def test_a_password_alone_cannot_replace_an_enrolled_authenticator(client, clerk):
    give_device("管理员", clerk, key_hex=KEY)
    force_login_password_only(client, clerk)
    response = client.get("/accounts/second-factor/enrol/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/second-factor/?")
    assert not TOTPDevice.objects.filter(user=clerk, confirmed=False).exists()


def test_an_applicant_is_not_asked_for_a_second_factor(client):
    User.objects.create(username="zhangsan", display_name="张三", password=make_password(PASSWORD))
    response = client.post("/accounts/login/", {"username": "zhangsan", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/my/cases/").status_code == 200
