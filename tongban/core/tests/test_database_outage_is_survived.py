"""The operator's database stops for ten seconds while applicants keep submitting.

Nothing an applicant was told was accepted is lost or doubled; meanwhile the API answers 503 in its
JSON error format with Retry-After, and the pages the Chinese 503 page; afterwards the web server, the
worker and the scheduler carry on by themselves (the same processes), and a task left running by a
worker that was killed is run again. The services are even started before the database is there, as
after a machine's reboot, and wait for it.

Against a PostgreSQL cluster of the test's own (own_cluster.py: initdb on a free port), never the
machine's shared server. Its database is a pg_dump copy of the test database, which pytest-django has
migrated and this test has filled (running the migrations again would take over a minute here). The
processes are real: gunicorn as the demo runs it, two workers (`tongban db_worker`), the scheduler.
About 35 s on an idle 2-core machine (the processes starting, and the ten seconds).
"""

import json
import os
import signal
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tongban.cases.models import Case
from tongban.cli import _server_command
from tongban.core.tests.outage_support import Load, make_world
from tongban.core.tests.own_cluster import OwnCluster, Services, call, free_port, wait_for
from tongban.notify.models import Notification, Status

CLIENTS = 4
OUTAGE_SECONDS = 10
LEASE = 3  # seconds; production keeps the default 60
UNAVAILABLE = {"code": "unavailable", "message": "系统繁忙：数据库暂时不可用，请稍后再试"}

TASKS = DBTaskResult._meta.db_table
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_database_outage_is_survived(tmp_path):
    assert connection.vendor == "postgresql", "需要 PostgreSQL：测试数据库要复制到测试自己的 PostgreSQL 集群"
    marker = tmp_path / "slow-task-runs"
    with OwnCluster() as pg:
        env = {key: value for key, value in os.environ.items() if key not in ("CACHE_URL", "SESSION_ENGINE")}
        env = {**env, "DATABASE_URL": pg.url, "DJANGO_SETTINGS_MODULE": "tongban.core.tests.outage_settings",
               "TONGBAN_DATA_DIR": str(tmp_path), "SECRET_KEY": settings.SECRET_KEY,  # the sessions' key
               "PYTHONUNBUFFERED": "1", "DEBUG": "0", "LOG_LEVEL": "WARNING"}
        port = free_port()
        tongban = [sys.executable, "-m", "tongban"]
        with Services(tmp_path, env) as services:
            web = services.start("web", _server_command(port))
            workers = {name: services.start(name, [*tongban, "db_worker", "--worker-id", name, "--lease", str(LEASE)])
                       for name in ("worker-a", "worker-b")}
            scheduler = services.start("scheduler", [*tongban, "run_scheduler", "-v", "2"])
            # While they start, waiting for a database that is not there yet: the test's data.
            world = make_world(CLIENTS, marker)
            pg.start()
            pg.copy_from(connection.settings_dict)

            # One of the workers takes the slow task and is killed in the middle of it.
            owner = wait_for(lambda: _running_on(pg, world["slow_task"]) if marker.exists() else None,
                             120, "有后台任务进程开始执行慢任务", services)
            workers[owner].send_signal(signal.SIGKILL)
            workers[owner].wait()
            survivor = next(name for name in workers if name != owner)

            wait_for(lambda: call(port, "GET", "/api/v1/matters?page_size=1")[0] == 200, 120, "网站开始应答", services)
            load = Load(port, world["applicants"])
            load.start()
            wait_for(lambda: len(load.accepted) >= CLIENTS, 60, "在中断前受理申请", services)

            logged_before = {name: len(services.log(name)) for name in (survivor, "scheduler")}
            pg.stop()
            down_at = time.monotonic()
            probes = []
            while time.monotonic() - down_at < OUTAGE_SECONDS:
                probes.append(("api", *call(port, "GET", "/api/v1/cases", headers=world["applicants"][0]["headers"])))
                probes.append(("api", *call(port, "GET", "/api/v1/matters?page_size=1")))
                probes.append(("page", *call(port, "GET", "/")))
                time.sleep(1)
            during_outage = [answer for answer in load.answers if answer[4] >= down_at]
            pg.start()
            back_at = timezone.now()

            time.sleep(2)  # a few more applications once the database is back
            load.finish(within=30)
            assert not load.unfinished, f"数据库恢复后仍未受理：{load.unfinished}\n{services.logs()}"
            # The surviving worker sends every message the accepted applications queued; the
            # scheduler's sweep is queued after the outage and run.
            wait_for(lambda: not pg.query(f"SELECT 1 FROM {Notification._meta.db_table} WHERE status <> %s",
                                          [Status.SENT]), 40, "发出全部受理通知", services)
            wait_for(lambda: pg.query(f"SELECT 1 FROM {TASKS} WHERE task_path = %s AND enqueued_at > %s "
                                      "AND status = 'SUCCESSFUL'", ["tongban.notify.tasks.deliver_due", back_at]),
                     30, "在恢复后排队并执行定时任务", services)
            # The killed worker's task went back to the queue, and the survivor ran it.
            slow = wait_for(lambda: _finished(pg, world["slow_task"]), 30, "重新执行被终止进程遗留的任务", services)

            for name, proc in [("web", web), (survivor, workers[survivor]), ("scheduler", scheduler)]:
                assert proc.poll() is None, f"{name} 进程退出了（{proc.returncode}）\n{services.logs()}"
            worker_log = services.log(survivor)[logged_before[survivor]:]
            scheduler_log = services.log("scheduler")[logged_before["scheduler"]:]
            cases = pg.query(f"SELECT idempotency_key, number FROM {Case._meta.db_table} WHERE idempotency_key LIKE %s",
                             ["outage-%"])

    # While the database was down: 503 with Retry-After, the API's JSON error, the Chinese page.
    assert probes and any(answer[1] == 503 for answer in during_outage), "中断期间提交申请未得到 503"
    for kind, status, headers, body in probes:
        assert status == 503 and headers.get("retry-after") == "10", (kind, status, headers, body[:300])
        if kind == "api":
            assert headers["content-type"].startswith("application/json") and json.loads(body) == UNAVAILABLE
        else:
            page = body.decode()
            assert headers["content-type"].startswith("text/html")
            assert "<title>系统繁忙" in page and "数据库暂时不可用，请稍后再试" in page and "政务服务便民热线" in page
    for key, status, headers, body, _ in load.failures():
        assert status == 503 and headers.get("retry-after") == "10", (key, status, body[:300])
        assert json.loads(body) == UNAVAILABLE

    # Every application the server accepted is there exactly once, under the number it answered.
    assert len(cases) == len({key for key, _ in cases}), "同一幂等键出现两个办件"
    assert dict(cases) == load.accepted
    assert len(load.accepted) > CLIENTS

    # The killed worker's task ran again, on the survivor; both said what happened in their logs.
    assert slow == [owner, survivor]
    assert marker.read_text().splitlines() == ["run", "run"]
    assert "无法访问数据库" in worker_log and "已重新连接数据库" in worker_log, worker_log[-3000:]
    assert "排队失败（OperationalError" in scheduler_log and "已恢复排队" in scheduler_log, scheduler_log[-3000:]


def _running_on(pg: OwnCluster, task_id: str) -> str | None:
    rows = pg.query(f"SELECT worker_ids FROM {TASKS} WHERE id = %s AND status = 'RUNNING'", [task_id])
    return rows[0][0][-1] if rows else None


def _finished(pg: OwnCluster, task_id: str) -> list[str] | None:
    """The workers that ran it, once it succeeded."""
    rows = pg.query(f"SELECT status, worker_ids FROM {TASKS} WHERE id = %s", [task_id])
    return rows[0][1] if rows and rows[0][0] == "SUCCESSFUL" else None
