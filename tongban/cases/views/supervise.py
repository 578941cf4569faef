"""督办 (/supervise/): the supervisor's boards of overdue and at-risk cases across their scope,
counted by department, with an urge form per case and the answers that came back (docs/domain.md §4)."""

from django.views.decorators.http import require_GET

from tongban.accounts.models import Role
from tongban.cases.selectors import at_risk_by_department, filter_cases, queue, recent_urges, urge_stats
from tongban.cases.views.inbox import case_rows
from tongban.cases.views.staff import render_staff, staff_page

ROLES = (Role.SUPERVISOR,)
LIST_LIMIT = 50  # per board; the rest through 办件箱 (a page stays under 300 KB at any scale)


def _with_urges(rows: list[dict]) -> list[dict]:
    stats = urge_stats(r["case"].pk for r in rows)
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
    departments = at_risk_by_department(overdue, warning)
    chosen = next((d for d in departments if str(d["id"]) == request.GET.get("department", "")), None)
    text = request.GET.get("q", "")
    department_id = chosen["id"] if chosen is not None else None
    overdue = filter_cases(overdue, text, department_id=department_id)
    warning = filter_cases(warning, text, department_id=department_id)
    urges = recent_urges(user, ROLES)
    return render_staff(request, "cases/staff/supervise.html", {
        "departments": departments,
        "chosen": chosen,
        "q": text.strip(),
        "totals": {"overdue": sum(d["overdue"] for d in departments),
                   "warning": sum(d["warning"] for d in departments)},
        "overdue_rows": _with_urges(case_rows(overdue[:LIST_LIMIT])),
        "warning_rows": _with_urges(case_rows(warning[:LIST_LIMIT])),
        "urges": urges,
        "limit": LIST_LIMIT,
        "unanswered": sum(1 for u in urges if not u.answered_at),
    })
