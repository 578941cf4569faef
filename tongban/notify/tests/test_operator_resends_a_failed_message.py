"""A platform admin finds a message the gateway gave up on, sees why (number masked), and resends it."""

import pytest
from django.urls import reverse

from tongban.accounts.models import User
from tongban.core.models import AuditEvent
from tongban.notify.models import Status
from tongban.notify.sending import deliver
from tongban.notify.services import notify
from tongban.notify.tests.support import RecordingBackend

pytestmark = pytest.mark.django_db


def test_admin_resends_a_dead_message(client, settings):
    [sms] = notify(phone="13812341234", subject="受理通知", body="已受理", channels=("sms",))
    sms.status, sms.attempts, sms.last_error = Status.DEAD, 5, "ConnectionError: 短信网关超时：138****1234"
    sms.save()
    root = User.objects.create(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)

    listing = client.get(reverse("admin:notify_notification_changelist")).content.decode()
    assert "138****1234" in listing and "13812341234" not in listing
    detail = client.get(reverse("admin:notify_notification_change", args=[sms.pk])).content.decode()
    assert "短信网关超时：138****1234" in detail and "13812341234" not in detail

    r = client.post(reverse("admin:notify_notification_changelist"),
                    {"action": "retry_selected", "_selected_action": [sms.pk]}, follow=True)
    assert "已重新排队发送 1 条消息" in r.content.decode()
    sms.refresh_from_db()
    assert (sms.status, sms.attempts, sms.last_error) == (Status.PENDING, 0, "")
    assert AuditEvent.objects.get(action="notify.retry").actor == root

    settings.NOTIFY_BACKENDS = {**settings.NOTIFY_BACKENDS, "sms": "tongban.notify.tests.support.RecordingBackend"}
    RecordingBackend.sent = []
    assert deliver(sms.pk) == Status.SENT and len(RecordingBackend.sent) == 1


def test_staff_without_the_admin_role_cannot_see_the_outbox(client):
    client.force_login(User.objects.create(username="clerk", is_staff=True))
    assert client.get(reverse("admin:notify_notification_changelist")).status_code == 403
