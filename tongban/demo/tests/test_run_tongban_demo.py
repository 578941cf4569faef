"""A developer runs `tongban demo`, opens the site, and stops it."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tongban.demo.data.accounts import DEMO_PASSWORD


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


def test_tongban_demo_serves_the_city_and_stops_on_request(tmp_path):
    port = _free_port()
    data_dir = tmp_path / "demo"
    data_dir.mkdir()
    (data_dir / "tongban.sqlite3").write_text("an old demo database that must be replaced")
    log = (tmp_path / "demo.log").open("w+")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # DATABASE_URL (PostgreSQL) is ignored by the demo
    # The sample matters keep this under a minute; test_demo_data_fits_the_city checks the full data.
    process = subprocess.Popen([sys.executable, "-m", "tongban", "demo", "--port", str(port),
                                "--data-dir", str(data_dir), "--matters", "matters_sample"],
                               stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        status, deadline = None, time.monotonic() + 180  # a busy 2-core box needs the margin
        while status != 200 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.5)
            status = _get(f"http://127.0.0.1:{port}/")
        log.seek(0)
        output = log.read()
        assert status == 200, output
        assert "citizen" in output and DEMO_PASSWORD in output and f"http://127.0.0.1:{port}/" in output
        assert "事项 3 项" in output and "警告" not in output
        assert _get(f"http://127.0.0.1:{port}/admin/login/") == 200
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        log.close()
    assert _get(f"http://127.0.0.1:{port}/") is None  # the web server stopped with it
