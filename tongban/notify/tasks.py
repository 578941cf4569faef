"""Background delivery of the outbox, run by the worker (`python -m tongban db_worker`).

deliver_many is enqueued with the rows one notify() call wrote (services.notify: in the writer's
transaction with the database queue, after its commit with another); deliver_one stays for tasks
queued by earlier versions; deliver_due is the
periodic sweep (settings.PERIODIC_TASKS) that sends retries when their time comes and anything
whose enqueue was lost.
"""

from django_tasks import task

from tongban.notify import sending


@task()
def deliver_one(notification_id: int) -> str | None:
    return sending.deliver(notification_id)


@task()
def deliver_many(notification_ids: list[int]) -> dict:
    counts: dict[str, int] = {}
    for pk in notification_ids:
        status = sending.deliver(pk) or "skipped"
        counts[status] = counts.get(status, 0) + 1
    return counts


@task()
def deliver_due() -> dict:
    return sending.deliver_due()
