"""Two workers sweep the outbox at once: a row being sent by one is skipped by the other."""

import threading

import pytest
from django.db import connection, transaction

from tongban.accounts.models import User
from tongban.notify.models import Notification, Status
from tongban.notify.sending import deliver, deliver_due
from tongban.notify.services import notify
from tongban.notify.tests.support import RecordingBackend

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def recording(settings):
    settings.NOTIFY_BACKENDS = {**settings.NOTIFY_BACKENDS, "sms": "tongban.notify.tests.support.RecordingBackend"}
    RecordingBackend.sent = []


@pytest.mark.skipif(not connection.features.has_select_for_update_skip_locked,
                    reason="row locks need PostgreSQL; SQLite runs one writer at a time anyway")
def test_a_row_locked_by_one_worker_is_skipped_by_the_other(recording):
    [sms] = notify(phone="13812341234", subject="受理通知", body="已受理", channels=("sms",))
    locked, release = threading.Event(), threading.Event()

    def first_worker():
        # Holds the row as a worker does while its gateway call is in flight.
        with transaction.atomic():
            Notification.objects.select_for_update().get(pk=sms.pk)
            locked.set()
            release.wait(10)
        connection.close()

    worker = threading.Thread(target=first_worker)
    worker.start()
    try:
        assert locked.wait(10)
        assert deliver(sms.pk) is None
        assert deliver_due() == {"skipped": 1}
        assert RecordingBackend.sent == []
    finally:
        release.set()
        worker.join()
    assert deliver_due() == {"sent": 1}
    assert deliver(sms.pk) is None and deliver_due() == {}
    assert [s[0] for s in RecordingBackend.sent] == [sms.pk]
    sms.refresh_from_db()
    assert sms.status == Status.SENT


def test_a_sent_message_is_not_sent_again(recording):
    user = User.objects.create(username="zhang", phone="13812341234")
    [sms] = notify(user=user, subject="受理通知", body="已受理", channels=("sms",))
    assert deliver(sms.pk) == Status.SENT
    assert deliver(sms.pk) is None and deliver_due() == {}
    assert len(RecordingBackend.sent) == 1
