"""The background worker that rides out a database outage: `python -m tongban db_worker`.

django_tasks_db's own `db_worker` (which tongban/core/management/commands/db_worker.py replaces) stops
at the first database error it does not expect, and a task it was running stays "running" for ever.
This worker takes tasks from the same queue the same way (one row claimed with SELECT … FOR UPDATE
SKIP LOCKED, so any number of workers on any number of machines share it) and adds:

* Outage: an OperationalError or InterfaceError anywhere in the loop closes the connection, is logged
  once, and the loop waits (0.5, 1, 2 … at most MAX_BACKOFF seconds) and tries again; it logs when the
  database is back. The process never exits for it, so a supervisor sees no restart loop.
* A task cut short by the outage (its transaction rolled back) goes back to the queue instead of being
  recorded as failed; a result that could not be saved is saved once the database answers again.
* Heartbeat: a thread writes the worker's core_workerheartbeat row every quarter of its lease, during
  long tasks too. A task left "running" by a worker whose heartbeat is older than that worker's lease
  (killed, out of memory, machine lost), or that stopped, is put back in the queue by the other
  workers; once MAX_CLAIMS attempts at the same task were cut short (workers dying on it, or the
  database going away each time) it is recorded as failed instead.
  A worker only reclaims after it has itself been connected for a whole lease: straight after an
  outage, the others have not yet had the chance to beat again.
* A result is written only while the task is still this worker's (same status and started_at), so a
  worker cut off for longer than its lease does not overwrite the run that took its task over.

So a task may run more than once (at least once, never lost): every task must be safe to run again.
docs/supervision.md lists ours and why each is.
"""

import json
import logging
import os
import random
import socket
import threading
import time
from datetime import timedelta
from traceback import format_exception

from django.db import OperationalError, close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from tongban.core.models import WorkerHeartbeat
from tongban.core.unavailable import DATABASE_ERRORS

log = logging.getLogger("tongban.worker")

DEFAULT_LEASE_SECONDS = 60
MAX_BACKOFF = 5.0  # seconds between attempts while the database is down (a refused connection costs nothing)
MAX_CLAIMS = 5  # attempts at one task that may be cut short before it is recorded as failed
# A running task whose worker has no heartbeat row at all (claimed by django_tasks_db's db_worker, or
# before this worker existed): put back after this long, as nothing says whether its worker lives.
UNKNOWN_WORKER_GRACE = 15 * 60


class WorkerLost(Exception):
    """Recorded as a task's error when MAX_CLAIMS workers stopped while running it."""


def _close_connection() -> None:
    try:
        connection.close()
    except Exception:  # closing a broken connection may complain; it is closed either way
        pass


class Heartbeat(threading.Thread):
    """Writes the worker's row every `lease / 4` seconds on its own connection (Django's connections
    belong to a thread), so a task that runs for an hour does not look like a dead worker."""

    def __init__(self, worker_id: str, lease: int, queues: str):
        super().__init__(name="tongban-heartbeat", daemon=True)
        self.worker_id, self.lease, self.queues = worker_id, lease, queues[:200]
        self.every = max(0.5, lease / 4)
        self.started = timezone.now()
        self.task_id = ""
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                self.beat()
                self._stop_event.wait(self.every)
        finally:
            _close_connection()

    def beat(self) -> bool:
        try:
            close_old_connections()
            now = timezone.now()
            fields = {"seen_at": now, "task_id": self.task_id, "stopped_at": None}
            if not WorkerHeartbeat.objects.filter(pk=self.worker_id).update(**fields):
                WorkerHeartbeat.objects.create(
                    worker_id=self.worker_id, hostname=socket.gethostname()[:255], pid=os.getpid(),
                    queues=self.queues, lease_seconds=self.lease, started_at=self.started, **fields)
            return True
        except DATABASE_ERRORS:  # the worker's loop reports the outage; here only try again next time
            _close_connection()
            return False

    def stop(self) -> None:
        """A clean stop: the row says so, and any task still marked running with this worker is put
        back at once by the others (no lease to wait for)."""
        self._stop_event.set()
        self.join(timeout=5)
        try:
            WorkerHeartbeat.objects.filter(pk=self.worker_id).update(stopped_at=timezone.now(), task_id="")
        except DATABASE_ERRORS:  # down: the lease runs out instead
            _close_connection()


def reclaim_abandoned(own_id: str, lease: int, own_since=None) -> list[str]:
    """Put back in the queue the running tasks of workers that stopped or stopped beating; returns
    their ids. Each update is conditional on the row being unchanged, so two workers reclaiming at the
    same moment put a task back once. A task under this worker's own id claimed before `own_since`
    (a worker restarted with the same --worker-id, whose heartbeat hides the dead one's) goes back too."""
    now = timezone.now()
    beats = {b.worker_id: b for b in WorkerHeartbeat.objects.exclude(pk=own_id)}

    def gone(beat: WorkerHeartbeat) -> bool:
        return beat.stopped_at is not None or beat.seen_at < now - timedelta(seconds=beat.lease_seconds)

    reclaimed = []
    for task in DBTaskResult.objects.running().only("id", "task_path", "worker_ids", "started_at"):
        owner = task.worker_ids[-1] if task.worker_ids else ""
        if owner == own_id:
            if not (own_since and task.started_at and task.started_at < own_since):
                continue  # the one this worker is running
        elif owner in beats:
            if not gone(beats[owner]):
                continue
        elif task.started_at and task.started_at > now - timedelta(seconds=max(lease, UNKNOWN_WORKER_GRACE)):
            continue
        same = DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at)
        if len(task.worker_ids) >= MAX_CLAIMS:
            message = f"后台任务进程在执行该任务时停止了 {len(task.worker_ids)} 次，不再重试（最后一个：{owner}）。"
            updated = same.update(status=TaskResultStatus.FAILED, finished_at=now, return_value=None,
                                  exception_class_path=f"{__name__}.WorkerLost", traceback=message)
            if updated:
                log.error("任务 %s（%s）%s", task.pk, task.task_path, message)
        else:
            updated = same.update(status=TaskResultStatus.READY)
            if updated:
                log.warning("任务 %s（%s）的后台任务进程 %s 已停止，任务重新排队。", task.pk, task.task_path, owner)
        if updated:
            reclaimed.append(str(task.pk))
    # Forget the workers that are gone, now that their tasks are back (unless one beat again meanwhile).
    for beat in beats.values():
        if gone(beat):
            WorkerHeartbeat.objects.filter(pk=beat.pk, seen_at=beat.seen_at).delete()
    return reclaimed


class ResilientWorker(Worker):
    def __init__(self, *, lease: int = DEFAULT_LEASE_SECONDS, **kwargs):
        super().__init__(**kwargs)
        self.lease = lease
        self.heartbeat = Heartbeat(self.worker_id, lease, ",".join(self.queue_names))
        self._failures = 0
        self._down_since: float | None = None
        self._up_since: float | None = time.monotonic()
        self._next_reclaim = 0.0
        self._unrecorded: tuple[DBTaskResult, str, object] | None = None

    # -- the loop ------------------------------------------------------------------------------

    def run(self) -> None:
        log.info("后台任务进程 %s 启动（队列 %s，租约 %s 秒）", self.worker_id, ",".join(self.queue_names), self.lease)
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spread workers started together
        self.heartbeat.start()
        try:
            while self.running:
                try:
                    ran = self.step()
                except DATABASE_ERRORS as exc:
                    self.database_down(exc)
                    continue
                self.database_up()
                if self.batch and not ran:
                    log.info("队列已空，后台任务进程 %s 退出（--batch）。", self.worker_id)
                    return
                if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                    return
                if self.running and not ran:
                    time.sleep(self.interval)
        finally:
            self.heartbeat.stop()
            _close_connection()

    def step(self) -> bool:
        """One turn: save a result the database could not take, reclaim, claim and run one task.
        Returns whether a task ran."""
        close_old_connections()
        if self._unrecorded is not None:
            self.record(*self._unrecorded)
        now = time.monotonic()
        if self._up_since is not None and now - self._up_since >= self.lease and now >= self._next_reclaim:
            self._next_reclaim = now + self.lease / 2
            reclaim_abandoned(self.worker_id, self.lease, own_since=self.heartbeat.started)
        claimed = self.claim()
        if claimed is None:
            return False
        self.run_task(claimed)
        return True

    def claim(self) -> DBTaskResult | None:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            try:
                task = tasks.get_locked()
                if task is not None:
                    task.claim(self.worker_id)
            except OperationalError as exc:
                if exc.args and is_locked_database_exception(exc):  # SQLite busy: the other writer finishes soon
                    return None
                raise
        return task

    def database_down(self, exc: BaseException) -> None:
        _close_connection()
        self._up_since = None
        if self._down_since is None:
            self._down_since = time.monotonic()
            log.error("后台任务进程 %s 无法访问数据库（%s: %s），进程不退出，自动重试。",
                      self.worker_id, type(exc).__name__, " ".join(str(exc).split())[:300])
        delay = min(MAX_BACKOFF, 0.5 * 2 ** self._failures) * random.uniform(0.75, 1.0)  # noqa: S311
        self._failures += 1
        deadline = time.monotonic() + delay
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.25, max(0.0, deadline - time.monotonic())))

    def database_up(self) -> None:
        if self._up_since is None:
            self._up_since = time.monotonic()
        if self._down_since is not None:
            log.warning("后台任务进程 %s 已重新连接数据库（中断约 %.0f 秒），继续执行任务。",
                        self.worker_id, time.monotonic() - self._down_since)
        self._down_since, self._failures = None, 0

    # -- one task -------------------------------------------------------------------------------

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.running_task = True  # a first SIGTERM now lets the task finish and its result be saved
        self.heartbeat.task_id = str(db_task_result.pk)
        try:
            outcome, value = self.execute(db_task_result)
            self._run_tasks += 1
            self.record(db_task_result, outcome, value)
        finally:
            self.heartbeat.task_id = ""
            self.running_task = False

    def execute(self, db_task_result: DBTaskResult) -> tuple[str, object]:
        """("successful", return value), ("failed", exception) or ("again", exception): cut short by
        the database going away, or by a second Ctrl-C / SIGTERM, rather than failed by itself."""
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            task_started.send(sender=type(task.get_backend()), task_result=task_result)
            if task.takes_context:
                value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            json.dumps(value)  # a result the JSON column cannot hold fails the task, as in db_worker
            return "successful", value
        except DATABASE_ERRORS as exc:
            log.warning("任务 %s（%s）因数据库中断未完成，将重新执行。", db_task_result.pk, db_task_result.task_path)
            return "again", exc
        except Exception as exc:
            return "failed", exc
        except BaseException as exc:  # SystemExit / KeyboardInterrupt: stopped, not failed
            return "again", exc

    def record(self, db_task_result: DBTaskResult, outcome: str, value: object) -> None:
        """Save the outcome while the task is still ours. A database error leaves it to be saved by
        the next turn of the loop once the database answers."""
        self._unrecorded = (db_task_result, outcome, value)
        mine = DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.RUNNING,
                                           started_at=db_task_result.started_at)
        now = timezone.now()
        if outcome == "again" and len(db_task_result.worker_ids) >= MAX_CLAIMS:
            outcome = "failed"
        if outcome == "again":
            fields = {"status": TaskResultStatus.READY}
        elif outcome == "successful":
            fields = {"status": TaskResultStatus.SUCCESSFUL, "finished_at": now, "return_value": value,
                      "exception_class_path": "", "traceback": ""}
        else:
            fields = {"status": TaskResultStatus.FAILED, "finished_at": now, "return_value": None,
                      "exception_class_path": f"{type(value).__module__}.{type(value).__qualname__}",
                      "traceback": "".join(format_exception(value))}
        with transaction.atomic(using=mine.db):
            updated = mine.update(**fields)
        self._unrecorded = None
        if not updated:
            log.warning("任务 %s（%s）已由其他后台任务进程接手，本进程的结果不再记录。",
                        db_task_result.pk, db_task_result.task_path)
            return
        if outcome == "again":
            return
        for name, field_value in fields.items():
            setattr(db_task_result, name, field_value)
        try:
            task_finished.send(sender=type(db_task_result.task.get_backend()), task_result=db_task_result.task_result)
        except Exception:  # only logging listens; a task path that no longer imports must not stop the worker
            log.exception("task_finished for task %s", db_task_result.pk)
