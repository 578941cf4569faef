"""A worker is killed (or its machine lost) in the middle of a task: the other workers put the task
back in the queue once the dead worker's heartbeat is older than its lease; a worker that is alive,
however long its task takes, keeps it; a task that has killed five workers is given up as failed.
(The whole story with real processes: test_database_outage_is_survived.py.)"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tongban.core.models import WorkerHeartbeat
from tongban.core.worker import UNKNOWN_WORKER_GRACE, reclaim_abandoned
from tongban.notify.tasks import deliver_due

pytestmark = pytest.mark.django_db


def _running(worker_ids, started_seconds_ago=120) -> DBTaskResult:
    result = deliver_due.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", worker_ids=worker_ids, started_at=timezone.now() - timedelta(seconds=started_seconds_ago))
    return DBTaskResult.objects.get(pk=result.id)


def _beat(worker_id, seconds_ago, *, stopped=False):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id=worker_id, lease_seconds=60, started_at=now - timedelta(hours=1),
                                   seen_at=now - timedelta(seconds=seconds_ago), stopped_at=now if stopped else None)


def _status(task):
    task.refresh_from_db()
    return task.status


def test_only_the_tasks_of_workers_that_are_gone_go_back_to_the_queue(caplog):
    _beat("alive", 10)
    _beat("killed", 61)
    _beat("stopped", 1, stopped=True)
    long_task = _running(["alive"], started_seconds_ago=3600)
    killed_task = _running(["killed"])
    stopped_task = _running(["stopped"])
    unknown_recent = _running(["db_worker-of-old"], started_seconds_ago=60)
    unknown_old = _running(["db_worker-of-old"], started_seconds_ago=UNKNOWN_WORKER_GRACE + 60)
    mine = _running(["me"])

    back = reclaim_abandoned("me", 60)

    assert sorted(back) == sorted(str(t.pk) for t in (killed_task, stopped_task, unknown_old))
    assert [_status(t) for t in (long_task, killed_task, stopped_task, unknown_recent, unknown_old, mine)] == [
        "RUNNING", "READY", "READY", "RUNNING", "READY", "RUNNING"]
    assert "的后台任务进程 killed 已停止，任务重新排队" in caplog.text
    # The workers that are gone are forgotten; the one alive stays listed.
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]
    # Reclaiming again changes nothing.
    assert reclaim_abandoned("me", 60) == []


def test_a_task_that_five_workers_died_on_is_given_up():
    _beat("fifth", 120)
    task = _running(["first", "second", "third", "fourth", "fifth"])
    assert reclaim_abandoned("me", 60) == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == "FAILED" and task.exception_class_path == "tongban.core.worker.WorkerLost"
    assert "后台任务进程在执行该任务时停止了 5 次，不再重试" in task.traceback


def test_a_worker_restarted_under_the_same_id_puts_back_what_its_previous_life_left():
    _beat("worker-1", 5)  # the new process beats under the old id
    left = _running(["worker-1"], started_seconds_ago=300)
    running_now = _running(["worker-1"], started_seconds_ago=5)
    assert reclaim_abandoned("worker-2", 60) == []  # to the others it looks alive
    assert reclaim_abandoned("worker-1", 60, own_since=timezone.now() - timedelta(seconds=60)) == [str(left.pk)]
    assert (_status(left), _status(running_now)) == ("READY", "RUNNING")
