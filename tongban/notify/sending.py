"""Sending the outbox (the worker's side of notify): one due row at a time under a row lock that
another worker skips, with retries on a back-off and a dead letter after the last attempt. Called by
the tasks (tongban/notify/tasks.py); notify() in services only writes rows and enqueues."""

import logging
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from tongban.notify.backends import PermanentFailure, get_backend, mask_phones_in
from tongban.notify.models import Notification, Status

log = logging.getLogger("tongban.notify")

# Wait after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure gives up (status dead).
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(BACKOFF) + 1
DUE_STATUSES = (Status.PENDING, Status.FAILED)


def deliver(notification_id: int) -> str | None:
    """Try to send one due row. Returns its new status, or None when there was nothing to do
    (already sent, not due yet, or another worker is sending it right now)."""
    now = timezone.now()
    with transaction.atomic():
        due = Notification.objects.filter(pk=notification_id, status__in=DUE_STATUSES, next_attempt_at__lte=now)
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        n = due.first()
        if n is None:
            return None
        n.attempts += 1
        try:
            # A savepoint, so that a backend's own failed query does not spoil recording the failure.
            with transaction.atomic():
                get_backend(n.channel).send(n)
        except Exception as exc:
            _failed(n, exc, now)
        else:
            n.status, n.sent_at, n.last_error = Status.SENT, timezone.now(), ""
        n.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "sent_at"])
        return n.status


def _failed(n: Notification, exc: Exception, now) -> None:
    error = mask_phones_in(f"{type(exc).__name__}: {exc}")[:500]
    n.last_error = error
    if isinstance(exc, PermanentFailure) or n.attempts >= MAX_ATTEMPTS:
        n.status = Status.DEAD
        log.error("notification %s (%s) given up after %s attempt(s): %s", n.pk, n.channel, n.attempts, error)
    else:
        n.status = Status.FAILED
        n.next_attempt_at = now + BACKOFF[n.attempts - 1]
        log.warning("notification %s (%s) attempt %s failed, retry at %s: %s",
                    n.pk, n.channel, n.attempts, n.next_attempt_at.isoformat(timespec="seconds"), error)


def deliver_due(limit: int = 500) -> dict:
    """Send every due row (oldest first, at most `limit` per run); counts by resulting status."""
    now = timezone.now()
    ids = list(Notification.objects.filter(status__in=DUE_STATUSES, next_attempt_at__lte=now)
               .order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
    counts: dict[str, int] = {}
    for pk in ids:
        status = deliver(pk) or "skipped"
        counts[status] = counts.get(status, 0) + 1
    return counts
