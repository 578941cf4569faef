"""督办 (/supervise/): the supervisor's boards of overdue and at-risk cases across their scope,
counted by department, with an urge form per case and the answers that came back (docs/domain.md §4)."""

from django.db.models import Count, Max
from django.views.decorators.http import require_GET

from tongban.accounts.models import Role
from tongban.cases.models import Urge
from tongban.cases.selectors import cases_for_staff, queue
from tongban.cases.views.inbox import case_rows, filter_cases
from tongban.cases.views.staff import render_staff, staff_page

ROLES = (Role.SUPERVISOR,)
LIST_LIMIT = 100


def _by_department(overdue, warning) -> list[dict]:
    rows = {}
    for key, qs in (("overdue", overdue), ("warning", warning)):
        # order_by() clears the queue's ordering, which would otherwise split the groups.
        for r in qs.order_by().values("department_id", "department__name").annotate(n=Count("id")):
            row = rows.setdefault(r["department_id"], {"id": r["department_id"], "name": r["department__name"],
                                                       "overdue": 0, "warning": 0})
            row[key] = r["n"]
    return sorted(rows.values(), key=lambda r: (-r["overdue"], -r["warning"], r["name"]))


def _with_urges(rows: list[dict]) -> list[dict]:
    ids = [r["case"].pk for r in rows]
    stats = {s["case_id"]: s for s in Urge.objects.filter(case_id__in=ids).values("case_id")
             .annotate(n=Count("id"), last=Max("urged_at"))}
    for r in rows:
        s = stats.get(r["case"].pk)
        r["urge_count"], r["last_urged"] = (s["n"], s["last"]) if s else (0, None)
    return rows


@require_GET
@staff_page(role=Role.SUPERVISOR)
def supervise(request):
    user = request.user
    overdue = queue(user, "overdue", roles=ROLES)
    warning = queue(user, "warning", roles=ROLES)
    departments = _by_department(overdue, warning)
    chosen = next((d for d in departments if str(d["id"]) == request.GET.get("department", "")), None)
    if chosen is not None:
        overdue, warning = overdue.filter(department_id=chosen["id"]), warning.filter(department_id=chosen["id"])
    text = request.GET.get("q", "")
    overdue, warning = filter_cases(overdue, text), filter_cases(warning, text)
    urges = (Urge.objects.filter(case__in=cases_for_staff(user, ROLES))
             .select_related("case", "case__matter_version", "case__assignee", "urged_by").order_by("-urged_at")[:50])
    return render_staff(request, "cases/staff/supervise.html", {
        "departments": departments,
        "chosen": chosen,
        "q": text.strip(),
        "totals": {"overdue": sum(d["overdue"] for d in departments),
                   "warning": sum(d["warning"] for d in departments)},
        "overdue_rows": _with_urges(case_rows(overdue[:LIST_LIMIT])),
        "warning_rows": _with_urges(case_rows(warning[:LIST_LIMIT])),
        "urges": urges,
        "unanswered": sum(1 for u in urges if not u.answered_at),
    })
