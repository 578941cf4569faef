"""Servers the multi-node tests start for themselves, each on a free port of 127.0.0.1 and stopped when its
test ends: a Redis of their own (nothing shared with other test runs on the machine's Redis, nothing left
behind), an S3-compatible object store (moto's server, in this process), and web nodes and workers of the
platform (gunicorn and `tongban rqworker`, separate processes with a data directory each, configured only
through the environment, as on real nodes: docs/deployment.md).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import requests
from django.conf import settings
from django.db import connection

REPOSITORY = Path(__file__).resolve().parents[3]
START_TIMEOUT = 120  # seconds for a node to answer; a busy 2-core box needs the margin
S3_KEYS = {"access_key": "tongban-test", "secret_key": "tongban-test-secret", "region_name": "us-east-1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(*processes: subprocess.Popen, sig=signal.SIGTERM, timeout: float = 10) -> None:
    """Signal them all, then wait for each (killed if it takes longer than `timeout`)."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(sig)
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def redis_server(folder: Path):
    """A private redis-server (Debian's redis-server package; scripts/test installs it); yields its URL
    without a database number."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server 未安装：apt-get install redis-server（scripts/test 会安装）"
    import redis

    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = (folder / "redis.log").open("w")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder), "--loglevel", "warning"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        client, deadline = redis.Redis(port=port), time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert process.poll() is None and time.monotonic() < deadline, (folder / "redis.log").read_text()
                time.sleep(0.05)
        client.close()
        yield f"redis://127.0.0.1:{port}"
    finally:
        _stop(process)
        log.close()


@contextmanager
def object_store():
    """moto's S3-compatible server with one empty private bucket; yields its endpoint and bucket."""
    import logging

    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        store = SimpleNamespace(endpoint=f"http://{host}:{port}", bucket=f"tongban-{uuid.uuid4().hex[:8]}", **S3_KEYS)
        store.client = boto3.client("s3", endpoint_url=store.endpoint, aws_access_key_id=store.access_key,
                                    aws_secret_access_key=store.secret_key, region_name=store.region_name)
        store.client.create_bucket(Bucket=store.bucket)
        store.keys = lambda prefix="": sorted(
            o["Key"] for page in store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket,
                                                                                          Prefix=prefix)
            for o in page.get("Contents", []))
        yield store
    finally:
        server.stop()


def s3_storages(store) -> dict:
    """STORAGES for override_settings: what TONGBAN_STORAGE=s3 with this store's settings gives."""
    options = {"bucket_name": store.bucket, "endpoint_url": store.endpoint, "region_name": store.region_name,
               "access_key": store.access_key, "secret_key": store.secret_key, "addressing_style": "path",
               "default_acl": None, "file_overwrite": False, "querystring_auth": True, "querystring_expire": 60,
               "max_memory_size": 5 * 1024 * 1024}
    backend = "storages.backends.s3.S3Storage"
    return {"default": {"BACKEND": backend, "OPTIONS": {**options, "location": "media"}},
            "private": {"BACKEND": backend, "OPTIONS": {**options, "location": "private"}},
            "staticfiles": settings.STORAGES["staticfiles"]}


def database_url() -> str:
    """The test database, for other processes (pytest-django's test_<name>, committed by a transactional test)."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def node_environment(*, redis_url: str, store, data_dir: Path, key_prefix: str) -> dict:
    """What the operator sets on every node (docs/deployment.md); only the data directory is each node's own."""
    data_dir.mkdir(parents=True, exist_ok=True)
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("TONGBAN_", "DATABASE_", "CACHE_", "TASKS_", "AWS_", "SESSION_"))}
    return {
        **keep,
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "tongban.settings",
        "DATABASE_URL": database_url(),
        "TONGBAN_DATA_DIR": str(data_dir),
        # Shared secrets: sessions and CSRF work on any node, and every node decrypts the seal keys.
        "SECRET_KEY": settings.SECRET_KEY,
        "TONGBAN_SEAL_KEY": settings.TONGBAN_SEAL_KEY,
        "CACHE_URL": f"{redis_url}/0",
        "CACHE_KEY_PREFIX": key_prefix,
        "TASKS_BACKEND": "django_tasks_rq.RQBackend",
        "TASKS_REDIS_URL": f"{redis_url}/1",
        "TONGBAN_STORAGE": "s3",
        "TONGBAN_S3_BUCKET": store.bucket,
        "TONGBAN_S3_ENDPOINT_URL": store.endpoint,
        "TONGBAN_S3_REGION": store.region_name,
        "TONGBAN_S3_ACCESS_KEY_ID": store.access_key,
        "TONGBAN_S3_SECRET_ACCESS_KEY": store.secret_key,
    }


@contextmanager
def nodes(web: list[dict], workers: list[dict], folder: Path):
    """Web nodes (gunicorn) and worker nodes (`tongban rqworker`), one per environment, started together
    (Django takes seconds to load); yields the web nodes' base URLs once each answers."""
    from tongban.cli import _server_command

    folder.mkdir(parents=True, exist_ok=True)
    started, logs, urls = [], [], []

    def start(command, env, log):
        logs.append(log.open("w"))
        process = subprocess.Popen(command, env=env, cwd=REPOSITORY, stdout=logs[-1], stderr=subprocess.STDOUT)
        started.append(process)
        return process

    try:
        for i, env in enumerate(workers):
            start([sys.executable, "-m", "tongban", "rqworker", "--job-class", "django_tasks_rq.Job", "default"],
                  env, folder / f"worker-{i}.log")
        waiting = []
        for i, env in enumerate(web):
            port = free_port()
            log = folder / f"web-{i}.log"
            # A second, not the demo's five, for a worker to finish its requests when the test stops the node.
            command = [*_server_command(port), "--graceful-timeout", "1"]
            waiting.append((f"http://127.0.0.1:{port}", start(command, env, log), log))
        deadline = time.monotonic() + START_TIMEOUT
        for url, process, log in waiting:
            while True:
                try:
                    if requests.get(f"{url}/accounts/login/", timeout=30).status_code == 200:
                        break
                except requests.RequestException:  # not listening yet, or still loading Django
                    pass
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.2)
            urls.append(url)
        yield urls
    except BaseException:
        # What the nodes said goes into the test's report: the failure may be theirs.
        for log in logs:
            log.flush()
            print(f"--- {log.name} (last lines)\n" + Path(log.name).read_text()[-4000:])
        raise
    finally:
        # gunicorn's quick shutdown (SIGINT); an RQ worker finishes the task it is running (SIGTERM).
        _stop(*started[len(workers):], sig=signal.SIGINT)
        _stop(*started[:len(workers)])
        for log in logs:
            log.close()


def wait_for(condition, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what or condition}"
        time.sleep(0.2)


class Browser(requests.Session):
    """A person's browser on one node: cookies, Django's CSRF token sent back as the forms and the API ask."""

    def __init__(self, base_url: str):
        super().__init__()
        self.base_url = base_url

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        if method.upper() not in ("GET", "HEAD") and "csrftoken" in self.cookies:
            kwargs.setdefault("headers", {}).setdefault("X-CSRFToken", self.cookies["csrftoken"])
        kwargs.setdefault("timeout", 30)
        return super().request(method, url, *args, **kwargs)

    def on(self, base_url: str) -> "Browser":
        """The same person (the same cookies) on another node."""
        other = Browser(base_url)
        other.cookies.update(self.cookies)
        return other

    def log_in(self, username: str, password: str, code: str = "") -> None:
        assert self.get("/accounts/login/").status_code == 200
        page = self.post("/accounts/login/", data={"username": username, "password": password})
        assert page.status_code == 200 and "sessionid" in self.cookies, page.text[-2000:]
        if "/accounts/second-factor/" in page.url:  # staff: the code of their authenticator or a backup code
            page = self.post("/accounts/second-factor/", data={"token": code})
            assert page.status_code == 200 and "/accounts/second-factor/" not in page.url, page.text[-2000:]
