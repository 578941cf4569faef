"""督办 (/supervise/): the supervisor's boards of overdue and at-risk cases across their scope,
counted by department, with an urge form per case and the answers that came back (docs/domain.md §4).
The filter posts: an ID or mobile number searched stays out of the address (views/search_address.py)."""

from django.http import HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from tongban.accounts.models import Role
from tongban.cases.selectors import at_risk_by_department, filter_cases, queue, recent_urges, urge_stats
from tongban.cases.views.inbox import case_rows
from tongban.cases.views.search_address import filter_address, filter_text, is_personal
from tongban.cases.views.staff import render_staff, staff_page

ROLES = (Role.SUPERVISOR,)
LIST_LIMIT = 50  # per board; the rest through 办件箱 (a page stays under 300 KB at any scale)


def _with_urges(rows: list[dict]) -> list[dict]:
    stats = urge_stats(r["case"].pk for r in rows)
    for r in rows:
        s = stats.get(r["case"].pk)
        r["urge_count"], r["last_urged"] = (s["n"], s["last"]) if s else (0, None)
    return rows


@require_http_methods(["GET", "POST"])
@staff_page(role=Role.SUPERVISOR)
def supervise(request):
    data = request.POST if request.method == "POST" else request.GET
    # The filter form (post/redirect/get), or an old bookmark with a number: on to the board's address.
    if request.method == "POST" or is_personal(request.GET.get("q", "")):
        return HttpResponseRedirect(filter_address(request, data.get("q", ""), {"department": data.get("department", "")}),
                                    status=303)
    user = request.user
    overdue = queue(user, "overdue", roles=ROLES)
    warning = queue(user, "warning", roles=ROLES)
    departments = at_risk_by_department(overdue, warning)
    chosen = next((d for d in departments if str(d["id"]) == request.GET.get("department", "")), None)
    text, lapsed = filter_text(request)
    department_id = chosen["id"] if chosen is not None else None
    overdue = filter_cases(overdue, text, department_id=department_id)
    warning = filter_cases(warning, text, department_id=department_id)
    urges = recent_urges(user, ROLES)
    return render_staff(request, "cases/staff/supervise.html", {
        "departments": departments,
        "chosen": chosen,
        "q": text.strip(),
        "lapsed": lapsed,
        "totals": {"overdue": sum(d["overdue"] for d in departments),
                   "warning": sum(d["warning"] for d in departments)},
        "overdue_rows": _with_urges(case_rows(overdue[:LIST_LIMIT])),
        "warning_rows": _with_urges(case_rows(warning[:LIST_LIMIT])),
        "urges": urges,
        "limit": LIST_LIMIT,
        "unanswered": sum(1 for u in urges if not u.answered_at),
    })
