"""Sending notifications: write to the outbox now, deliver after commit, retry with backoff.

notify() does no I/O: it adds rows to the caller's transaction and one delivery task for them. With
the database queue (django-tasks-db, the default) the task row is written in that same transaction:
it commits or rolls back with the messages, and costs no commit of its own (a transactional
outbox). With another queue (Redis) the task is enqueued once the caller commits, so that a worker
never looks for rows not yet committed. Either way, if the caller rolls back nothing is sent; if the
queue is unreachable, the periodic deliver_due sweep still finds the rows.

Delivery is at-least-once: a row is locked while it is sent (SELECT … FOR UPDATE SKIP LOCKED on
PostgreSQL, so a second worker skips it; SQLite runs one writer at a time), and is marked sent in
the same transaction.

Notifications are not written to the audit log: the outbox row is itself the record of what was
sent to whom, and when. Retrying a dead message by hand is audited.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.utils import timezone

from tongban.core.services import audit
from tongban.notify.models import Channel, Notification, Status
from tongban.notify.tasks import deliver_many

log = logging.getLogger("tongban.notify")



def _safe_link(link: str) -> str:
    # Only a path on this site: a link in a message must never lead elsewhere (phishing).
    link = (link or "").strip()
    if link and (not link.startswith("/") or link.startswith("//") or "\\" in link):
        log.warning("notification link dropped (not a local path): %r", link[:100])
        return ""
    return link[:300]


DELIVERY_BATCH = 200  # notifications per delivery task: a big batch is spread over the workers


def notify(*, user=None, phone: str = "", email: str = "", subject: str, body: str,
           channels=("site", "sms"), reference: str = "", link: str = "") -> list[Notification]:
    """Queue a message to one person on the given channels; returns the rows written.

    A channel without an address is skipped: sms needs `phone` or user.phone, mail needs `email`
    or user.email, site needs `user`.
    """
    return notify_many([dict(user=user, phone=phone, email=email, subject=subject, body=body, channels=channels,
                             reference=reference, link=link)])


def notify_many(messages) -> list[Notification]:
    """Queue many messages (each with notify()'s arguments as a dict) in one INSERT and one delivery
    task: a sweep telling a thousand cases' approvers writes a batch, not a transaction per person."""
    rows = [row for message in messages for row in _rows(**message)]
    if rows:
        # One INSERT for every channel (the ids come back with it: RETURNING on PostgreSQL and SQLite).
        Notification.objects.bulk_create(rows)
        ids = [row.pk for row in rows]
        here = _queue_in_this_database()
        for start in range(0, len(ids), DELIVERY_BATCH):
            batch = ids[start:start + DELIVERY_BATCH]
            if here:
                # No savepoint around it: this queue is the caller's own database, whose failure
                # fails the caller anyway.
                deliver_many.enqueue(batch)
            else:
                transaction.on_commit(lambda batch=batch: _enqueue(batch))
    return rows


def _rows(*, user=None, phone: str = "", email: str = "", subject: str, body: str, channels=("site", "sms"),
          reference: str = "", link: str = "") -> list[Notification]:
    if user is not None and not getattr(user, "pk", None):
        user = None  # AnonymousUser or an unsaved user cannot receive in-site messages
    unknown = set(channels) - set(Channel.values)
    if unknown:
        raise ValueError(f"unknown notification channel(s): {sorted(unknown)}")
    addresses = {
        Channel.SITE: user is not None,
        Channel.SMS: (phone or getattr(user, "phone", "") or "").strip(),
        Channel.MAIL: (email or getattr(user, "email", "") or "").strip(),
    }
    return [
        Notification(
            recipient=user, channel=channel, subject=subject.strip()[:200], body=body.strip(),
            phone=addresses[Channel.SMS] if channel == Channel.SMS else "",
            email=addresses[Channel.MAIL] if channel == Channel.MAIL else "",
            reference=(reference or "")[:64], link=_safe_link(link),
        )
        for channel in dict.fromkeys(channels) if addresses[channel]
    ]


def _queue_in_this_database() -> bool:
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task_backends[deliver_many.backend], DatabaseBackend):
        return False
    from django_tasks_db.models import DBTaskResult  # only installed with that backend

    return router.db_for_write(Notification) == router.db_for_write(DBTaskResult)


def _enqueue(ids: list[int]) -> None:
    try:
        deliver_many.enqueue(ids)
    except Exception:  # the queue is down: deliver_due will pick the rows up
        log.exception("could not enqueue delivery of notifications %s", ids)


def mark_read(user, notification: Notification) -> Notification:
    """The recipient opened the message. Reading twice keeps the first time."""
    if not getattr(user, "is_authenticated", False) or notification.recipient_id != user.pk:
        raise PermissionDenied("只能查看本人的消息")
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now
    return notification


def mark_all_read(user) -> int:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("请先登录")
    return Notification.objects.filter(recipient=user, channel=Channel.SITE, read_at__isnull=True).update(
        read_at=timezone.now())


@transaction.atomic
def retry(actor, notification: Notification) -> Notification:
    """An operator sends a failed or abandoned message again (e.g. after the SMS gateway is fixed)."""
    n = Notification.objects.select_for_update().get(pk=notification.pk)
    if n.status not in (Status.FAILED, Status.DEAD):
        raise ValidationError("只有发送失败的消息可以重新发送")
    before = n.status
    n.status, n.attempts, n.next_attempt_at, n.last_error = Status.PENDING, 0, timezone.now(), ""
    n.save(update_fields=["status", "attempts", "next_attempt_at", "last_error"])
    audit(actor, "notify.retry", n, f"重新发送消息：{n.subject}", {"channel": n.channel, "before": before})
    ids = [n.pk]
    transaction.on_commit(lambda: _enqueue(ids))
    return n
