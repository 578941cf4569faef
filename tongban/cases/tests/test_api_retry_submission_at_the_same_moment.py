"""An app on a flaky network sends the same submission several times at once (same Idempotency-Key):
one case is filed, every answer names it, and the daily serial has no gap.

The retries are made to collide: the test holds today's serial row locked while they start, so all
of them pass the key look-up and queue on the serial; when it lets go, the first files the case and
the others run into the unique key, roll back and answer with that case. PostgreSQL row locks."""

import pytest
from django.db import connection
from django.utils import timezone

from tongban.cases.models import Case, CaseEvent
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.concurrency_support import send_at_once
from tongban.core.models import Serial
from tongban.notify.models import Notification

RETRIES = 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_key_sent_six_times_at_once_files_one_case():
    if connection.vendor != "postgresql":
        pytest.fail("this test needs PostgreSQL row locks (scripts/test runs on PostgreSQL)")
    w = make_world()
    Serial.objects.create(scope=f"case:{w.impl.pk}", period=timezone.localdate().isoformat(), last=0)

    answers = send_at_once(w, ["app-retry-7f1c"] * RETRIES)

    statuses = sorted(getattr(a, "status_code", repr(a)) for a in answers)
    assert statuses == [200] * (RETRIES - 1) + [201], [getattr(a, "content", a) for a in answers]
    numbers = {a.json()["number"] for a in answers}
    assert len(numbers) == 1
    case = Case.objects.get()
    assert case.number == numbers.pop() and case.idempotency_key == "app-retry-7f1c"
    assert case.number.endswith("00001")
    assert Serial.objects.get(scope=f"case:{w.impl.pk}").last == 1  # the losers gave their number back
    assert CaseEvent.objects.filter(case=case, action="submit").count() == 1
    assert case.files.count() == 3  # the files of the losers were not attached
    assert Notification.objects.filter(reference=case.number).count() == 2  # 站内 and 短信, once
