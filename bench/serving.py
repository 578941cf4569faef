"""What the benches share about the server they start: waiting until it answers, and stopping it."""

import http.client
import subprocess
import sys
import time


def wait_until_answering(server: subprocess.Popen, port: int, path: str = "/", *, seconds: int = 120) -> None:
    """Return once the server answers `path` (any status will do); exit the bench if it dies or stays mute."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit(f"gunicorn did not answer within {seconds} s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
