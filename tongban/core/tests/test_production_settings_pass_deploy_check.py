"""An operator sets the environment docs/production.md lists: `tongban check --deploy` reports nothing,
and the site then sends secure cookies, HSTS and the CSP, redirects plain HTTP and believes the proxy's
X-Forwarded-Proto. Runs the real command in a fresh process (settings are read at start): about 3–5 s."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HOST = "zwfw.yunchuan.gov.cn"

# Run in a fresh process with the documented environment: `tongban check --deploy` as an operator runs
# it (warnings fail it too), then a plain and an HTTPS request (as the proxy forwards it).
PROBE = f"""
import sys
from tongban.cli import main
try:
    main(["check", "--deploy", "--fail-level", "WARNING"])
except SystemExit as exc:
    sys.exit(f"check --deploy failed: {{exc}}")
from django.conf import settings
from django.test import Client
c = Client(HTTP_HOST="{HOST}")
plain = c.get("/csp-report/")
secure = c.get("/csp-report/", HTTP_X_FORWARDED_PROTO="https")
print("plain", plain.status_code, plain.headers.get("Location"))
print("secure", secure.status_code, secure.headers.get("Strict-Transport-Security"))
print("csp", secure.headers.get("Content-Security-Policy"))
print("cookies", settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)
"""


def documented_environment(tmp_path) -> dict:
    """The ```env block of docs/production.md, its <…> placeholders filled in for this machine."""
    text = (ROOT / "docs" / "production.md").read_text()
    block = re.search(r"```env\n(.*?)```", text, re.S).group(1)
    env = dict(line.split("=", 1) for line in block.splitlines() if line.strip() and not line.startswith("#"))
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "TONGBAN_HTTPS"} <= set(env)
    env.update(SECRET_KEY=secrets.token_urlsafe(50), TONGBAN_SEAL_KEY=secrets.token_urlsafe(32),
               # No database is reached by the check; a file one keeps the test self-contained.
               DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", TONGBAN_DATA_DIR=str(tmp_path))
    assert not any("<" in value for value in env.values()), env
    return env


def _run(args, env):
    # Not the test run's own settings (the browser plugin allows Django's ORM under Playwright's loop).
    clean = {k: v for k, v in os.environ.items()
             if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run([sys.executable, *args], env={**clean, **env, "DJANGO_SETTINGS_MODULE": "tongban.settings"},
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_deploy_check_is_clean_and_responses_are_secured(tmp_path):
    result = _run(["-c", PROBE], documented_environment(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["plain"] == f"301 https://{HOST}/csp-report/"
    assert lines["secure"] == "405 max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in lines["csp"] and "frame-ancestors 'none'" in lines["csp"]
    assert lines["cookies"] == "True True"
