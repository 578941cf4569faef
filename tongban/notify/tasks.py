"""Background delivery of the outbox, run by the worker (`python -m tongban db_worker`).

deliver_one is enqueued for each new row after the writer's transaction commits; deliver_due is the
periodic sweep (settings.PERIODIC_TASKS) that sends retries when their time comes and anything
whose enqueue was lost.
"""

from django_tasks import task

from tongban.notify import services


@task()
def deliver_one(notification_id: int) -> str | None:
    return services.deliver(notification_id)


@task()
def deliver_due() -> dict:
    return services.deliver_due()
