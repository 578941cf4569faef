"""The case clock in working days (行政许可法 §42, §45; docs/domain.md §4).

- The count starts the day after acceptance.
- Paused periods (补正 after acceptance, 容缺 waiting, 特别程序) are not counted: their working days
  are added back, and while a pause is open the clock shows 暂停计时.
- An approved extension adds days to both limits.
The platform enforces and reports the promised limit (承诺时限); the legal limit is shown beside it.
"""

import math
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from tongban.workcal.selectors import (
    add_working_days_or_weekdays,
    is_working_day_or_weekday,
    working_days_or_weekdays_between,
)


class DeadlineState:
    NORMAL = "normal"
    WARNING = "warning"
    OVERDUE = "overdue"
    PAUSED = "paused"
    NONE = "none"


STATE_LABELS = {
    DeadlineState.NORMAL: "正常",
    DeadlineState.WARNING: "预警",
    DeadlineState.OVERDUE: "超期",
    DeadlineState.PAUSED: "暂停计时",
    DeadlineState.NONE: "—",
}


def warn_days(promised_days: int) -> int:
    # Yellow when a fifth of the promised time (at least one working day) is left.
    return max(1, math.ceil(promised_days * 0.2))


def _add(start: date, days: int, provisional: list) -> date:
    """Working days after `start`; the days of a year the calendar does not know yet count Monday–Friday
    (noted in `provisional`) rather than refuse to accept the case (docs/domain.md §4.2)."""
    due, guessed = add_working_days_or_weekdays(start, days)
    if guessed:
        provisional.append(True)
    return due


def _is_working(d: date) -> bool:
    return is_working_day_or_weekday(d)[0]


def _working_day_before(due: date, days: int) -> date:
    """The working day from which at most `days` working days remain until `due`."""
    d, left = due, days
    while left > 0:
        d = date.fromordinal(d.toordinal() - 1)
        if _is_working(d):
            left -= 1
    return d


def recompute(case) -> None:
    """Set promised_due, legal_due and warn_on from the acceptance date, pauses and extensions."""
    if case.accepted_at is None or case.promised_days is None:
        case.promised_due = case.legal_due = case.warn_on = None
        case.due_provisional = False
        return
    start = timezone.localdate(case.accepted_at)
    extra = case.extension_days + case.paused_days
    provisional: list = []
    case.promised_due = _add(start, case.promised_days + extra, provisional)
    case.legal_due = _add(start, case.legal_days + extra, provisional) if case.legal_days else None
    if case.promised_days == 0:
        case.warn_on = case.promised_due
    else:
        case.warn_on = _working_day_before(case.promised_due, warn_days(case.promised_days))
    case.due_provisional = bool(provisional)


def _between(start: date, end: date) -> int:
    return working_days_or_weekdays_between(start, end)[0]


def paused_working_days(started_on: date, ended_on: date) -> int:
    return _between(started_on, ended_on)


@dataclass(frozen=True)
class Clock:
    state: str
    label: str
    due: date | None
    legal_due: date | None
    remaining: int | None  # working days left (negative when overdue)
    provisional: bool = False  # due date counted Monday–Friday: the year's holidays are not entered yet

    @property
    def css(self) -> str:
        return f"deadline-{self.state}"


def clock(case, today: date | None = None) -> Clock:
    today = today or timezone.localdate()
    if case.promised_due is None:
        return Clock(DeadlineState.NONE, STATE_LABELS[DeadlineState.NONE], None, None, None)
    if case.completed_at is not None or not case.is_open:
        done = timezone.localdate(case.completed_at) if case.completed_at else today
        late = done > case.promised_due
        state = DeadlineState.OVERDUE if late else DeadlineState.NORMAL
        label = "超期办结" if late else "按时办结"
        return Clock(state, label, case.promised_due, case.legal_due, None, case.due_provisional)
    if case.clock_paused:
        return Clock(DeadlineState.PAUSED, STATE_LABELS[DeadlineState.PAUSED], case.promised_due,
                     case.legal_due, None, case.due_provisional)
    if today > case.promised_due:
        remaining = -_between(case.promised_due, today)
        state = DeadlineState.OVERDUE
    else:
        remaining = _between(today, case.promised_due)
        state = DeadlineState.WARNING if case.warn_on and today >= case.warn_on else DeadlineState.NORMAL
    return Clock(state, STATE_LABELS[state], case.promised_due, case.legal_due, remaining, case.due_provisional)
