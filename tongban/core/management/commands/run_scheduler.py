"""`python -m tongban run_scheduler [--once]`: enqueue the periodic sweeps (settings.PERIODIC_TASKS)."""

import logging
import signal
import threading

from django.core.management.base import BaseCommand

from tongban.core.scheduler import enqueue_due, load_entries, run_forever


class Command(BaseCommand):
    help = "定时任务调度：按 PERIODIC_TASKS 的间隔把各项定时任务放入后台任务队列（由 db_worker 执行）。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="每项任务各排队一次后退出（用于测试和手工触发）")

    def handle(self, *args, once=False, verbosity=1, **options):
        if verbosity >= 2:
            logging.getLogger("tongban.scheduler").setLevel(logging.INFO)
        entries = load_entries()
        ready = [e for e in entries if e.task is not None]
        for e in entries:
            if e.task is None:
                self.stderr.write(f"跳过 {e.path}：{e.error}")
        if once:
            done = enqueue_due(entries)
            for path in done:
                self.stdout.write(f"已排队 {path}")
            self.stdout.write(f"共排队 {len(done)} 项定时任务，跳过 {len(entries) - len(done)} 项。")
            return
        if verbosity:
            listing = "，".join(f"{e.path}（每{int(e.interval)}秒）" for e in ready) or "无"
            self.stdout.write(f"定时任务调度已启动：{listing}")
        stop = threading.Event()

        def _stop(signum, frame):
            stop.set()

        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, _stop)
        run_forever(entries, stop)
        if verbosity:
            self.stdout.write("定时任务调度已停止。")
