"""好差评公示 (/ratings/): the public statistics page and its Excel export. Departments, matters and
windows are public (results are published per department, docs/domain.md §7); the per-staff view is for
督办人员, limited to the departments they supervise."""

from datetime import date

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tongban.accounts.models import Role
from tongban.accounts.selectors import department_scope_q
from tongban.ratings import statistics
from tongban.ratings.exports import workbook
from tongban.ratings.selectors import has_any_role


def _period(request) -> tuple[statistics.Period, dict]:
    default = statistics.this_year()
    errors = {}
    values = {}
    for key, fallback in (("start", default.start), ("end", default.end)):
        raw = request.GET.get(key, "")
        try:
            values[key] = date.fromisoformat(raw) if raw else fallback
        except ValueError:
            errors[key] = f"{'开始' if key == 'start' else '结束'}日期格式应为 年-月-日（如 2026-01-01）"
            values[key] = fallback
    if values["end"] < values["start"]:
        errors["end"] = "结束日期不能早于开始日期"
        values["end"] = values["start"]
    return statistics.Period(values["start"], values["end"]), errors


def _staff_scope(user):
    return department_scope_q(user, Role.SUPERVISOR, "department")


@require_GET
def stats_page(request):
    period, errors = _period(request)
    supervisor = has_any_role(request.user, (Role.SUPERVISOR,))
    allowed = statistics.PUBLIC_DIMENSIONS + (("staff",) if supervisor else ())
    dimension = request.GET.get("by", "department")
    if dimension not in allowed:
        dimension = "department"
    scope = _staff_scope(request.user) if dimension == "staff" else None
    rows = statistics.rows(dimension, period, scope)
    if dimension == "department":
        visits = statistics.visit_rows(period)
        for row in rows:
            row["visits"] = visits.get(row["key"])
    return render(request, "ratings/stats.html", {
        "period": period, "errors": errors, "dimension": dimension,
        "tabs": [(code, statistics.DIMENSIONS[code][0]) for code in allowed],
        "rows": rows, "totals": statistics.totals(period, scope), "levels": statistics.LEVELS,
        "query": request.GET.urlencode(),
    }, status=422 if errors else 200)


@require_GET
def stats_export(request):
    period, _errors = _period(request)
    supervisor = has_any_role(request.user, (Role.SUPERVISOR,))
    sheets = [(code, None) for code in statistics.PUBLIC_DIMENSIONS]
    if supervisor:  # the per-staff sheet, limited to the departments they supervise
        sheets.append(("staff", _staff_scope(request.user)))
    content = workbook(period, sheets)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="ratings-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"'
    return response
