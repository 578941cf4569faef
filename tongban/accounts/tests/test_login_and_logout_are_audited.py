"""Logins, failed logins, the second factor and logouts appear in the platform's audit log, with the
client's address and the channel (网站, 移动端, 管理后台); a user name that is an ID or phone number is
masked there, even when it was mistyped."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tongban.accounts.models import Role, User
from tongban.catalog.tests.staff_builders import make_staff
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Hall-Qz7-yunchuan"
ID_NUMBER = "430102199003071235"
PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


def _events(action: str):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def _login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_a_login_and_a_logout_on_the_website():
    user = User.objects.create(username="clerk01", display_name="李明", password=make_password(PASSWORD))
    client = Client()
    assert _login(client, "clerk01", "wrong password", REMOTE_ADDR="203.0.113.7").status_code == 200
    [failed] = _events("accounts.login.failed")
    assert failed.actor is None and "clerk01" in failed.summary and "网站" in failed.summary
    assert failed.ip == "203.0.113.7" and failed.data["channel"] == "web" and "password" not in failed.data

    assert _login(client, "clerk01", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302
    [login] = _events("accounts.login")
    assert login.actor == user and login.actor_label == "李明" and login.object_id == str(user.pk)
    assert login.ip == "203.0.113.7" and login.summary == "clerk01 登录（网站）"

    client.post("/accounts/logout/", REMOTE_ADDR="203.0.113.7")
    [logout] = _events("accounts.logout")
    assert logout.actor == user and logout.summary == "clerk01 退出登录（网站）"


def test_an_id_number_as_user_name_is_masked_even_when_mistyped():
    User.objects.create(username=ID_NUMBER, display_name="张三", password=make_password(PASSWORD))
    client = Client()
    mistyped = ID_NUMBER[:-1] + "9"  # a wrong check digit: not a valid number, still personal
    _login(client, mistyped, PASSWORD, HTTP_USER_AGENT=PHONE_UA)
    _login(client, ID_NUMBER, PASSWORD, HTTP_USER_AGENT=PHONE_UA)
    failed, login = _events("accounts.login.failed")[0], _events("accounts.login")[0]
    assert failed.object_id == "4301**********1239" and failed.data["username"] == "4301**********1239"
    assert login.summary == "4301**********1235 登录（移动端）" and login.data["channel"] == "mobile"
    for event in AuditEvent.objects.all():
        text = f"{event.summary} {event.object_id} {event.data}"
        assert ID_NUMBER not in text and mistyped not in text


def test_staff_logging_in_to_the_admin_and_passing_the_second_factor(city):
    admin = make_staff("platform-admin", Role.ADMIN, city)
    admin.set_password(PASSWORD)
    admin.save()
    device = TOTPDevice.objects.create(user=admin, name="手机", confirmed=True)
    client = Client()
    r = client.post("/admin/login/?next=/admin/", {"username": "platform-admin", "password": PASSWORD,
                                                  "next": "/admin/"}, REMOTE_ADDR="198.51.100.20")
    assert r.status_code == 302
    [login] = _events("accounts.login")
    assert login.actor == admin and login.data["channel"] == "admin" and "管理后台" in login.summary

    code = format(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits), "06d")
    client.post("/accounts/second-factor/", {"token": code, "next": "/admin/"}, REMOTE_ADDR="198.51.100.20")
    [passed] = _events("accounts.login.second_factor")
    assert passed.actor == admin and passed.ip == "198.51.100.20"


@override_settings(TONGBAN_PROXY_COUNT=1)
def test_behind_the_proxy_the_client_address_is_the_one_the_proxy_saw():
    User.objects.create(username="clerk01", password=make_password(PASSWORD))
    # The client wrote its own X-Forwarded-For entry; the proxy appended the address it was connected from.
    _login(Client(), "clerk01", PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert _events("accounts.login")[0].ip == "203.0.113.9"
