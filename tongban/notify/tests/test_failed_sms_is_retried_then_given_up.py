"""The SMS gateway is down: the message is retried after 1, 5, 30 and 120 minutes, then given up
(dead) after the 5th attempt; the error kept for the operator shows the number masked."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.accounts.models import User
from tongban.notify.models import Status
from tongban.notify.sending import deliver, deliver_due
from tongban.notify.services import notify
from tongban.notify.tests.support import FailingBackend

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def gateway_down(settings):
    settings.NOTIFY_BACKENDS = {**settings.NOTIFY_BACKENDS, "sms": "tongban.notify.tests.support.FailingBackend"}
    FailingBackend.calls = 0


def test_backoff_then_dead(gateway_down):
    user = User.objects.create(username="zhang", phone="13812341234")
    with freeze_time(T0):
        [site, sms] = notify(user=user, subject="受理通知", body="您的申请已受理。", reference="YC2025000001")
        assert deliver_due() == {"sent": 1, "failed": 1}
    site.refresh_from_db()
    assert site.status == Status.SENT

    waits = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]
    now = T0
    for attempt, wait in enumerate(waits, start=1):
        sms.refresh_from_db()
        assert (sms.status, sms.attempts) == (Status.FAILED, attempt)
        assert sms.next_attempt_at == now + wait
        assert sms.last_error == "ConnectionError: 短信网关超时：138****1234"
        with freeze_time(now + wait - timedelta(seconds=1)):
            assert deliver_due() == {}  # not due yet
        now += wait
        with freeze_time(now):
            assert deliver_due() == {"dead" if attempt == 4 else "failed": 1}

    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (Status.DEAD, 5)
    assert FailingBackend.calls == 5
    with freeze_time(now + timedelta(days=1)):
        assert deliver_due() == {} and deliver(sms.pk) is None
    assert FailingBackend.calls == 5


def test_a_malformed_number_is_given_up_at_once_and_the_console_masks_numbers(capsys):
    user = User.objects.create(username="li")
    [bad] = notify(user=user, phone="1381234", subject="受理通知", body="已受理", channels=("sms",))
    [good] = notify(phone="13812341234", subject="办结通知", body="您的办件已办结，\n请领取。", channels=("sms",))
    assert deliver(bad.pk) == Status.DEAD and deliver(good.pk) == Status.SENT
    bad.refresh_from_db()
    assert bad.attempts == 1 and bad.last_error == "PermanentFailure: 手机号格式不正确"
    out = capsys.readouterr().out
    assert out == "[短信] 138****1234 【云川市一体化政务服务平台】办结通知：您的办件已办结， 请领取。\n"
    assert "13812341234" not in out


def test_channels_without_an_address_are_skipped(mailoutbox):
    user = User.objects.create(username="wang", email="")
    rows = notify(user=user, subject="提醒", body="请补正材料", channels=("site", "sms", "mail"))
    assert [r.channel for r in rows] == ["site"]
    rows = notify(phone="13812341234", subject="提醒", body="请补正材料")  # walk-in applicant, no account
    assert [(r.channel, r.recipient) for r in rows] == [("sms", None)]
    [mail] = notify(email="zhao@example.cn", subject="办结通知", body="已办结", channels=("mail",),
                    link="/my/cases/YC1/")
    assert deliver(mail.pk) == Status.SENT
    assert mailoutbox[0].to == ["zhao@example.cn"] and "http://127.0.0.1:8000/my/cases/YC1/" in mailoutbox[0].body
