"""The parts of bench/scale.py that run inside Django, on one database (a subprocess with
DATABASE_URL set; client-side binding so that captured SQL carries its parameters):

    python -m bench.scale_helpers counts
    python -m bench.scale_helpers check           # open generated cases' own pages
    python -m bench.scale_helpers sweep 1000        # time tongban.cases.tasks.sweep with 1,000 cases due
    python -m bench.scale_helpers queries '<pages as JSON>'

Each prints one JSON line last.
"""

import json
import re
import sys
import time

PASSWORD = "Demo-2026-yc"


def counts() -> dict:
    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    with connection.cursor() as c:
        c.execute("SELECT count(*), count(*) FILTER (WHERE phase IN ('submitted', 'correction', 'processing')), "
                  "count(*) FILTER (WHERE phase = 'processing' AND paused_since IS NULL AND promised_due < %s) "
                  "FROM cases_case", [today])
        cases, open_, overdue = c.fetchone()
        c.execute("SELECT (SELECT count(*) FROM cases_caseevent), (SELECT count(*) FROM ratings_rating), "
                  "(SELECT count(*) FROM cases_case c JOIN accounts_user u ON u.id = c.applicant_id "
                  " WHERE u.username = 'citizen'), "
                  "(SELECT count(*) FROM ratings_rating r JOIN accounts_user u ON u.id = r.rater_id "
                  " WHERE u.username = 'citizen')")
        events, ratings, citizen_cases, citizen_ratings = c.fetchone()
    return {"cases": cases, "open": open_ / cases if cases else 0, "overdue": overdue, "events": events,
            "ratings": ratings, "citizen_cases": citizen_cases, "citizen_ratings": citizen_ratings}


def sweep(due: int) -> dict:
    """Make `due` cases due for a notice (running ones first, then recently completed ones reopened
    for the run; 预警 when the promised date is ahead, 超期 when past), run the sweep as the
    sweep_deadlines task does, then put the cases back and remove what it sent."""
    from django.db import connection
    from django.utils import timezone

    from tongban.cases.tasks import sweep as run_sweep

    today, t0 = timezone.localdate(), timezone.now()
    with connection.cursor() as c:
        c.execute("DROP TABLE IF EXISTS bench_sweep")
        c.execute("CREATE TEMP TABLE bench_sweep AS SELECT id, number, phase, warned_at, overdue_notified_at, warn_on, "
                  "paused_since FROM cases_case WHERE id IN (SELECT id FROM cases_case "
                  "WHERE phase IN ('processing', 'completed') AND promised_days > 0 AND promised_due IS NOT NULL "
                  "ORDER BY phase = 'processing' DESC, id DESC LIMIT %s)", [due])
        c.execute("UPDATE cases_case c SET phase = 'processing', paused_since = NULL, warned_at = NULL, "
                  "overdue_notified_at = NULL, warn_on = CASE WHEN c.promised_due >= %s THEN least(c.warn_on, %s) "
                  "ELSE c.warn_on END FROM bench_sweep s WHERE s.id = c.id", [today, today])
        c.execute("SELECT count(*) FILTER (WHERE promised_due >= %s), count(*) FILTER (WHERE promised_due < %s) "
                  "FROM cases_case WHERE phase = 'processing' AND paused_since IS NULL AND ((warn_on <= %s AND "
                  "promised_due >= %s AND warned_at IS NULL) OR (promised_due < %s AND overdue_notified_at IS NULL))",
                  [today] * 5)
        due_warn, due_overdue = c.fetchone()
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(1)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            result = run_sweep()
            seconds = time.perf_counter() - started
        queries = len(statements)
    finally:
        with connection.cursor() as c:
            c.execute("SELECT count(*) FROM notify_notification WHERE created_at >= %s", [t0])
            notifications = c.fetchone()[0]
            c.execute("UPDATE cases_case c SET phase = s.phase, warned_at = s.warned_at, "
                      "overdue_notified_at = s.overdue_notified_at, warn_on = s.warn_on, paused_since = s.paused_since "
                      "FROM bench_sweep s WHERE s.id = c.id")
            c.execute("DELETE FROM notify_notification WHERE created_at >= %s AND reference IN "
                      "(SELECT number FROM bench_sweep)", [t0])
            c.execute("DELETE FROM django_tasks_database_dbtaskresult WHERE enqueued_at >= %s", [t0])
    return {"due": due, "due_warning": due_warn, "due_overdue": due_overdue, "seconds": seconds, "queries": queries,
            "notifications": notifications, "counts": result}


def _login(client, username: str) -> None:
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from tongban.accounts.models import User

    client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    device = StaticDevice.objects.filter(user=User.objects.get(username=username), confirmed=True).first()
    if device is not None:
        token = StaticToken.random_token()
        StaticToken.objects.create(device=device, token=token)
        client.post("/accounts/second-factor/", {"token": token})


def check() -> dict:
    """Open generated cases' own pages — one of every phase and hand-out state, as the supervisor
    (workbench) and as the citizen (her case page), plus a notice PDF — and report what answered."""
    from django.db.models import Q
    from django.test import Client

    from tongban.cases.models import Case

    bench = Q(applicant__username__startswith="bench_u") | Q(applicant__username="citizen")
    picks = {}
    for c in Case.objects.filter(bench).exclude(phase="draft").order_by("-id").values(
            "number", "phase", "delivery_status", "accept_mode", "paused_since", "applicant__username")[:20000]:
        key = (c["phase"], c["delivery_status"], c["accept_mode"], c["paused_since"] is not None)
        picks.setdefault(key, c)
    staff, citizen = Client(), Client()
    _login(staff, "supervisor")
    _login(citizen, "citizen")
    answers = {}
    for key, c in sorted(picks.items(), key=str):
        status = staff.get(f"/inbox/cases/{c['number']}/").status_code
        answers[f"workbench {'/'.join(str(k) for k in key)}"] = status
    for c in Case.objects.filter(applicant__username="citizen").exclude(phase="draft").order_by("-id").values(
            "number", "phase")[:400]:
        key = f"citizen page {c['phase']}"
        if key not in answers:
            answers[key] = citizen.get(f"/my/cases/{c['number']}/").status_code
    bad = {k: v for k, v in answers.items() if v != 200}
    return {"opened": len(answers), "not_200": bad}


def _shape(sql: str) -> str:
    """A statement without its select list, literals and IN lists: the same query for another user or
    value has the same shape (only one of each is explained)."""
    sql = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql, count=1, flags=re.S)
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\bIN \([^)]*\)", "IN (?)", sql)
    return re.sub(r"\b\d+\b", "?", sql)


def queries(page_list: list) -> dict:
    """Each page once in-process with its SQL timed; the slowest statements, and EXPLAIN (ANALYZE,
    BUFFERS) of the worst five different ones."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients, statements = {}, []
    for label, user, method, path, data, _search in page_list:
        if user not in clients:
            clients[user] = Client()
            if user:
                _login(clients[user], user)
        client = clients[user]
        client.get(path) if method == "GET" else client.post(path, data or {})  # warm
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path) if method == "GET" else client.post(path, data or {})
        if response.status_code != 200:
            statements.append({"page": label, "ms": 0.0, "sql": f"status {response.status_code}"})
        for q in ctx.captured_queries:
            statements.append({"page": label, "ms": float(q["time"]) * 1000, "sql": q["sql"]})
    statements.sort(key=lambda s: -s["ms"])
    explained, seen = [], set()
    for s in statements:
        if len(explained) == 5 or not s["sql"].lstrip().upper().startswith("SELECT"):
            continue
        shape = _shape(s["sql"])
        if shape in seen:
            continue
        seen.add(shape)
        with connection.cursor() as c:
            c.execute("EXPLAIN (ANALYZE, BUFFERS) " + s["sql"])
            plan = "\n".join(row[0] for row in c.fetchall())
        explained.append({**s, "plan": plan})
    per_page = {}
    for s in statements:
        page = per_page.setdefault(s["page"], {"queries": 0, "ms": 0.0})
        page["queries"] += 1
        page["ms"] += s["ms"]
    return {"slowest": statements[:15], "explained": explained, "per_page": per_page}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    import django

    django.setup()
    command = argv[0]
    if command == "counts":
        out = counts()
    elif command == "check":
        out = check()
    elif command == "sweep":
        out = sweep(int(argv[1]))
    elif command == "queries":
        out = queries(json.loads(argv[1]))
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(out, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
