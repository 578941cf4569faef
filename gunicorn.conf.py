"""Production web server settings, read by gunicorn from the directory it starts in:

    gunicorn tongban.wsgi:application --bind 0.0.0.0:8000

Two processes per core, two threads each (WEB_CONCURRENCY, GUNICORN_THREADS to change), gthread so
that connections stay alive between requests. Measured on 2 cores with bench/submit_load.py: 6 × 1
filed as many applications per second as 4 × 2 but halved what the bare one-row endpoint served;
4 × 2 serves both well. docs/decisions/0005-submission-fast-path.md, docs/benchmarks.md.
Options on the command line win over this file (the demo serves 1 × 4 for SQLite).

Every access and error line goes out with ID and mobile numbers masked (logger_class); write the access
log with `--access-logfile -` (or a file). docs/production.md.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 2))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 30))
backlog = 512
timeout = 60
logger_class = "tongban.core.access_log.MaskingLogger"
