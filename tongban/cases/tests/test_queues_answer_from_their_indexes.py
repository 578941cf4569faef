"""At a city's scale every staff queue, count and search reads an index that fits its question: with
tens of thousands of closed cases in the table, no queue's plan scans the cases table or sorts a whole
scope to show its first page, and a page makes as many queries with thirty rows as with three
(docs/benchmarks.md "scale" has the timings)."""

import re

import pytest
from django.db import connection
from freezegun import freeze_time

from tongban.accounts.models import Role
from tongban.cases.models import Case
from tongban.cases.selectors import QUEUES, done_cases_for_applicant, filter_cases, queue
from tongban.cases.tests.builders import make_user, make_world
from tongban.cases.tests.staff_support import TODAY, accepted_case
from tongban.catalog.tests.builders import make_department, make_division
from tongban.org.models import Level

pytestmark = pytest.mark.django_db

HISTORY = 40_000  # closed cases cloned in SQL: enough for the planner to prefer indexes, as at 10M


def _clone_history(template: Case, n: int, *, big_department, big_division) -> None:
    """n copies of `template`: 97% closed over the past years, the rest open; nine in ten in a big
    department of another district (as a city's other districts are), one in a hundred the template
    applicant's own (the rest walk-ins without an account)."""
    here = "mod(i, 10) = 0"
    override = {
        "number": "'GEN' || lpad(i::text, 9, '0')", "uid": "gen_random_uuid()", "idempotency_key": "NULL",
        "phase": "CASE WHEN mod(i, 100) < 97 THEN 'completed' WHEN mod(i, 100) = 97 THEN 'processing' "
                 "WHEN mod(i, 100) = 98 THEN 'submitted' ELSE 'refused' END",
        "completed_at": "CASE WHEN mod(i, 100) < 97 OR mod(i, 100) = 99 THEN c.submitted_at - i * interval '1 hour' END",
        "department_id": f"CASE WHEN {here} THEN c.department_id ELSE {big_department.pk} END",
        "division_id": f"CASE WHEN {here} THEN c.division_id ELSE {big_division.pk} END",
        "applicant_id": "CASE WHEN mod(i, 100) = 50 THEN c.applicant_id END",
        "applicant_name": "'申请人' || (mod(i, 5000))::text",
        "applicant_id_number": "lpad((mod(i, 90000))::text, 18, '1')",
    }
    columns = [f.column for f in Case._meta.concrete_fields if f.column != "id"]
    values = [override.get(col) or f"c.{col}" for col in columns]
    with connection.cursor() as cur:
        cur.execute(f"INSERT INTO cases_case ({', '.join(columns)}) "
                    f"SELECT {', '.join(values)} FROM cases_case c, generate_series(1, %s) i WHERE c.id = %s",
                    [n, template.pk])
        cur.execute("ANALYZE cases_case")


def _plan(qs) -> str:
    return qs.explain()


def _sorts_many(plan: str, most: int = 1000) -> bool:
    """A Sort node over more than `most` rows: the list reads its whole scope to show one page. (An
    open queue narrowed by its index to a few rows may well be sorted; a year of closed cases not.)"""
    return any(int(rows) > most for rows in re.findall(r"Sort\s+\(cost=[\d.]+ rows=(\d+)", plan))


@freeze_time(TODAY)
def test_no_queue_or_search_scans_the_cases_table(client):
    w = make_world()
    template = accepted_case(w)
    district = make_division("439902", "芙蓉区", Level.COUNTY, parent=w.city)
    _clone_history(template, HISTORY, big_division=district,
                   big_department=make_department(district, name="芙蓉区市场监督管理局"))
    # Scopes of a tenth of the history: a department, and a division (the window's, the supervisor's).
    people = {"审批（部门）": w.approver, "综合窗口（本级）": w.clerk, "督办（本级）": w.supervisor}
    scans = []
    for who, user in people.items():
        for name, label in QUEUES:
            qs = queue(user, name)
            for what, plan in (("列表", _plan(qs[:50])), ("计数", _plan(qs.order_by()[:1000].values("pk"))),
                               ("按编号", _plan(filter_cases(qs, "GEN00001234")[:50])),
                               ("按证件号", _plan(filter_cases(qs, "111111111111112345")[:50])),
                               ("按姓名", _plan(filter_cases(qs, "申请人42")[:50]))):
                # A list must come in its order from an index (a Sort would read the whole scope first).
                if "Seq Scan on cases_case" in plan or (what == "列表" and _sorts_many(plan)):
                    scans.append(f"{who} {label} {what}:\n{plan}")
    mine = done_cases_for_applicant(w.applicant)
    if "Seq Scan on cases_case" in (plan := _plan(mine[:20])) or _sorts_many(plan):
        scans.append(f"我的办件 已办结:\n{plan}")
    assert not scans, "\n\n".join(scans)


@freeze_time(TODAY)
@pytest.mark.parametrize("path", ["/inbox/?queue=review", "/inbox/?queue=done", "/inbox/?queue=overdue&q=张三",
                                  "/desk/", "/supervise/"])
def test_staff_pages_make_the_same_queries_for_thirty_cases_as_for_three(client, path,
                                                                         django_assert_max_num_queries):
    w = make_world()
    supervisor_clerk = make_user("both", role=Role.CLERK, division=w.city, display_name="窗口督办")
    from tongban.accounts.models import StaffRole

    StaffRole.objects.create(user=supervisor_clerk, role=Role.SUPERVISOR, division=w.city)
    StaffRole.objects.create(user=supervisor_clerk, role=Role.APPROVER, division=w.city)
    client.force_login(supervisor_clerk)

    def queries() -> int:
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as seen:
            assert client.get(path).status_code == 200
        return len(seen)

    for _ in range(3):
        accepted_case(w)
    few = queries()
    for _ in range(27):
        accepted_case(w)
    assert queries() == few
