"""Submissions sent at the same moment, each by its own thread and database connection."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from tongban.cases.tests.api_support import submit_multipart
from tongban.core.models import Serial


def wait_for_lock_waiters(n: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            # Inside a transaction PostgreSQL keeps showing its first snapshot of the activity view.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND wait_event_type = 'Lock'")
            if cursor.fetchone()[0] >= n:
                return
        time.sleep(0.05)
    with connection.cursor() as cursor:
        cursor.execute("SELECT state, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity "
                       "WHERE datname = current_database()")
        seen = cursor.fetchall()
    pytest.fail(f"{n} submissions did not queue on the serial within {timeout} s: {seen}")


def send_at_once(w, keys: list[str], hold_serial: bool = True) -> list:
    """Each key submitted by its own thread (own connection), as the applicant; answers in key order."""
    clients = []
    for _ in keys:
        c = Client()
        c.force_login(w.applicant)
        clients.append(c)
    answers: list = [None] * len(keys)
    start = threading.Barrier(len(keys) + 1)

    def send(i: int) -> None:
        from django.db import connection as own

        try:
            start.wait()
            answers[i] = submit_multipart(clients[i], w, key=keys[i])
        except Exception as exc:  # shown by the assertions below
            answers[i] = exc
        finally:
            own.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(keys))]
    for t in threads:
        t.start()
    if hold_serial:
        with transaction.atomic():
            Serial.objects.select_for_update().get(scope=f"case:{w.impl.pk}", period=timezone.localdate().isoformat())
            start.wait()
            wait_for_lock_waiters(len(keys))
    else:
        start.wait()
    for t in threads:
        t.join(60)
    return answers
