"""Years of a real city's cases, generated inside PostgreSQL: the data behind bench/scale.py, and for
any other bench that needs a city at scale (the statistics bench).

    python bench/scale_data.py base --db scale_demo                    # migrate + the demo city (~5 min)
    python bench/scale_data.py generate --db scale_1m --n 1000000      # clone scale_demo, add 1M cases

From Python, in a Django process whose default database already holds the demo city:

    from bench.scale_data import generate
    summary = generate(connection, 1_000_000, seed=13)

`generate` first adds what the demo city lacks at this scale with the platform's own services:
approvers for every department and clerks for every hall (audited, with roles), then copies in a
population (persons with valid 公民身份号码 check characters, organisations with valid 统一社会信用代码,
accounts for about half of the persons). Then, one month at a time, INSERT … SELECT statements
(bench/scale_sql.py) write the cases of the last `years` years with their timelines, ratings and 差评
loops, fee orders, pauses, 补正 notices, 督办 and rating invitations. The spread:

* submissions on working days (Mondays busiest, quiet Fridays), a trickle online at weekends and on
  holidays (the platform's working-day calendar, tongban.workcal), seasons, ~15%/year growth;
* implementations skewed (a matter's popularity × its department; city 30%, districts 50%, towns
  15%, villages 5%), 40% at a window, the rest web, mobile and kiosks; 15% filed for organisations;
* numbers as tongban.cases.numbering makes them (implementation code + date + the day's serial);
* acceptance the same day at a window, 0–2 working days online, 5% after a 补正; 承诺件 decided
  within their promised working days (3% late, 3% paused for a special procedure, a few stuck for
  months), 即办件 at once; 1.2% refused, 0.7% withdrawn, 1.2% denied; due and warning dates counted
  as tongban.cases.deadlines counts them; the sweep's stamps as it would have left them;
* fees paid within days (待缴费 until then), results collected at the window within days (a few
  never), posted, or downloaded; ratings for 28% of completed cases, 1% of them bad, each bad one with
  its 差评整改 loop;
* one citizen (the demo's `citizen`) with ~2,000 cases of her own.

Everything is a hash of the seed: the same seed and N give the same city. While loading, the big
tables' secondary indexes are dropped and rebuilt afterwards, and foreign-key triggers are off
(session_replication_role = replica; the rows are consistent by construction); then VACUUM ANALYZE.
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTOR = "压测数据生成程序"
BIG_TABLES = ("cases_case", "cases_caseevent", "ratings_rating", "payments_paymentorder", "payments_paymentitem")
LEVEL_SHARE = {3: 0.30, 4: 0.50, 5: 0.15, 6: 0.05}  # city, districts/county, towns/streets, villages
WEEKDAY = [1.15, 1.05, 1.0, 1.0, 0.9, 0.06, 0.06]
MONTH = [1.05, 0.8, 1.1, 1.0, 1.0, 1.0, 1.1, 1.1, 1.05, 0.9, 1.0, 1.05]
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉文辉斌波宇浩凯鹏飞欣怡梓涵轩雨萱晓梅思佳俊峰婷雪琳"
AREAS = ["431402"] * 4 + ["431403"] * 3 + ["431421"] * 3 + ["430102", "430104", "430111", "431102", "440304"]
DISTRICTS = {"431402": "芙蓉区", "431403": "湘江区", "431421": "云溪县"}
ROADS = "人民路 解放西路 五一大道 蔡锷中路 书院路 芙蓉中路 湘江大道 建设路 青山路 滨江路 枫林路 学院街".split()
TRADES = "餐饮 商贸 建筑 科技 物流 医药 教育咨询 文化传媒 农业开发 汽车服务 家政服务 装饰工程".split()
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def say_default(text: str) -> None:
    print(text, flush=True)


# -- databases (used by bench/scale.py too) ------------------------------------------------------

def database_url(name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not url.startswith("postgres"):
        sys.exit("the scale bench measures PostgreSQL: set DATABASE_URL to a PostgreSQL server")
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def database_size(name: str) -> int:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
        return conn.execute("SELECT pg_database_size(%s)", [name]).fetchone()[0]


def django_env(name: str, data_dir: str = "/tmp/tongban_bench_scale", **extra: str) -> dict:
    env = dict(os.environ, **extra)
    env.update(DATABASE_URL=database_url(name), TONGBAN_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="tongban.settings",
               DEBUG="0", LOG_LEVEL="WARNING",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p))
    return env


def run_here(name: str, *args: str, data_dir: str = "/tmp/tongban_bench_scale") -> None:
    """This file's command line in a new process bound to database `name`."""
    import subprocess

    # Client-side binding: the generator sends multi-statement scripts and COPY.
    env = django_env(name, data_dir, DATABASE_SERVER_SIDE_BINDING="0", DATABASE_PREPARE_THRESHOLD="0")
    subprocess.run([sys.executable, str(Path(__file__)), *args], env=env, cwd=ROOT, check=True)


# -- the base city -------------------------------------------------------------------------------

def build_base(say=say_default) -> dict:
    """Migrate and load the demo city (tongban.demo.loader, through the platform's services)."""
    from django.core.management import call_command

    from tongban.demo.loader import load_demo

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    say(f"migrated in {time.monotonic() - started:.0f} s; loading the demo city…")
    summary = load_demo(stdout=None)
    say(f"demo city: {summary['departments']} departments, {summary['matters']} matters, "
        f"{summary['implementations']} implementations, {summary['cases']['created']} cases "
        f"({time.monotonic() - started:.0f} s)")
    return summary


# -- what the SQL needs from the platform ---------------------------------------------------------

def _staff(rng: random.Random, say) -> tuple[dict, dict]:
    """Approvers for every department and clerks for every hall, through the platform's services (the
    demo city has a handful). Returns ({department id: [(user id, name)]}, {division id: [...]})."""
    from django.contrib.auth.hashers import make_password

    from tongban.accounts.models import Role, StaffRole, User
    from tongban.accounts.services import create_user, grant_role
    from tongban.org.models import Department, Division, ServiceSite

    password = None
    approvers, clerks = {}, {}
    existing = {u.username: u for u in User.objects.filter(username__startswith="bench_staff_")}

    def person(username: str, division, role: str, department=None):
        nonlocal password
        user = existing.get(username)
        if user is None:
            password = password or make_password("Bench-2026-scale")
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            user = create_user(ACTOR, username=username, password_hash=password, display_name=name,
                               phone=f"137{rng.randrange(10**8):08d}")
            grant_role(ACTOR, user, role, division=division, department=department)
        return user.pk, user.display_name

    for dept in Department.objects.select_related("division").order_by("pk"):
        approvers[dept.pk] = [person(f"bench_staff_a{dept.pk}_{i}", dept.division, Role.APPROVER, dept) for i in range(3)]
    site_divisions = set(ServiceSite.objects.values_list("division_id", flat=True))
    for division in Division.objects.filter(pk__in=site_divisions).order_by("pk"):
        count = 8 if division.level == 3 else (4 if division.level == 4 else 2)
        clerks[division.pk] = [person(f"bench_staff_c{division.pk}_{i}", division, Role.CLERK) for i in range(count)]
    # The demo's own staff work their scopes too (their queues are the ones the bench opens).
    demo = StaffRole.objects.exclude(user__username__startswith="bench_staff_").select_related("user")
    for r in demo.filter(role=Role.APPROVER, department__isnull=False):
        approvers.setdefault(r.department_id, []).append((r.user_id, r.user.display_name))
    for r in demo.filter(role=Role.CLERK, department__isnull=True):
        clerks.setdefault(r.division_id, []).append((r.user_id, r.user.display_name))
    say(f"staff: {sum(map(len, approvers.values()))} approvers, {sum(map(len, clerks.values()))} clerks")
    return approvers, clerks


def _implementations(rng: random.Random, approvers: dict, clerks: dict) -> list[tuple]:
    from tongban.cases.workflow import version_for
    from tongban.catalog.models import FeeItem, Implementation, MatterVersion
    from tongban.org.models import Division, Window
    from tongban.workflow.models import State, StateKind, Transition

    parents = dict(Division.objects.values_list("pk", "parent_id"))
    levels = dict(Division.objects.values_list("pk", "level"))
    windows = {}
    for w in Window.objects.select_related("site").prefetch_related("departments").order_by("number"):
        for d in w.departments.all():
            windows.setdefault(("dept", d.pk), w.pk)
        windows.setdefault(("div", w.site.division_id), w.pk)
    published = {v.matter_id: v for v in MatterVersion.objects.filter(status="published")}
    fees = {}
    for f in FeeItem.objects.filter(amount_cents__gt=0).order_by("pk"):
        fees.setdefault(f.version_id, f)
    popularity, states, rows = {}, {}, []
    impls = list(Implementation.objects.filter(status="active").select_related("department", "matter").order_by("pk"))
    for impl in impls:
        version = published.get(impl.matter_id)
        if version is None:
            continue
        process = version_for(impl.matter)
        if process.pk not in states:
            ss = {s.code: s for s in State.objects.filter(version=process)}
            start = next(s for s in ss.values() if s.kind == StateKind.START)
            done = next(s for s in sorted(ss.values(), key=lambda s: s.order) if s.kind == StateKind.FINAL)
            decide = Transition.objects.filter(version=process, action="approve").values_list("from_state", flat=True)[0]
            review = (Transition.objects.filter(version=process, from_state=start, action="accept")
                      .values_list("to_state", flat=True).first() or decide)
            states[process.pk] = (start.pk, review, decide, done.pk)
        dept = impl.department
        division = dept.division_id
        hall = division
        while hall is not None and hall not in clerks:
            hall = parents.get(hall)
        staff = approvers.get(dept.pk) or [(None, "")]
        desk = clerks.get(hall) or clerks[min(clerks)]
        weight = popularity.setdefault(impl.matter_id, rng.lognormvariate(0, 1.0)) * rng.lognormvariate(0, 0.5)
        if version.case_kind == 1:
            weight *= 1.0
        fee = fees.get(version.pk) if version.has_fee else None
        rows.append([impl.pk, impl.code, dept.pk, division, version.pk, impl.matter_id, version.name, dept.name,
                     version.promised_limit_days, version.legal_limit_days, version.case_kind,
                     fee.amount_cents if fee else 0, fee.name if fee else "", fee.standard if fee else "",
                     windows.get(("dept", dept.pk)) or windows.get(("div", hall)),
                     [a for a, _ in staff], [n for _, n in staff], [c for c, _ in desk], [n for _, n in desk],
                     weight, levels[division], process.pk, *states[process.pk]])
    for level, share in LEVEL_SHARE.items():
        total = sum(r[19] for r in rows if r[20] == level)
        for r in rows:
            if r[20] == level:
                r[19] *= share / total
    norm = sum(r[19] for r in rows)
    return [(ix, *r[:19], r[19] / norm, *r[21:]) for ix, r in enumerate(rows)]


def _calendar(start: date, today: date) -> dict:
    from tongban.workcal.selectors import CalendarUnknown, is_working_day

    cal_start, cal_end = start - timedelta(days=14), today + timedelta(days=500)
    known_until = cal_start
    wd, ordd, days = [], [], []
    d = cal_start
    while d <= cal_end:
        try:
            working = is_working_day(d)
            known_until = d
        except CalendarUnknown:
            working = d.weekday() < 5  # as deadlines.py counts a year not entered yet
        if working:
            wd.append(d)
        ordd.append(len(wd))
        if start <= d <= today:
            weight = (WEEKDAY[d.weekday()] if working else 0.06) * MONTH[d.month - 1]
            weight *= 1 + 0.15 * (d - start).days / 365
            days.append([len(days), d, working, weight])
        d += timedelta(days=1)
    norm = sum(r[3] for r in days)
    return {"cal_start": cal_start, "wd": wd, "ordd": ordd, "known_until": known_until,
            "ord_today": ordd[(today - cal_start).days], "days": [(i, d, w, x / norm) for i, d, w, x in days]}


def _people(rng: random.Random, persons: int, users: int, orgs: int, user_base: int):
    """Persons (name, valid ID number, phone, address; the first `users` hold accounts) and organisations."""
    from tongban.core.validators import credit_code_check_char, id_number_check_char

    seen, people = set(), []
    born0 = date(1950, 1, 1).toordinal()
    for ix in range(persons):
        while True:
            born = date.fromordinal(born0 + rng.randrange(20_800))
            first17 = f"{rng.choice(AREAS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
            if first17 not in seen:
                seen.add(first17)
                break
        name = SURNAMES[int(len(SURNAMES) * rng.random() ** 1.6)] + "".join(
            rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
        district = DISTRICTS.get(first17[:6], "芙蓉区")
        people.append((ix, name, first17 + id_number_check_char(first17), f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                       f"云川市{district}{rng.choice(ROADS)}{rng.randrange(1, 400)}号",
                       user_base + ix if ix < users else None))
    del seen
    organisations = []
    for ix in range(orgs):
        area = rng.choice(["431402", "431403", "431421"])
        first17 = "91" + area + "".join(rng.choice(ORG_CHARS) for _ in range(9))
        name = (f"云川市{DISTRICTS[area]}{rng.choice(GIVEN)}{rng.choice(GIVEN)}{rng.choice(TRADES)}"
                f"{rng.choice(['有限公司', '有限责任公司', '股份有限公司', '经营部'])}")
        organisations.append((ix, name, first17 + credit_code_check_char(first17),
                              f"云川市{DISTRICTS[area]}{rng.choice(ROADS)}{rng.randrange(1, 400)}号",
                              people[rng.randrange(persons)][1], rng.randrange(users)))
    return people, organisations


def _copy(cursor, table: str, columns: str, rows) -> None:
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# -- indexes off while loading ----------------------------------------------------------------------

def _drop_indexes(cursor) -> list[str]:
    """Drop the big tables' secondary indexes and unique constraints (not the primary keys: rows
    arrive in key order); returns the statements that put them back, names unchanged."""
    restore = []
    for table in BIG_TABLES:
        cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conrelid = %s::regclass AND contype = 'u'", [table])
        constraints = cursor.fetchall()
        for name, definition in constraints:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            restore.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        cursor.execute("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT EXISTS "
                       "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = %s::regclass)",
                       [table, table])
        for name, definition in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
            restore.append(definition)
    return restore


# -- the generator --------------------------------------------------------------------------------

def generate(connection, n_cases: int, seed: int = 13, *, years: int = 3, citizen_cases: int = 2000,
             citizen: str = "citizen", supervisor: str = "supervisor", say=say_default) -> dict:
    """Add ~`n_cases` cases of the last `years` years to the city in `connection` (Django's, default
    database). Returns a summary with counts and the seconds each stage took."""
    from django.db import transaction
    from django.utils import timezone

    from bench import scale_sql as sql
    from tongban.accounts.models import User
    from tongban.workflow.models import State

    t0 = time.monotonic()
    times = {}
    rng = random.Random(seed)
    now, today = timezone.now(), timezone.localdate()
    start = date(today.year - years, today.month, min(today.day, 28)) + timedelta(days=1)
    approvers, clerks = _staff(rng, say)
    impls = _implementations(rng, approvers, clerks)
    cal = _calendar(start, today)
    persons, orgs = max(2000, n_cases // 4), max(200, n_cases // 40)
    users = int(persons * 0.6)
    the_citizen, the_supervisor = User.objects.get(username=citizen), User.objects.get(username=supervisor)
    review_states = dict(State.objects.filter(version__process__code="bad_rating").values_list("code", "pk"))
    review_workflow = State.objects.filter(pk=review_states["verify"]).values_list("version_id", flat=True)[0]
    times["base"] = time.monotonic() - t0

    with connection.cursor() as cursor:
        for setting in ("synchronous_commit = off", "work_mem = '256MB'", "maintenance_work_mem = '1GB'",
                        "max_parallel_maintenance_workers = 2", "max_parallel_workers_per_gather = 2", "jit = off", "wal_compression = lz4",
                        "session_replication_role = replica"):
            cursor.execute(f"SET {setting}")
        cursor.execute(sql.FUNCTIONS)
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM accounts_user")
        user_base = cursor.fetchone()[0]
        t = time.monotonic()
        people, organisations = _people(rng, persons, users, orgs, user_base)
        cursor.execute("CREATE TEMP TABLE bench_person (ix int PRIMARY KEY, name text, id_number text, phone text, "
                       "address text, user_id bigint)")
        _copy(cursor, "bench_person", "ix, name, id_number, phone, address, user_id", people)
        cursor.execute("CREATE TEMP TABLE bench_org (ix int PRIMARY KEY, name text, credit_code text, address text, "
                       "legal_rep text, agent_ix int)")
        _copy(cursor, "bench_org", "ix, name, credit_code, address, legal_rep, agent_ix", organisations)
        del people, organisations
        cursor.execute(
            "INSERT INTO accounts_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, "
            "is_active, date_joined, display_name, phone, id_number, identity_level) "
            "SELECT user_id, '!bench', false, 'bench_u' || lpad(ix::text, 8, '0'), '', '', '', false, true, "
            "%s::timestamptz + (ix %% 1000) * interval '1 day', name, phone, id_number, 1 "
            "FROM bench_person WHERE user_id IS NOT NULL ORDER BY ix", [now - timedelta(days=365 * years + 30)])
        cursor.execute("ANALYZE bench_person; ANALYZE bench_org")
        times["people"] = time.monotonic() - t
        say(f"population: {persons:,} persons ({users:,} with accounts), {orgs:,} organisations "
            f"({times['people']:.0f} s)")

        cursor.execute(
            "CREATE TEMP TABLE bench_impl (ix int, impl_id bigint, code text, department_id bigint, division_id bigint, "
            "mv_id bigint, matter_id bigint, matter_name text, dept_name text, promised int, legal int, kind int, "
            "fee_cents int, fee_name text, fee_standard text, window_id bigint, approvers bigint[], "
            "approver_names text[], clerks bigint[], clerk_names text[], weight float8, workflow_id bigint, "
            "s_accept bigint, s_review bigint, s_decide bigint, s_done bigint)")
        _copy(cursor, "bench_impl", "ix, impl_id, code, department_id, division_id, mv_id, matter_id, matter_name, "
              "dept_name, promised, legal, kind, fee_cents, fee_name, fee_standard, window_id, approvers, "
              "approver_names, clerks, clerk_names, weight, workflow_id, s_accept, s_review, s_decide, s_done", impls)
        cursor.execute("CREATE TEMP TABLE bench_day (ix int, d date, working bool, weight float8)")
        _copy(cursor, "bench_day", "ix, d, working, weight", cal["days"])
        cursor.execute("CREATE TEMP TABLE bench_serial AS SELECT substr(scope, 6)::bigint AS impl_id, "
                       "period::date AS d, last FROM core_serial WHERE scope LIKE 'case:%%' AND period <> ''")
        for table, seq in (("cases_case", "bench_case_seq"), ("ratings_rating", "bench_rating_seq"),
                           ("payments_paymentorder", "bench_order_seq")):
            cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
            cursor.execute(f"CREATE TEMP SEQUENCE {seq} START {cursor.fetchone()[0]}")

        t = time.monotonic()
        restore = _drop_indexes(cursor)
        params = {"n": n_cases, "seed": seed, "citizen_rate": min(citizen_cases, n_cases // 10) / n_cases, "p": persons, "users": users,
                  "o": orgs, "today": today, "now": now, "cal_start": cal["cal_start"], "ordd": cal["ordd"],
                  "wd": cal["wd"], "ord_today": cal["ord_today"], "known_until": cal["known_until"],
                  "citizen_id": the_citizen.pk, "citizen_name": the_citizen.display_name,
                  "citizen_idn": the_citizen.id_number, "citizen_phone": the_citizen.phone,
                  "citizen_address": "云川市芙蓉区五一大道218号", "supervisor_id": the_supervisor.pk,
                  "supervisor_name": the_supervisor.display_name, "review_workflow": review_workflow,
                  "review_open_state": review_states["verify"], "review_closed_state": review_states["closed"]}
        month = date(start.year, start.month, 1)
        while month <= today:
            following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            tm = time.monotonic()
            with transaction.atomic():
                cursor.execute("SELECT last_value + is_called::int FROM bench_rating_seq")
                batch = {**params, "lo": max(month, start), "hi": min(following, today + timedelta(days=1)),
                         "first_rating": cursor.fetchone()[0]}
                counts, spent = [], []
                for statement in (sql.GEN, sql.STATE, sql.CASES, sql.EVENTS, sql.RATINGS, sql.REVIEWS, sql.ORDERS,
                                  sql.ORDER_ITEMS, sql.PAUSES, sql.CORRECTIONS, sql.URGES, sql.INVITATIONS, sql.SERIALS):
                    ts = time.monotonic()
                    cursor.execute(statement, batch)
                    counts.append(cursor.rowcount)
                    spent.append(time.monotonic() - ts)
            say(f"  {month:%Y-%m}: {counts[2]:,} cases, {counts[3]:,} events, {counts[4]:,} ratings "
                f"({time.monotonic() - tm:.1f} s: " + " ".join(f"{x:.1f}" for x in spent) + ")")
            month = following
        times["cases"] = time.monotonic() - t

        for table in ("cases_case", "ratings_rating", "payments_paymentorder", "accounts_user", "cases_caseevent",
                      "payments_paymentitem", "ratings_badratingreview", "cases_casepause", "cases_correction",
                      "cases_urge", "ratings_ratinginvitation"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT coalesce(max(id), 1) FROM {table}))")
        cursor.execute("SET session_replication_role = origin")
        t = time.monotonic()
        for statement in restore:
            cursor.execute(statement)
        times["indexes"] = time.monotonic() - t
        say(f"indexes rebuilt: {len(restore)} ({times['indexes']:.0f} s)")
        t = time.monotonic()
    connection.close()  # VACUUM cannot run inside the transaction block Django may hold
    with connection.cursor() as cursor:
        for table in (*BIG_TABLES, "accounts_user", "ratings_badratingreview", "cases_casepause", "cases_correction",
                      "cases_urge", "ratings_ratinginvitation", "core_serial"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        times["vacuum"] = time.monotonic() - t
        summary = {"seed": seed, "years": years, "start": start, "now": now, "persons": persons, "users": users,
                   "organisations": orgs, "seconds": {k: round(v, 1) for k, v in times.items()}}
        for key, query in (("cases", "SELECT count(*) FROM cases_case"),
                           ("events", "SELECT count(*) FROM cases_caseevent"),
                           ("ratings", "SELECT count(*) FROM ratings_rating")):
            cursor.execute(query)
            summary[key] = cursor.fetchone()[0]
        cursor.execute("SELECT phase, count(*) FROM cases_case GROUP BY phase ORDER BY 2 DESC")
        summary["phases"] = dict(cursor.fetchall())
    summary["seconds"]["total"] = round(time.monotonic() - t0, 1)
    return summary


def describe(summary: dict) -> str:
    total = summary["cases"] or 1
    phases = ", ".join(f"{k} {v / total:.2%}" for k, v in summary["phases"].items())
    return (f"{summary['cases']:,} cases ({phases}), {summary['events']:,} timeline events "
            f"({summary['events'] / total:.2f} a case), {summary['ratings']:,} ratings; seconds: {summary['seconds']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["base", "generate"])
    parser.add_argument("--db", required=True, help="database to create (dropped first if it exists)")
    parser.add_argument("--n", type=int, default=1_000_000, help="cases to generate")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--base", default="scale_demo", help="generate: the demo-city database to clone")
    parser.add_argument("--in-place", action="store_true", help="(internal) run in this process on --db as it is")
    args = parser.parse_args(argv)
    if not args.in_place:
        admin(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
        if args.command == "base":
            admin(f'CREATE DATABASE "{args.db}"')
        else:
            if not database_exists(args.base):
                run_here(args.base, "base", "--db", args.base)
            admin(f'CREATE DATABASE "{args.db}" TEMPLATE "{args.base}"')
        run_here(args.db, *(argv if argv is not None else sys.argv[1:]), "--in-place")
        return 0
    import django

    django.setup()
    from django.db import connection

    if args.command == "base":
        build_base()
        return 0
    summary = generate(connection, args.n, args.seed, years=args.years)
    print(describe(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
