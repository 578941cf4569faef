"""Benchmark: applications submitted over HTTP against PostgreSQL, next to a bare Django insert.

    python bench/submit_load.py [--requests 3000] [--clients 32] [--workers 4] [--threads 2] [--cache-url URL]

Serves with gunicorn (pinned in pyproject.toml). Creates its own database (`tongban_bench_submit`
on the server of DATABASE_URL), migrates it, and creates one city, one department, one published
matter with a small form and no uploads (名称, 身份证号, 手机, 地址, 申请事由), and one applicant
account per client, each logged in with its own session. Then it starts a real multi-process
server (gunicorn, reading the repository's gunicorn.conf.py; workers and threads from the options,
CONN_MAX_AGE set, DJANGO_SETTINGS_MODULE=bench.settings_submit) and drives it with `--clients` concurrent keep-alive connections (threads with http.client), in the
same run:

  * floor:  POST /bench/floor — a bare Django view that parses the JSON body and inserts one row;
  * submit: POST /api/v1/cases with an Idempotency-Key — the real path: session auth and CSRF,
    submission.submit_application (key looked up, answers validated against the published version,
    numbered, timeline, audit, notification queued), 201 with the case.

Both run under the platform's own settings (tongban/settings.py: persistent connections, server-side
binding with prepared statements; cached_db sessions when a shared cache is given with --cache-url
or CACHE_URL); --no-prepared switches prepared statements off for both, to compare.

Floor and submit alternate for `--rounds`; then submissions are offered at a steady
`--latency-rate` per second (open loop) to measure latency below saturation. It prints throughput,
p50/p95/p99 and errors for each, the throughput ratio, the goals (ratio ≥ 50%, p99 ≤ 100 ms, 0
errors), the queries one submission makes, and checks that every case the clients were told about
is in the database (count and distinct numbers). Results and the command: docs/benchmarks.md.
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import stop_server, wait_until_answering  # noqa: E402

SETTINGS = "bench.settings_submit"
DATA_DIR = "/tmp/tongban_bench_submit"
PURPOSES = [{"value": "new", "label": "首次申请"}, {"value": "renew", "label": "到期换领"},
            {"value": "lost", "label": "遗失补领"}]


def bench_database_url(name: str) -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not url.startswith("postgres"):
        sys.exit("submit_load measures PostgreSQL: set DATABASE_URL to a PostgreSQL server")
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path[1:]}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{parts.path[1:]}"')


def server_env(url: str, *, prepared=True, cache_url: str = "") -> dict:
    env = dict(os.environ)
    if not prepared:
        env.update(DATABASE_SERVER_SIDE_BINDING="0", DATABASE_PREPARE_THRESHOLD="0")
    if cache_url:
        env.update(CACHE_URL=cache_url, CACHE_KEY_PREFIX=f"bench{os.getpid()}")
    else:
        env.pop("CACHE_URL", None)
    env.update(DATABASE_URL=url, CONN_MAX_AGE="600", TONGBAN_DATA_DIR=DATA_DIR, DJANGO_SETTINGS_MODULE=SETTINGS,
               DEBUG="0", LOG_LEVEL="WARNING",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p))
    return env


def setup_django(url: str, **switches) -> None:
    os.environ.update({k: v for k, v in server_env(url, **switches).items() if k != "PYTHONPATH"})
    import django

    django.setup()


# -- the world ------------------------------------------------------------------------------------

def make_world(clients: int) -> dict:
    """One matter with a small form and nothing to upload, and one logged-in applicant per client."""
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client

    from tongban.cases.tests.builders import make_user, valid_id
    from tongban.cases.workflow import default_version
    from tongban.catalog.tests.builders import make_department, make_division, make_matter
    from tongban.forms.defaults import person_fields

    with transaction.atomic():
        city = make_division()
        department = make_department(city, name="云川市公安局", sector="police")
        form = [{"key": "applicant_section", "type": "section", "label": "申请人信息"}, *person_fields(),
                {"key": "purpose", "type": "select", "label": "申请事由", "required": True, "options": PURPOSES}]
        _, impl = make_matter(department, basic_code="000105017000", name="户籍证明开具", matter_type="20",
                              service_objects=["1"], materials=[], fees=[], case_kind=2,
                              promised_limit_days=3, legal_limit_days=None, form_spec=form,
                              results=[{"name": "户籍证明", "kind": "other"}])
        default_version()  # install the case process once, before the clients race to file
        applicants = []
        for i in range(clients):
            id_number = valid_id(f"43010219900101{i:03d}")
            user = make_user(f"bench{i:03d}", display_name=f"测试申请人{i:03d}", id_number=id_number,
                             phone=f"1380000{i:04d}")
            answers = {"applicant_name": user.display_name, "applicant_id_number": id_number,
                       "applicant_phone": user.phone, "applicant_address": "云川市芙蓉区人民路8号",
                       "purpose": PURPOSES[i % len(PURPOSES)]["value"]}
            applicants.append({"user": user, "answers": answers})
    with connection.cursor() as cursor:
        from bench.urls_submit import FLOOR_DDL

        cursor.execute(FLOOR_DDL)
        cursor.execute("TRUNCATE bench_floor")
    for a in applicants:
        c = Client()
        c.force_login(a["user"])
        csrf = secrets.token_hex(16)  # 32 characters: a CSRF secret the header may carry as is
        a["cookie"] = f"{settings.SESSION_COOKIE_NAME}={c.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={csrf}"
        a["csrf"] = csrf
    return {"impl": impl, "applicants": applicants}


def submit_request(world, applicant, key: str) -> tuple[str, bytes, dict]:
    body = json.dumps({"implementation_code": world["impl"].code, "answers": applicant["answers"],
                       "channel": "mobile"}, ensure_ascii=False).encode()
    return "/api/v1/cases", body, {"Content-Type": "application/json", "Cookie": applicant["cookie"],
                                   "X-CSRFToken": applicant["csrf"], "Idempotency-Key": key}


def floor_request(world, applicant, key: str) -> tuple[str, bytes, dict]:
    body = json.dumps({"implementation_code": world["impl"].code, "answers": applicant["answers"], "key": key},
                      ensure_ascii=False).encode()
    return "/bench/floor", body, {"Content-Type": "application/json", "Cookie": applicant["cookie"]}


# -- queries per request --------------------------------------------------------------------------

def query_check(world) -> dict:
    """Run one submission (after a first one), its retry and one floor insert in-process and count
    the SQL."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    a = world["applicants"][0]
    client = Client()
    client.cookies.load(a["cookie"])
    # One submission first, as every server process has made by the time it is measured: the
    # per-process caches (published version, workflow, implementation) are filled.
    path, body, headers = submit_request(world, a, "bench-querycheck-warm")
    client.post(path, body, content_type="application/json", HTTP_X_CSRFTOKEN=headers["X-CSRFToken"],
                HTTP_IDEMPOTENCY_KEY="bench-querycheck-warm")
    out = {}
    for label, (path, body, headers) in [
        ("submit", submit_request(world, a, "bench-querycheck")),
        ("retry", submit_request(world, a, "bench-querycheck")),
        ("floor", floor_request(world, a, "bench-querycheck")),
    ]:
        extra = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()
                 if k not in ("Content-Type", "Cookie")}
        with CaptureQueriesContext(connection) as ctx:
            res = client.post(path, body, content_type="application/json", **extra)
        assert res.status_code in (200, 201), (label, res.status_code, res.content[:500])
        kinds = Counter(_kind(q["sql"]) for q in ctx.captured_queries)
        out[label] = (len(ctx.captured_queries), kinds, [q["sql"] for q in ctx.captured_queries])
    return out


def _kind(sql: str) -> str:
    words = sql.split()
    verb = words[0].upper() if words else "?"
    if verb in ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT"):
        return "transaction"
    table = ""
    for marker in ("FROM", "INTO", "UPDATE"):
        if marker in words:
            i = words.index(marker)
            table = words[i + 1].strip('"').split('"')[0] if i + 1 < len(words) else ""
            break
    return f"{verb} {table}".strip()


# -- the server ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, workers: int, threads: int, **switches) -> subprocess.Popen:
    try:
        from gunicorn.config import KNOWN_SETTINGS
    except ImportError:
        sys.exit("gunicorn is not installed: `pip install -e .` installs the pinned version")
    command = [sys.executable, "-m", "gunicorn", "tongban.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
               "--keep-alive", "30", "--backlog", "512", "--log-level", "warning", "--chdir", str(ROOT)]
    if any(s.name == "control_socket_disable" for s in KNOWN_SETTINGS):
        command.append("--no-control-socket")
    server = subprocess.Popen(command, env=server_env(url, **switches), cwd=ROOT)
    # Any answer will do (the OpenAPI page is slow to build on a worker's first request).
    wait_until_answering(server, port, "/")
    return server


# -- load ----------------------------------------------------------------------------------------

def run_load(port: int, jobs: list[list[tuple[str, bytes, dict]]], *, rate: float = 0, timeout: float = 30.0) -> dict:
    """Each client (thread) sends its jobs one after another on one keep-alive connection.

    Closed loop (rate 0): the next request leaves when the answer to the previous one is in.
    Open loop (rate > 0): request k of all clients is due at k / rate seconds; its latency counts
    from when it was due, so a server that falls behind is not flattered (coordinated omission)."""
    results: list[list[tuple[float, object, bytes]]] = [[] for _ in jobs]
    start = threading.Barrier(len(jobs) + 1)
    t_zero = [0.0]

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        start.wait()
        for n, (path, body, headers) in enumerate(jobs[i]):
            t = time.perf_counter()
            if rate:
                due = t_zero[0] + (n * len(jobs) + i) / rate
                if due > t:
                    time.sleep(due - t)
                t = due
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                status: object = response.status
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                status, data = type(exc).__name__, b""
                conn.close()
            results[i].append((time.perf_counter() - t, status, data))
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(jobs))]
    for t in threads:
        t.start()
    t_zero[0] = time.perf_counter() + 0.01
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    flat = [r for per in results for r in per]
    return {"wall": wall, "latencies": [r[0] for r in flat], "statuses": Counter(r[1] for r in flat),
            "bodies": [r[2] for r in flat if r[1] in (200, 201)]}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p * (len(ordered) - 1))))]


def summary(label: str, run: dict, ok_status: int = 201) -> str:
    lat = run["latencies"]
    ok = run["statuses"].get(ok_status, 0)
    errors = len(lat) - ok
    return (f"{label:<8} n={len(lat):<6} ok={ok:<6} errors={errors:<4} throughput={ok / run['wall']:7.1f}/s  "
            f"p50={percentile(lat, .5) * 1000:6.1f} ms  p95={percentile(lat, .95) * 1000:6.1f} ms  "
            f"p99={percentile(lat, .99) * 1000:6.1f} ms  max={max(lat) * 1000:6.1f} ms")


def build_jobs(world, kind: str, total: int, clients: int, tag: str) -> list[list]:
    make = submit_request if kind == "submit" else floor_request
    per = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    return [[make(world, world["applicants"][i], f"bench-{tag}-{i}-{n}") for n in range(per[i])]
            for i in range(clients)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000, help="submissions (and floor inserts) per round")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients, each its own applicant")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 2),
                        help="gunicorn worker processes (default: 2 per core, as gunicorn.conf.py)")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker (gthread, default 2)")
    parser.add_argument("--rounds", type=int, default=2, help="floor/submit rounds, alternating (default 2)")
    parser.add_argument("--warmup", type=int, default=8, help="warm-up requests per client and endpoint")
    parser.add_argument("--latency-rate", type=float, default=10.0,
                        help="then submissions at this steady rate per second (open loop) for latency; 0 skips")
    parser.add_argument("--latency-seconds", type=float, default=30.0, help="length of the steady-rate run")
    parser.add_argument("--db-name", default="tongban_bench_submit", help="database to (re)create")
    parser.add_argument("--show-queries", action="store_true", help="print the SQL of one submission")
    parser.add_argument("--no-prepared", dest="prepared", action="store_false",
                        help="server: client-side binding, nothing prepared (the platform's default is "
                             "server-side binding with prepared statements)")
    parser.add_argument("--cache-url", default=os.environ.get("CACHE_URL", ""),
                        help="server: a shared cache (redis://…) — the platform then keeps sessions in it "
                             "(cached_db); default $CACHE_URL, else sessions in the database only")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    url = bench_database_url(args.db_name)
    recreate_database(url)
    switches = {"prepared": args.prepared, "cache_url": args.cache_url}
    setup_django(url, **switches)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    world = make_world(args.clients)
    print(f"database: PostgreSQL {connection.settings_dict['NAME']}; matter {world['impl'].code}; "
          f"{args.clients} applicants with their own sessions")

    queries = query_check(world)
    for label, (n, kinds, _sql) in queries.items():
        detail = ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        print(f"queries per request, {label}: {n}  ({detail})")
    if args.show_queries:
        for sql in queries["submit"][2]:
            print("   ", sql[:200])
    connection.close()  # the server's workers get the connections from here on

    port = free_port()
    server = start_server(url, port, args.workers, args.threads, **switches)
    from django.conf import settings

    options = settings.DATABASES["default"].get("OPTIONS", {})
    print(f"server: gunicorn {args.workers} workers × {args.threads} threads (gthread), CONN_MAX_AGE=600, "
          f"server_side_binding={options.get('server_side_binding', False)}, "
          f"prepare_threshold={options.get('prepare_threshold')}, sessions {settings.SESSION_ENGINE.rsplit('.', 1)[1]}"
          f"{' in ' + args.cache_url.split('@')[-1] if args.cache_url else ''}; {os.cpu_count()} CPUs; "
          f"{args.clients} clients, {args.requests} requests per endpoint and round; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    runs: dict[str, list[dict]] = {"floor": [], "submit": []}
    try:
        run_load(port, build_jobs(world, "floor", args.warmup * args.clients, args.clients, "warm"))
        run_load(port, build_jobs(world, "submit", args.warmup * args.clients, args.clients, "warm"))
        for r in range(args.rounds):
            for kind in ("floor", "submit"):
                run = run_load(port, build_jobs(world, kind, args.requests, args.clients, f"r{r}"))
                runs[kind].append(run)
                print(summary(f"{kind}#{r + 1}", run))
        if args.latency_rate:
            n = int(args.latency_rate * args.latency_seconds)
            steady = run_load(port, build_jobs(world, "submit", n, args.clients, "steady"), rate=args.latency_rate)
    finally:
        stop_server(server)

    from tongban.cases.models import Case

    def merged(kind):
        rs = runs[kind]
        return {"wall": sum(r["wall"] for r in rs), "latencies": [x for r in rs for x in r["latencies"]],
                "statuses": sum((r["statuses"] for r in rs), Counter()), "bodies": [b for r in rs for b in r["bodies"]]}

    floor, submit = merged("floor"), merged("submit")
    print()
    print(summary("floor", floor))
    print(summary("submit", submit))
    if args.latency_rate:
        print(summary(f"steady {args.latency_rate:g}/s", steady) + "   (open loop, submit)")
    ok_floor, ok_submit = floor["statuses"].get(201, 0), submit["statuses"].get(201, 0)
    ratio = (ok_submit / submit["wall"]) / (ok_floor / floor["wall"])
    p99 = percentile(submit["latencies"], .99) * 1000
    errors = len(submit["latencies"]) - ok_submit
    numbers = {json.loads(b)["number"] for b in submit["bodies"]}
    ours = Case.objects.filter(idempotency_key__regex=r"^bench-r\d+-")
    stored, stored_numbers = ours.count(), set(ours.values_list("number", flat=True))
    steady_ok = steady_stored = 0
    if args.latency_rate:
        steady_ok = steady["statuses"].get(201, 0)
        errors += len(steady["latencies"]) - steady_ok
        steady_stored = Case.objects.filter(idempotency_key__startswith="bench-steady-").count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM bench_floor WHERE payload->>'key' LIKE 'bench-r%%'")
        floor_rows = cursor.fetchone()[0]
    if submit["statuses"].keys() - {201}:
        print(f"non-201 answers to submissions: {dict(submit['statuses'])}")
    print(f"throughput ratio submit/floor: {ratio:.0%}  (goal >= 50%: {'met' if ratio >= .5 else 'MISSED'})")
    print(f"submit p99 at full load: {p99:.1f} ms  (goal <= 100 ms: {'met' if p99 <= 100 else 'MISSED'})")
    if args.latency_rate:
        steady_p99 = percentile(steady["latencies"], .99) * 1000
        print(f"submit p99 at {args.latency_rate:g}/s: {steady_p99:.1f} ms  "
              f"(goal <= 100 ms: {'met' if steady_p99 <= 100 else 'MISSED'})")
    print(f"submit errors: {errors}  (goal 0: {'met' if errors == 0 else 'MISSED'})")
    present = stored == ok_submit == len(numbers) and numbers == stored_numbers and steady_stored == steady_ok
    print(f"cases stored: {stored} for {ok_submit} successes, {len(numbers)} distinct numbers answered; steady run "
          f"{steady_stored} stored for {steady_ok} successes ({'all present' if present else 'MISMATCH'}); "
          f"floor rows {floor_rows} for {ok_floor} successes")
    print(f"total run time: {time.perf_counter() - started:.0f} s")
    return 0 if present else 1


if __name__ == "__main__":
    sys.exit(main())
