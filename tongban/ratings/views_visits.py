"""政务服务回访 pages: the month's samples (督办 draws them, or the sweep on the draw day), the calls
given to each caller, and the form on which a call's outcome is recorded."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from tongban.accounts.models import Role
from tongban.accounts.user_selectors import user_by_id
from tongban.ratings import selectors
from tongban.ratings.services import visits
from tongban.ratings.views_common import errors_of, level_choices, render_staff, staff_only

VISIT_ROLES = (Role.HOTLINE, Role.SUPERVISOR)


def _months(n: int = 12) -> list[date]:
    out, m = [], visits.previous_month(timezone.localdate())
    for _ in range(n):
        out.append(m)
        m = visits.previous_month(m)
    return out


def _list(request, *, errors=None, typed=None, status=200):
    user = request.user
    return render_staff(request, "ratings/visits.html", {
        "samples": selectors.samples_with_progress(user), "mine": selectors.calls_of(user),
        "unassigned": selectors.unassigned_call_count(user),
        "can_draw": selectors.has_any_role(user, (Role.SUPERVISOR,)),
        "departments": selectors.departments_for_visits(user), "months": _months(),
        "rate_percent": int(visits.default_rate() * 100),
        "errors": errors or {}, "typed": typed or {},
    }, status=status)


@staff_only(*VISIT_ROLES)
def visit_list(request):
    return _list(request)


@require_POST
@staff_only(Role.SUPERVISOR)
def visit_draw(request):
    typed = request.POST
    department = selectors.supervised_department(request.user, typed.get("department") or 0)
    errors = {}
    if department is None:
        errors["department"] = "请选择部门"
    try:
        month = date.fromisoformat(typed.get("month", ""))
    except ValueError:
        errors["month"] = "请选择月份"
    if errors:
        return _list(request, errors=errors, typed=typed, status=422)
    try:
        sample = visits.draw(request.user, department, month)
    except ValidationError as exc:
        return _list(request, errors=errors_of(exc), typed=typed, status=422)
    messages.success(request, f"{department.name} {sample.month:%Y年%m月}：办结 {sample.population} 件，"
                              f"抽取 {sample.size} 件回访（随机种子 {sample.seed}）。")
    return redirect("ratings-visits")


def _visit_or_404(user, pk):
    visit = selectors.visit_for_staff(user, pk)
    if visit is None:
        raise Http404("回访任务不存在")
    return visit


def _detail(request, visit, *, errors=None, typed=None, status=200):
    return render_staff(request, "ratings/visit.html", {
        "visit": visit, "case": visit.case, "levels": level_choices(),
        "callers": selectors.callers_for(visit.sample.department),
        "can_assign": selectors.has_any_role(request.user, (Role.SUPERVISOR,)),
        "errors": errors or {}, "typed": typed or {},
    }, status=status)


@staff_only(*VISIT_ROLES)
def visit_detail(request, pk):
    visit = _visit_or_404(request.user, pk)
    if request.method != "POST":
        return _detail(request, visit)
    p = request.POST
    try:
        if p.get("op") == "assign":
            caller = user_by_id(p.get("caller") or 0)  # visits.assign checks they may call for it
            visits.assign(request.user, visit, caller)
            messages.success(request, "已分派回访人员。")
        else:
            reached = {"1": True, "0": False}.get(p.get("reached", ""))
            if reached is None:
                raise ValidationError({"reached": "请选择电话是否接通"})
            visit = visits.record(request.user, visit, reached=reached, level=p.get("level"), note=p.get("note", ""))
            messages.success(request, f"已记录回访：{visit.get_status_display()}。")
    except ValidationError as exc:
        return _detail(request, visit, errors=errors_of(exc), typed=p, status=422)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return _detail(request, visit, status=403)
    return redirect("ratings-visit", pk=visit.pk)
