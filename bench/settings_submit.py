"""Settings for bench/submit_load.py: the platform as it is, plus one bare endpoint
(bench/urls_submit.py).

    DJANGO_SETTINGS_MODULE=bench.settings_submit

Two switches try settings the platform does not use (yet), to show what they would buy:
BENCH_PREPARED=1 binds parameters server-side and lets psycopg prepare repeated statements
(planning once per connection instead of per query), BENCH_CACHED_SESSIONS=1 reads sessions
through the per-process cache (cached_db).
"""

from tongban.settings import *  # noqa: F403
from tongban.settings import DATABASES, env

ROOT_URLCONF = "bench.urls_submit"

if env.bool("BENCH_PREPARED", default=False):
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
if env.bool("BENCH_CACHED_SESSIONS", default=False):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
