"""Administrators' edits of the working-day calendar. Each one audited; only platform admins.

The State Council publishes each year's schedule (国务院办公厅关于某年部分节假日安排的通知): a list
of holiday ranges and of weekend days worked instead (调休). enter_year_schedule() takes exactly that.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.core.admin import is_platform_admin
from tongban.core.services import audit
from tongban.workcal.models import CalendarDay, CalendarYear
from tongban.workcal.selectors import calendar_changed


@dataclass(frozen=True)
class HolidayRange:
    start: date
    end: date
    name: str


@dataclass(frozen=True)
class MakeUpDay:
    day: date
    name: str = ""


def _require_admin(actor) -> None:
    if actor is None:  # system jobs (demo loader, management commands run by an operator)
        return
    if not is_platform_admin(actor):
        raise PermissionDenied("只有平台管理员可以维护工作日历")


@transaction.atomic
def set_day(actor, *, day: date, is_working_day: bool, name: str = "", note: str = "") -> CalendarDay:
    """Fix one day as working or not (creates or updates the override)."""
    _require_admin(actor)
    row = CalendarDay.objects.select_for_update().filter(date=day).first()
    before = None if row is None else {"is_working_day": row.is_working_day, "name": row.name}
    row = row or CalendarDay(date=day)
    row.is_working_day, row.name, row.note = is_working_day, name.strip(), note.strip()
    row.full_clean()
    row.save()
    kind = "上班" if is_working_day else "放假"
    audit(actor, "workcal.set_day", row, f"工作日历：{day:%Y-%m-%d} 设为{kind}{('（' + row.name + '）') if row.name else ''}",
          {"date": day.isoformat(), "is_working_day": is_working_day, "name": row.name, "before": before})
    return row


@transaction.atomic
def remove_day(actor, row: CalendarDay) -> None:
    """Drop an override: the day goes back to the built-in schedule (or Monday–Friday)."""
    _require_admin(actor)
    data = {"date": row.date.isoformat(), "is_working_day": row.is_working_day, "name": row.name}
    audit(actor, "workcal.remove_day", row, f"工作日历：删除 {row.date:%Y-%m-%d} 的设置", data)
    row.delete()


@transaction.atomic
def set_year_confirmed(actor, *, year: int, confirmed: bool = True, note: str = "") -> CalendarYear:
    """Declare a year's schedule complete (or withdraw that); an unconfirmed unknown year refuses deadlines."""
    _require_admin(actor)
    row = CalendarYear.objects.select_for_update().filter(year=year).first() or CalendarYear(year=year)
    row.confirmed = confirmed
    if note.strip():
        row.note = note.strip()
    user = actor if getattr(actor, "is_authenticated", False) else None
    row.confirmed_by, row.confirmed_at = (user, timezone.now()) if confirmed else (None, None)
    row.full_clean()
    row.save()
    audit(actor, "workcal.confirm_year" if confirmed else "workcal.unconfirm_year", row,
          f"工作日历：{year}年{'确认已录入' if confirmed else '撤销确认'}", {"year": year, "note": row.note})
    return row


def _check_schedule(year: int, holidays: list[HolidayRange], workdays: list[MakeUpDay]) -> dict[date, tuple]:
    """{day: (is_working_day, name)} for the schedule, or a ValidationError naming each mistake."""
    errors: list[str] = []
    days: dict[date, tuple] = {}
    for h in holidays:
        label = f"放假安排“{h.name or '未命名'} {h.start:%m-%d}至{h.end:%m-%d}”"
        if h.start.year != year or h.end.year != year:
            errors.append(f"{label}不在{year}年内")
            continue
        if h.end < h.start:
            errors.append(f"{label}的结束日期早于开始日期")
            continue
        if (h.end - h.start).days > 30:
            errors.append(f"{label}超过31天，请检查日期")
            continue
        d = h.start
        while d <= h.end:
            if d in days:
                errors.append(f"{d:%Y-%m-%d} 在放假安排中重复出现")
            days[d] = (False, h.name.strip())
            d += timedelta(days=1)
    for w in workdays:
        if w.day.year != year:
            errors.append(f"调休上班日 {w.day:%Y-%m-%d} 不在{year}年内")
        elif w.day.weekday() < 5:
            errors.append(f"调休上班日 {w.day:%Y-%m-%d} 是工作日（周一至周五），调休上班日应为周六或周日")
        elif w.day in days:
            errors.append(f"{w.day:%Y-%m-%d} 既是放假日又是调休上班日")
        else:
            name = w.name.strip()
            days[w.day] = (True, name if "调休" in name or "上班" in name else f"{name}调休上班")
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)))
    return days


@transaction.atomic
def enter_year_schedule(actor, *, year: int, holidays: list[HolidayRange], workdays: list[MakeUpDay],
                        replace: bool = True, confirm: bool = True, note: str = "") -> dict:
    """Enter one year's published schedule: holiday ranges (放假) and make-up working days (调休上班).

    replace: the year's earlier overrides are removed first (the notice is the whole schedule).
    confirm: mark the year as complete, so deadlines may run through it.
    Returns {"year", "holidays", "workdays", "removed"} (day counts).
    """
    _require_admin(actor)
    if not 1949 <= year <= 2100:
        raise ValidationError({"year": "年份应在1949至2100之间"})
    if not holidays:
        raise ValidationError({"holidays": "请至少录入一段放假安排"})
    days = _check_schedule(year, holidays, workdays)
    removed = 0
    if replace:
        removed, _ = CalendarDay.objects.filter(date__year=year).delete()
    existing = {row.date: row for row in CalendarDay.objects.select_for_update().filter(date__in=list(days))}
    for d, (working, name) in sorted(days.items()):
        row = existing.get(d) or CalendarDay(date=d)
        row.is_working_day, row.name = working, name[:40]
        if note.strip():
            row.note = note.strip()[:200]
        row.save()
    if confirm:
        set_year_confirmed(actor, year=year, confirmed=True, note=note)
    summary = {"year": year, "holidays": sum(1 for w, _ in days.values() if not w),
               "workdays": sum(1 for w, _ in days.values() if w), "removed": removed}
    audit(actor, "workcal.enter_year", None,
          f"工作日历：录入{year}年节假日安排（放假{summary['holidays']}天，调休上班{summary['workdays']}天）",
          {**summary, "note": note, "replace": replace, "confirm": confirm,
           "ranges": [[h.start.isoformat(), h.end.isoformat(), h.name] for h in holidays],
           "make_up_days": [[w.day.isoformat(), w.name] for w in workdays]},
          object_type="workcal.calendaryear", object_id=str(year))
    calendar_changed()
    return summary
