"""`python -m tongban db_worker`: the background worker, which outlives database outages.

It replaces django_tasks_db's command of the same name (tongban.core is listed before django_tasks_db in
INSTALLED_APPS, and Django takes a command from the first app that has it). The options are that
command's (queues, interval, --batch, --max-tasks, …) plus --lease; what it adds is in
tongban/core/worker.py, how production runs it in docs/supervision.md.
"""

import logging
import os
import socket

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from tongban.core.worker import DEFAULT_LEASE_SECONDS, ResilientWorker


def _lease(value: str) -> int:
    seconds = int(value)
    if seconds < 2:
        raise ValueError(value)
    return seconds


class Command(DbWorkerCommand):
    help = ("后台任务进程：执行数据库队列中的后台任务（消息发送、定时清理、导入等）。数据库中断时不退出，"
            "自动重连并继续；被终止的进程遗留的“执行中”任务在租约到期后重新排队。")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--lease", type=_lease, default=DEFAULT_LEASE_SECONDS,
                            help="租约秒数（默认 %(default)s，至少 2）：进程每隔租约的四分之一写一次心跳；"
                                 "心跳超过租约未更新的进程，其执行中的任务由其他进程重新排队")
        # The default id says where the worker runs, for the operator reading the task list.
        parser.set_defaults(worker_id=f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"[:64])

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, lease, **options):
        self.configure_logging(verbosity)
        if verbosity:
            logging.getLogger("tongban.worker").setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues 只能与 --queue-name='*' 同时使用")
        worker = ResilientWorker(queue_names=queue_names, interval=interval, batch=batch, backend_name=backend_name,
                                 startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id,
                                 excluded_queue_names=excluded, lease=lease)
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
