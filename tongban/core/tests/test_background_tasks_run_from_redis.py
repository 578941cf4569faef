"""With TASKS_BACKEND=django_tasks_rq.RQBackend the background tasks go through Redis: a notification's
delivery is queued when its transaction commits and an RQ worker sends it; the scheduler does not queue a
sweep again while the last one still waits in Redis. Against a redis-server the test starts; about 2 s.
(A worker in its own process, beside two web nodes: test_two_web_nodes_share_a_case.py.)"""

import django_rq
import pytest
from django_tasks import TaskResultStatus

from tongban.cases.tests.builders import make_user
from tongban.core.scheduler import enqueue_due, load_entries
from tongban.core.tests.servers import redis_server
from tongban.notify.models import Channel, Notification, Status
from tongban.notify.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_queue(settings, tmp_path):
    with redis_server(tmp_path / "redis") as url:
        settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
        settings.RQ_QUEUES = {"default": {"URL": f"{url}/1"}}
        yield django_rq.get_queue("default")


def _work() -> None:
    """An RQ worker, here in this process (SimpleWorker: no fork), until the queue is empty."""
    django_rq.get_worker("default", job_class="django_tasks_rq.Job",
                         worker_class="rq.worker.SimpleWorker").work(burst=True)


def test_a_notification_is_queued_on_commit_and_sent_by_the_worker(redis_queue, django_capture_on_commit_callbacks):
    user = make_user("wangwu", phone="13700001111")

    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, subject="申请已受理", body="您的申请已受理。", channels=("site", "sms"))
        assert redis_queue.count == 0  # nothing before the commit

    assert redis_queue.count == 1
    _work()
    assert redis_queue.count == 0
    assert Notification.objects.get(channel=Channel.SMS).status == Status.SENT
    assert Notification.objects.get(channel=Channel.SITE).status == Status.SENT


def test_the_scheduler_waits_while_the_last_sweep_is_still_queued_in_redis(redis_queue):
    entries = load_entries([("tongban.notify.tasks.deliver_due", 30)])

    assert enqueue_due(entries, now=0) == ["tongban.notify.tasks.deliver_due"]
    assert enqueue_due(entries, now=100) == []  # not started yet: not queued twice
    assert redis_queue.count == 1

    _work()
    entries[0].last.refresh()
    assert entries[0].last.status == TaskResultStatus.SUCCESSFUL
    assert enqueue_due(entries, now=200) == ["tongban.notify.tasks.deliver_due"]
