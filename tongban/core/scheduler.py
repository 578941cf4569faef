"""Periodic sweeps: enqueue each task of settings.PERIODIC_TASKS when its interval has passed.

The scheduler only enqueues; the worker (`python -m tongban db_worker`) runs the tasks, so a slow
sweep never delays the others and a crash in one is recorded by the task backend. Run exactly one
scheduler per installation (two would enqueue everything twice; the tasks are idempotent, but
there is no point).

A task path that does not import is logged and skipped, not fatal: the other sweeps keep running.
A run that the worker has not even started yet is not enqueued again (no pile-up while the
worker is down), when the backend can tell.

A database outage does not stop it: the failed enqueue is logged and retried, and before every round
the connection is checked and reopened when it broke (close_old_connections, which a request does for
the web and nothing did here, so the scheduler kept its closed connection for ever). When the database
answers again it says so in the log and carries on.
"""

import logging
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import close_old_connections
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks.base import Task

from tongban.core.unavailable import DATABASE_ERRORS

log = logging.getLogger("tongban.scheduler")

RETRY_ENQUEUE_SECONDS = 30  # after the queue could not be reached
MAX_SLEEP_SECONDS = 1.0  # how long a SIGTERM may wait


@dataclass
class Entry:
    path: str
    interval: float
    task: Task | None = None
    error: str = ""
    next_at: float = 0.0
    last: object = field(default=None, repr=False)  # the TaskResult of the last enqueue
    failing: bool = False  # the last enqueue failed (the queue's database down)


def load_entries(periodic=None) -> list[Entry]:
    """The configured tasks, each resolved; the unimportable ones carry an error and stay idle."""
    entries = []
    for path, interval in (settings.PERIODIC_TASKS if periodic is None else periodic):
        entry = Entry(path=path, interval=max(1.0, float(interval)))
        try:
            obj = import_string(path)
        except ImportError as exc:
            entry.error = f"无法导入（{exc}）"
        except Exception as exc:  # a module that fails while importing must not stop the others
            entry.error = f"导入时出错（{type(exc).__name__}: {exc}）"
        else:
            if isinstance(obj, Task):
                entry.task = obj
            else:
                entry.error = "不是后台任务（缺少 @task 装饰器）"
        if entry.error:
            log.error("定时任务 %s %s，已跳过；其他定时任务照常运行。", path, entry.error)
        entries.append(entry)
    return entries


def _still_waiting(entry: Entry) -> bool:
    """Is the previous run still queued and not started? Only when the backend can look it up."""
    if entry.last is None or not entry.task.get_backend().supports_get_result:
        return False
    try:
        entry.last.refresh()
    except Exception:
        return False
    return entry.last.status == TaskResultStatus.READY


def enqueue_due(entries: list[Entry], now: float | None = None) -> list[str]:
    """Enqueue every entry whose time has come; returns the paths enqueued."""
    now = time.monotonic() if now is None else now
    done = []
    for entry in entries:
        if entry.task is None or now < entry.next_at:
            continue
        if _still_waiting(entry):
            log.warning("定时任务 %s 上一次尚未被后台任务进程执行，本次不重复排队（请检查 db_worker 是否在运行）。",
                        entry.path)
            entry.next_at = now + entry.interval
            continue
        try:
            entry.last = entry.task.enqueue()
        except Exception as exc:
            retry = min(entry.interval, RETRY_ENQUEUE_SECONDS)
            log.error("定时任务 %s 排队失败（%s: %s），%.0f 秒后重试。", entry.path, type(exc).__name__,
                      " ".join(str(exc).split())[:300], retry)
            entry.next_at = now + retry
            entry.failing = True
            continue
        if entry.failing:
            log.warning("定时任务 %s 已恢复排队（%s）。", entry.path, entry.last.id)
            entry.failing = False
        log.info("定时任务 %s 已排队（%s）", entry.path, entry.last.id)
        entry.next_at = now + entry.interval
        done.append(entry.path)
    return done


def run_forever(entries: list[Entry], stop: threading.Event) -> None:
    """Loop until `stop` is set (the command sets it on SIGTERM / Ctrl-C)."""
    while not stop.is_set():
        # A connection that broke (the database restarted) is closed here and reopened by the next query.
        try:
            close_old_connections()
        except DATABASE_ERRORS:  # closing a broken connection complained; it is closed all the same
            pass
        enqueue_due(entries)
        waiting = [e.next_at for e in entries if e.task is not None]
        if not waiting:
            log.error("没有可运行的定时任务，调度进程空转；请检查 PERIODIC_TASKS 配置。")
            stop.wait(60)
            continue
        stop.wait(max(0.05, min(MAX_SLEEP_SECONDS, min(waiting) - time.monotonic())))
