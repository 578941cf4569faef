"""Many applicants file the same matter at the same moment: every case gets its own number, and
the numbers of the day run on without gaps (implementation code + date + serial)."""

import pytest
from django.db import connection
from django.utils import timezone

from tongban.cases.models import Case
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.concurrency_support import send_at_once
from tongban.core.models import Serial

AT_ONCE = 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_different_keys_at_once_get_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.fail("this test needs PostgreSQL row locks (scripts/test runs on PostgreSQL)")
    w = make_world()
    Serial.objects.create(scope=f"case:{w.impl.pk}", period=timezone.localdate().isoformat(), last=0)

    answers = send_at_once(w, [f"app-{i}" for i in range(AT_ONCE)])

    assert [getattr(a, "status_code", repr(a)) for a in answers] == [201] * AT_ONCE
    numbers = sorted(a.json()["number"] for a in answers)
    prefix = f"{w.impl.code}{timezone.localdate():%Y%m%d}"
    assert numbers == [f"{prefix}{n:05d}" for n in range(1, AT_ONCE + 1)]
    assert sorted(Case.objects.values_list("number", flat=True)) == numbers


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_first_submissions_of_the_day_race_for_the_serial_row():
    """Nobody has filed today yet: the serial row is created by whichever insert comes first."""
    if connection.vendor != "postgresql":
        pytest.fail("this test needs PostgreSQL (scripts/test runs on PostgreSQL)")
    w = make_world()

    answers = send_at_once(w, [f"first-{i}" for i in range(AT_ONCE)], hold_serial=False)

    assert [getattr(a, "status_code", repr(a)) for a in answers] == [201] * AT_ONCE
    assert len({a.json()["number"] for a in answers}) == AT_ONCE
    assert Serial.objects.get(scope=f"case:{w.impl.pk}").last == AT_ONCE
