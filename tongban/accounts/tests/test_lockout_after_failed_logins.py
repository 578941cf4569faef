"""Someone guesses a password: after five failures the user name is locked from that address for
30 minutes, with a Chinese message, even for the right password; other addresses are not."""

from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client
from freezegun import freeze_time

from tongban.accounts.models import User
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Hall-Qz7-yunchuan"


@pytest.fixture
def user(db):
    return User.objects.create(username="approver01", display_name="赵磊", is_staff=True,
                               password=make_password(PASSWORD))


def attempt(client, password, ip="203.0.113.7"):
    return client.post("/accounts/login/", {"username": "approver01", "password": password}, REMOTE_ADDR=ip)


def test_five_failures_lock_the_user_name_from_that_address_for_30_minutes(user):
    client = Client()
    for _ in range(4):
        response = attempt(client, "wrong-password")
        assert response.status_code == 200 and "请输入一个正确的" in response.content.decode()
    locked = attempt(client, "wrong-password")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "连续 5 次登录失败" in text and "30 分钟后再试" in text

    # Locked: the right password does not get in either, and does not reveal that it was right.
    right = attempt(client, PASSWORD)
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="accounts.login.locked_out", object_id="approver01").exists()

    # Another address (the real owner at the office) is not locked out by the guesser.
    assert attempt(Client(), PASSWORD, ip="198.51.100.20").status_code == 302


def test_the_lock_opens_after_30_minutes(user):
    client = Client()
    for _ in range(5):
        attempt(client, "wrong-password")
    with freeze_time(timedelta(minutes=29), tick=True):
        assert attempt(Client(), PASSWORD).status_code == 429
    with freeze_time(timedelta(minutes=61), tick=True):
        # (the attempt at minute 29 started the 30 minutes again)
        assert attempt(Client(), PASSWORD).status_code == 302


def test_a_successful_login_clears_earlier_failures(user):
    client = Client()
    for _ in range(4):
        attempt(client, "wrong-password")
    assert attempt(client, PASSWORD).status_code == 302
    other = Client()
    for _ in range(4):
        assert attempt(other, "wrong-password").status_code == 200
