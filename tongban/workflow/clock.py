"""Time limits of a state or of a whole instance, by their unit (docs/domain.md §4): working days
from the admin calendar (the day of receipt not counted, 行政许可法 §82), calendar days, hours (a
hotline's urgent orders), or a share of a limit the subject brings (a case's promised days)."""

import math
from datetime import date, datetime, timedelta

from django.utils import timezone

from tongban.workcal.selectors import add_working_days_or_weekdays
from tongban.workflow.models import SlaUnit


def due(unit: str, value: int | None, *, start: datetime | None = None, limit_days: int | None = None):
    """When a limit of `value` `unit` counted from `start` (now) runs out: a date for day units,
    an aware datetime for hours, None when the state has no limit (or a share of no limit)."""
    return due_and_provisional(unit, value, start=start, limit_days=limit_days)[0]


def due_and_provisional(unit: str, value: int | None, *, start: datetime | None = None,
                        limit_days: int | None = None) -> tuple:
    """(due(...), provisional): provisional when a working-day count went into a year the calendar
    does not know yet, whose days were counted Monday–Friday (docs/domain.md §4.2); the caller shows
    the date as 暂估 and counts it again once the year is entered."""
    if not unit or not value:
        return None, False
    start = start or timezone.now()
    if unit == SlaUnit.HOURS:
        return start + timedelta(hours=value), False
    day = timezone.localdate(start) if isinstance(start, datetime) else start
    if unit == SlaUnit.CALENDAR_DAYS:
        return day + timedelta(days=value), False
    if unit == SlaUnit.SHARE:
        if not limit_days:
            return None, False
        value = max(1, math.ceil(limit_days * value / 100))
    return add_working_days_or_weekdays(day, value)


def is_late(due_at, now: datetime | None = None) -> bool:
    if due_at is None:
        return False
    now = now or timezone.now()
    if isinstance(due_at, datetime):
        return now > due_at
    return timezone.localdate(now) > due_at if isinstance(due_at, date) else False
