"""The operator runs `python -m tongban run_scheduler`: it enqueues each periodic sweep when due,
reports a sweep that cannot be imported instead of crashing, and stops cleanly on SIGTERM."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tongban.core.scheduler import enqueue_due, load_entries

PERIODIC = [
    ("tongban.notify.tasks.deliver_due", 30),
    ("tongban.nowhere.tasks.poll_shipments", 300),  # an app not written yet
    ("tongban.notify.services.notify", 60),  # importable, but not a task
]


def _queued():
    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("task_path", flat=True))


@pytest.mark.django_db
def test_once_enqueues_what_imports_and_names_what_does_not(settings, capsys, caplog):
    settings.PERIODIC_TASKS = PERIODIC
    call_command("run_scheduler", "--once")
    assert _queued() == ["tongban.notify.tasks.deliver_due"]
    out, err = capsys.readouterr()
    assert "已排队 tongban.notify.tasks.deliver_due" in out and "共排队 1 项定时任务，跳过 2 项。" in out
    assert "跳过 tongban.nowhere.tasks.poll_shipments：无法导入（" in err
    assert "跳过 tongban.notify.services.notify：不是后台任务（缺少 @task 装饰器）" in err
    assert "定时任务 tongban.nowhere.tasks.poll_shipments 无法导入" in caplog.text


# The worker closes its connection as its own process would: real transactions (and serialized_rollback
# puts back the code tables the migrations seed, which the flush afterwards empties).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_task_is_enqueued_when_its_interval_has_passed_but_never_piles_up(caplog):
    entries = load_entries([("tongban.notify.tasks.deliver_due", 30)])
    assert enqueue_due(entries, now=1000) == ["tongban.notify.tasks.deliver_due"]
    assert enqueue_due(entries, now=1029) == []
    # The worker is down: the first run still waits, so a second one is not queued behind it.
    assert enqueue_due(entries, now=1031) == []
    assert "上一次尚未被后台任务进程执行" in caplog.text
    assert len(_queued()) == 1
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
    assert enqueue_due(entries, now=1062) == ["tongban.notify.tasks.deliver_due"]
    assert len(_queued()) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduler_process_enqueues_at_start_and_stops_on_sigterm(tmp_path):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if connection.vendor != "postgresql":
        url = f"sqlite:///{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "TONGBAN_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    proc = subprocess.Popen([sys.executable, "-m", "tongban", "run_scheduler"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while "tongban.notify.tasks.deliver_due" not in _queued() and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.2)
        assert "tongban.notify.tasks.deliver_due" in _queued()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "定时任务调度已启动：tongban.notify.tasks.deliver_due（每30秒）" in out
    assert "定时任务调度已停止。" in out
