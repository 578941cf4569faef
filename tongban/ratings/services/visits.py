"""政务服务回访: each month, per department, a random sample of at least 20% of the cases closed in
the month before is drawn and called (葛店: "每月20日抽取不少于办件量20%的回访清单").

The draw is reproducible: the population is the department's cases completed in the month, in id
order (a closed case never leaves its month), the sample is random.Random(seed).sample of it, and
the seed is kept with the sample. Anybody can draw again with the recorded seed and compare.
The seed itself comes from the operating system's generator at draw time, so nobody can know in
advance which cases will be called.
"""

import random
import secrets
from datetime import date, datetime, time, timedelta
from decimal import ROUND_UP, Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.cases.models import Case, Phase
from tongban.core.actors import as_user
from tongban.core.actors import label as actor_label
from tongban.core.services import audit
from tongban.notify.services import notify
from tongban.ratings.models import (
    CASE_HANDLING,
    RatingChannel,
    ReturnVisit,
    ReturnVisitSample,
    VisitStatus,
)
from tongban.ratings.services.rating import rate, rateable_now
from tongban.ratings.services.recording import already_rated, parse_level


def month_start(d: date) -> date:
    return d.replace(day=1)


def previous_month(d: date) -> date:
    return month_start(month_start(d) - timedelta(days=1))


def _month_bounds(month: date):
    tz = timezone.get_current_timezone()
    start = datetime.combine(month_start(month), time.min, tzinfo=tz)
    nxt = (month_start(month) + timedelta(days=32)).replace(day=1)
    return start, datetime.combine(nxt, time.min, tzinfo=tz)


def population(department, month: date) -> list[int]:
    """Ids of the department's cases completed (办结) in the month, in id order."""
    start, end = _month_bounds(month)
    return list(Case.objects.filter(department=department, phase=Phase.COMPLETED, completed_at__gte=start,
                                    completed_at__lt=end).order_by("pk").values_list("pk", flat=True))


def sample_size(n: int, rate) -> int:
    # Rounded up: "不少于20%" — 21 cases give 5, not 4.
    return min(n, int((Decimal(str(rate)) * n).to_integral_value(rounding=ROUND_UP))) if n else 0


def pick(case_ids: list[int], seed: int, rate) -> list[int]:
    """The sample itself: pure, so the same population and seed always give the same cases."""
    ids = sorted(case_ids)
    k = sample_size(len(ids), rate)
    return sorted(random.Random(seed).sample(ids, k))


def default_rate() -> Decimal:
    return Decimal(str(settings.RATINGS["SAMPLE_RATE"])).quantize(Decimal("0.01"))


@transaction.atomic
def draw(actor, department, month: date, *, seed: int | None = None, rate=None) -> ReturnVisitSample:
    """Draw the month's sample for the department (once: a second draw returns the first one)."""
    if actor is not None and as_user(actor) is not None \
            and not can_act_for_department(actor, Role.SUPERVISOR, department):
        raise PermissionDenied(f"只有督办人员可以抽取{department.name}的回访样本。")
    month = month_start(month)
    if month >= month_start(timezone.localdate()):
        raise ValidationError({"month": "只能抽取已结束月份的办结件"})
    existing = ReturnVisitSample.objects.select_for_update().filter(department=department, month=month).first()
    if existing is not None:
        return existing
    rate = default_rate() if rate is None else Decimal(str(rate))
    if not Decimal("0.2") <= rate <= 1:
        raise ValidationError({"rate": "抽样比例应在20%至100%之间（每月回访不少于办件量的20%）"})
    seed = secrets.randbits(48) if seed is None else int(seed)
    ids = population(department, month)
    chosen = pick(ids, seed, rate)
    sample = ReturnVisitSample.objects.create(department=department, month=month, seed=seed, rate=rate,
                                              population=len(ids), size=len(chosen), drawn_by=as_user(actor))
    ReturnVisit.objects.bulk_create([ReturnVisit(sample=sample, case_id=pk) for pk in chosen])
    assign_round_robin(actor, sample)
    audit(actor, "ratings.visits.draw", sample,
          f"{department.name} {month:%Y年%m月} 回访抽样：办结 {len(ids)} 件，抽取 {len(chosen)} 件（种子 {seed}）",
          {"seed": seed, "rate": str(rate), "population": len(ids), "size": len(chosen)})
    return sample


def redraw_matches(sample: ReturnVisitSample) -> bool:
    """Check a stored sample: draw again with its seed and compare."""
    again = pick(population(sample.department, sample.month), sample.seed, sample.rate)
    return again == sorted(sample.visits.values_list("case_id", flat=True))


def assign_round_robin(actor, sample: ReturnVisitSample, callers=None) -> int:
    """Share the unassigned calls among the callers covering the department, in turn."""
    from tongban.ratings.selectors import callers_for

    callers = list(callers if callers is not None else callers_for(sample.department))
    if not callers:
        return 0
    visits = list(sample.visits.filter(caller__isnull=True).order_by("case_id"))
    for i, visit in enumerate(visits):
        visit.caller = callers[i % len(callers)]
    ReturnVisit.objects.bulk_update(visits, ["caller"])
    for caller in callers:
        n = sum(1 for v in visits if v.caller_id == caller.pk)
        if n:
            notify(user=caller, subject="回访任务", channels=("site",), link="/ratings/visits/",
                   body=f"{sample.department.name} {sample.month:%Y年%m月} 办结件回访 {n} 件已分派给您。")
    return len(visits)


@transaction.atomic
def assign(actor, visit: ReturnVisit, caller) -> ReturnVisit:
    visit = ReturnVisit.objects.select_for_update().select_related("sample__department").get(pk=visit.pk)
    department = visit.sample.department
    if not can_act_for_department(actor, Role.SUPERVISOR, department):
        raise PermissionDenied("只有督办人员可以分派回访任务。")
    from tongban.ratings.selectors import callers_for

    if caller is None or not callers_for(department).filter(pk=caller.pk).exists():
        raise ValidationError({"caller": f"请选择负责{department.name}的回访人员（12345话务员或督办人员）"})
    visit.caller = caller
    visit.save(update_fields=["caller"])
    audit(actor, "ratings.visits.assign", visit, f"回访 {visit.case.number} 分派给 {actor_label(caller)}")
    return visit


@transaction.atomic
def record(actor, visit: ReturnVisit, *, reached: bool, level=None, note: str = "") -> ReturnVisit:
    """Record a call. Reached: the person's satisfaction (and, if the case has no rating yet, it
    becomes their 电话 rating — a bad one starts the loop like any other)."""
    visit = ReturnVisit.objects.select_for_update().select_related("sample__department", "case").get(pk=visit.pk)
    department = visit.sample.department
    is_caller = visit.caller_id is not None and visit.caller_id == getattr(actor, "pk", None)
    if not (is_caller or can_act_for_department(actor, Role.SUPERVISOR, department)):
        raise PermissionDenied("该回访任务未分派给您。")
    if visit.status == VisitStatus.DONE:
        raise ValidationError("该办件已回访，不能重复记录。")
    note = (note or "").strip()
    if len(note) > 2000:
        raise ValidationError({"note": "回访记录不能超过2000字"})
    if not reached and not note:
        raise ValidationError({"note": "未接通时请记录拨打情况（如“无人接听”“空号”）"})
    level = parse_level(level) if reached else None
    visit.attempts += 1
    visit.called_at, visit.recorded_by, visit.note = timezone.now(), actor, note
    visit.status, visit.level = (VisitStatus.DONE, level) if reached else (VisitStatus.UNREACHED, None)
    visit.save()
    audit(actor, "ratings.visits.record", visit,
          f"回访 {visit.case.number}：{visit.get_status_display()}"
          + (f"，{visit.get_level_display()}" if visit.level else ""), {"note": note[:200]})
    # A joint case's sub-case: the answer becomes the joint case's one rating, once the whole is 办结.
    if reached and already_rated(visit.case, CASE_HANDLING) is None and visit.case.phase == Phase.COMPLETED \
            and rateable_now(visit.case):
        rate(actor, visit.case, level=visit.level, channel=RatingChannel.PHONE, comment=note)
    return visit


def due_months(today: date) -> date | None:
    """The month whose sample is due today (on or after the draw day, for the month before)."""
    if today.day < settings.RATINGS["SAMPLE_DAY"]:
        return None
    return previous_month(today)


def draw_due(today: date | None = None) -> int:
    """The sweep's part: draw last month's sample for every department that closed cases in it."""
    from tongban.org.models import Department

    month = due_months(today or timezone.localdate())
    if month is None:
        return 0
    start, end = _month_bounds(month)
    dept_ids = set(Case.objects.filter(phase=Phase.COMPLETED, completed_at__gte=start, completed_at__lt=end)
                   .values_list("department_id", flat=True))
    done = set(ReturnVisitSample.objects.filter(month=month).values_list("department_id", flat=True))
    drawn = 0
    for department in Department.objects.filter(pk__in=dept_ids - done):
        draw("回访抽样程序", department, month)
        drawn += 1
    return drawn

