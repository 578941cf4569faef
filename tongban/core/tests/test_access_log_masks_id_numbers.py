"""The web server's access log: a request with an ID or mobile number in its address (or its Referer) is
written with the numbers masked, by gunicorn started with the repository's gunicorn.conf.py, as in
production; `tongban demo` starts gunicorn with the same logger. Starts a real server: about 3–5 s."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tongban.cases.tests.builders import valid_id
from tongban.cli import _server_command
from tongban.core.masking import mask_id_number, mask_phone

ROOT = Path(__file__).resolve().parents[3]
ID_NUMBER = valid_id("43010219900307123")
PHONE = "13912345678"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {server.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def test_gunicorn_masks_numbers_in_the_access_log(tmp_path):
    port, log = _free_port(), tmp_path / "access.log"
    env = {**os.environ, "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "1", "TONGBAN_DATA_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DJANGO_SETTINGS_MODULE": "tongban.settings"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "tongban.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--access-logfile", str(log), "--access-logformat", '"%(r)s" %(s)s "%(f)s"'],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, server)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/csp-report/?q={ID_NUMBER}&phone={PHONE}",
                                         headers={"Referer": f"http://127.0.0.1:{port}/inbox/?q={ID_NUMBER}"})
        try:
            urllib.request.urlopen(request, timeout=60)  # the worker loads Django first
        except urllib.error.HTTPError as exc:
            assert exc.code == 405  # GET on the report endpoint: no database needed
        deadline = time.monotonic() + 10
        while "csp-report" not in (log.read_text() if log.exists() else "") and time.monotonic() < deadline:
            time.sleep(0.1)
        line = log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert f"GET /csp-report/?q={mask_id_number(ID_NUMBER)}&phone={mask_phone(PHONE)}" in line
    assert f"/inbox/?q={mask_id_number(ID_NUMBER)}" in line  # the Referer too
    assert ID_NUMBER not in line and PHONE not in line


def test_the_demo_server_uses_the_same_logger():
    command = _server_command(8000)
    assert command[command.index("--logger-class") + 1] == "tongban.core.access_log.MaskingLogger"
