"""Exit non-zero, with the reason, when DATABASE_URL is not a reachable PostgreSQL server."""

import os
import sys

import dj_database_url
import psycopg

url = os.environ.get("DATABASE_URL", "")
cfg = dj_database_url.parse(url)
if cfg["ENGINE"] != "django.db.backends.postgresql":
    sys.exit(f"DATABASE_URL must point at PostgreSQL for the test suite, got {cfg['ENGINE']}")
try:
    with psycopg.connect(host=cfg["HOST"] or None, port=cfg["PORT"] or None, user=cfg["USER"] or None,
                         password=cfg["PASSWORD"] or None, dbname="postgres", connect_timeout=5) as conn:
        version = conn.execute("show server_version").fetchone()[0]
except psycopg.Error as exc:
    sys.exit(f"PostgreSQL is not reachable at {cfg['HOST']}:{cfg['PORT']}: {exc}")
print(f"PostgreSQL {version} at {cfg['HOST']}:{cfg['PORT']}")
