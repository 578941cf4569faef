"""A PostgreSQL cluster of the test's own, for tests that stop the database: made with initdb on a free
port in a temporary directory, never the machine's shared server.

PostgreSQL refuses to run as root, so under root the cluster's files and server belong to the
`postgres` user (runuser). Whatever goes wrong here fails the test; it never skips.
Also: the real processes a test starts against it (Services), and plain HTTP calls (call).
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("TONGBAN_PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "tongban"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnCluster:
    """initdb on entering (the server not started yet), everything removed on leaving."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="tongban-pg-"))
        self.data, self.log = self.dir / "data", self.dir / "server.log"
        self.port = free_port()
        self.owner = "postgres" if os.geteuid() == 0 else None
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def __enter__(self):
        try:
            self._create()
        except BaseException:
            self.destroy()
            raise
        return self

    def __exit__(self, *exc):
        self.destroy()

    def _pg(self, program: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(PG_BIN / program), *args]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.fail(f"{program} 无法运行：{exc}")
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            pytest.fail(f"{program} {' '.join(args)} 失败（{done.returncode}）：{done.stderr or done.stdout}\n{log}")
        return done

    def _create(self) -> None:
        if not (PG_BIN / "initdb").exists():
            pytest.fail(f"找不到 PostgreSQL 程序 {PG_BIN}/initdb（可用 TONGBAN_PG_BIN 指定目录）：无法建立测试自己的数据库")
        if self.owner:
            shutil.chown(self.dir, self.owner)
        self._pg("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync", "--no-instructions")

    def start(self) -> None:
        # No fsync: the test stops the server cleanly, it never crashes it.
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c full_page_writes=off -c synchronous_commit=off")
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        """fast: the way a service manager stops PostgreSQL (open sessions are ended, their
        transactions rolled back)."""
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def psql(self, database: str, *args: str, stdin=None) -> str:
        done = subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                               "-p", str(self.port), "-U", "postgres", "-d", database, *args],
                              stdin=stdin, capture_output=True, text=True, timeout=120)
        if done.returncode:
            pytest.fail(f"psql 失败：{done.stderr[-2000:]}")
        return done.stdout

    def copy_from(self, settings_dict: dict) -> None:
        """The database becomes a copy of another PostgreSQL database (the test database: migrated,
        with the test's data), through pg_dump. It is restored under another name and renamed when
        complete, so a process already trying to connect finds no database, then the whole of it."""
        env = {**os.environ}
        if settings_dict.get("PASSWORD"):
            env["PGPASSWORD"] = settings_dict["PASSWORD"]
        dump = self.dir / "copy.sql"
        with dump.open("w") as out:
            done = subprocess.run([str(PG_BIN / "pg_dump"), "--no-owner", "--no-privileges",
                                   "-h", settings_dict.get("HOST") or "127.0.0.1",
                                   "-p", str(settings_dict.get("PORT") or 5432),
                                   "-U", settings_dict.get("USER") or "postgres", settings_dict["NAME"]],
                                  stdout=out, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
        if done.returncode:
            pytest.fail(f"pg_dump 失败：{done.stderr[-2000:]}")
        self.psql("postgres", "-c", f"CREATE DATABASE {DATABASE}_restoring")
        with dump.open() as source:
            self.psql(f"{DATABASE}_restoring", stdin=source)
        self.psql("postgres", "-c", f"ALTER DATABASE {DATABASE}_restoring RENAME TO {DATABASE}")

    def query(self, sql: str, params=None) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url, connect_timeout=10) as conn:
            return conn.execute(sql, params).fetchall()

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
            if self.owner:
                command = ["runuser", "-u", self.owner, "--", *command]
            subprocess.run(command, capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


class Services:
    """Real processes (web server, workers, scheduler), each logging to its own file; stopped with
    SIGTERM, then killed, when the block ends."""

    def __init__(self, directory: Path, env: dict):
        self.dir, self.env, self.procs = directory, env, {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 8
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = (self.dir / f"{name}.log").open("w")
        self.procs[name] = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                            cwd=Path(__file__).resolve().parents[3])
        return self.procs[name]

    def log(self, name: str) -> str:
        return (self.dir / f"{name}.log").read_text(errors="replace")

    def logs(self) -> str:
        """The end of every log, for an assertion's message."""
        return "\n".join(f"--- {name} ---\n{self.log(name)[-3000:]}" for name in self.procs)


def call(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
         timeout: float = 30) -> tuple[int | str, dict, bytes]:
    """(status, lower-cased headers, body); the status is the exception's name when none came."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except (OSError, http.client.HTTPException) as exc:
        return type(exc).__name__, {}, b""
    finally:
        conn.close()


def wait_for(condition, timeout: float, what: str, services: Services | None = None, every: float = 0.3):
    """The condition's first truthy value, or fail saying what did not happen (with the logs)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{timeout:.0f} 秒内未{what}" + (f"\n{services.logs()}" if services else ""))
        time.sleep(every)
