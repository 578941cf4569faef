"""Working days (工作日) for time limits: 行政许可法 §82 counts 工作日, the clock starts the day after
receipt (docs/domain.md §4).

Sources, strongest first:
1. CalendarDay rows entered by an administrator (corrections, and every holiday of a year the
   package does not know);
2. the `chinese_calendar` package (the State Council's schedules it knows, 2004–2026);
3. plain Monday–Friday, but only for a year an administrator confirmed (CalendarYear.confirmed).
A year known to none of them raises CalendarUnknown: a deadline computed from a guessed calendar
would be wrong exactly around the holidays applicants care about.

Deadline computation calls these functions a lot, so each year is computed once per process and
kept. Edits in this process drop the cache at once (signals); edits made by another process are
seen within RECHECK_SECONDS, when a cheap fingerprint of the tables (row counts, last update) is
compared.
"""

import threading
import time
import weakref
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max

from tongban.workcal.models import CalendarDay, CalendarYear

RECHECK_SECONDS = 30

SOURCE_OVERRIDE = "override"
SOURCE_BUILTIN = "builtin"
SOURCE_WEEKDAY = "weekday"
SOURCE_LABELS = {
    SOURCE_OVERRIDE: "管理员维护",
    SOURCE_BUILTIN: "国务院办公厅节假日安排（内置）",
    SOURCE_WEEKDAY: "按周一至周五（该年已确认无其他安排）",
}
WEEKDAYS = "一二三四五六日"

_HOLIDAY_ZH = {h.value: h.chinese for h in chinese_calendar.Holiday}


class CalendarUnknown(ValidationError):
    """The year's holidays are not known: no built-in data, and no administrator confirmed them."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(f"{year}年工作日历尚未维护，请管理员在“工作日历”中录入该年节假日安排",
                         code="calendar_unknown")


@dataclass(frozen=True)
class _Year:
    year: int
    known: bool
    confirmed: bool
    builtin: bool
    working: bytes = b""  # one 0/1 per day of the year
    names: tuple = ()  # name per day of the year ("" for an ordinary working day)
    sources: tuple = ()

    def index(self, d: date) -> int:
        return d.toordinal() - date(self.year, 1, 1).toordinal()


# -- the per-process cache ---------------------------------------------------------------------

_lock = threading.RLock()
_years: dict[int, _Year] = {}
_stamp: tuple | None = None  # the tables' fingerprint when _years was filled
_checked_at = float("-inf")
# An edit inside a transaction that has not ended yet: if it rolls back, no signal says so, so the
# fingerprint is compared on every call until that transaction is over.
_pending_block = None


def clear_cache() -> None:
    global _years, _stamp, _checked_at
    with _lock:
        _years, _stamp, _checked_at = {}, None, float("-inf")


def calendar_changed(**kwargs) -> None:
    """Signal receiver for edits of CalendarDay / CalendarYear (and flushes, via post_migrate)."""
    global _pending_block
    clear_cache()
    connection = transaction.get_connection()
    if connection.in_atomic_block and connection.atomic_blocks:
        _pending_block = weakref.ref(connection.atomic_blocks[0])
        transaction.on_commit(clear_cache)


def _fingerprint() -> tuple:
    days = CalendarDay.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
    years = CalendarYear.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
    return days["n"], days["t"], years["n"], years["t"]


def _ensure_fresh() -> None:
    global _pending_block, _checked_at, _years, _stamp
    now = time.monotonic()
    if _pending_block is not None:
        connection = transaction.get_connection()
        block = _pending_block()
        still_open = block is not None and connection.atomic_blocks[:1] == [block]
        if not still_open:
            _pending_block = None
    elif 0 <= now - _checked_at < RECHECK_SECONDS:
        return
    stamp = _fingerprint()
    with _lock:
        if stamp != _stamp:
            _years, _stamp = {}, stamp
        _checked_at = now


def _builtin_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _build(year: int) -> _Year:
    overrides = {row.date: row for row in CalendarDay.objects.filter(date__year=year)}
    confirmed = CalendarYear.objects.filter(year=year, confirmed=True).exists()
    builtin = _builtin_knows(year)
    if not (builtin or confirmed):
        return _Year(year, known=False, confirmed=False, builtin=False)
    working, names, sources = bytearray(), [], []
    d, end = date(year, 1, 1), date(year, 12, 31)
    while d <= end:
        weekend = d.weekday() >= 5
        row = overrides.get(d)
        if row is not None:
            is_work, source = row.is_working_day, SOURCE_OVERRIDE
            name = row.name or ("调休上班" if is_work and weekend else "" if is_work else "放假")
        elif builtin:
            is_work, source = chinese_calendar.is_workday(d), SOURCE_BUILTIN
            _, holiday = chinese_calendar.get_holiday_detail(d)
            zh = _HOLIDAY_ZH.get(holiday, holiday or "")
            if is_work:
                name = f"{zh}调休上班" if zh and weekend else ""
            else:
                name = zh or "周末"
        else:
            is_work, source = not weekend, SOURCE_WEEKDAY
            name = "周末" if weekend else ""
        working.append(1 if is_work else 0)
        names.append(name)
        sources.append(source)
        d += timedelta(days=1)
    return _Year(year, known=True, confirmed=confirmed, builtin=builtin, working=bytes(working),
                 names=tuple(names), sources=tuple(sources))


def _year(year: int) -> _Year:
    data = _years.get(year)
    if data is None:
        with _lock:
            data = _years.get(year)
            if data is None:
                data = _build(year)
                _years[year] = data
    return data


def _known_year(year: int) -> _Year:
    data = _year(year)
    if not data.known:
        raise CalendarUnknown(year)
    return data


# -- public reads ------------------------------------------------------------------------------

def is_working_day(d: date) -> bool:
    _ensure_fresh()
    data = _known_year(d.year)
    return bool(data.working[data.index(d)])


def add_working_days(start: date, days: int) -> date:
    """The day on which `days` working days have passed, counting from the day after `start`
    (行政许可法: the day of receipt is not counted). add_working_days(d, 0) == d.

    A negative `days` counts backwards: the |days|-th working day before `start`.
    """
    _ensure_fresh()
    step = 1 if days >= 0 else -1
    left, d = abs(days), start
    while left > 0:
        d += timedelta(days=step)
        data = _known_year(d.year)
        if data.working[data.index(d)]:
            left -= 1
    return d


def _working_or_weekday(d: date) -> tuple[bool, bool]:
    """(is d a working day, was it guessed): from the calendar where it knows d's year, else
    Monday–Friday. The caller has called _ensure_fresh()."""
    data = _year(d.year)
    if data.known:
        return bool(data.working[data.index(d)]), False
    return d.weekday() < 5, True


def add_working_days_or_weekdays(start: date, days: int) -> tuple[date, bool]:
    """add_working_days, except that in a year the calendar does not know yet (the State Council
    publishes each schedule late in the year before) the days are counted Monday–Friday rather than
    refused: a time limit must not block a case or a complaint from being filed. The days of every
    known year are counted from the calendar all the same; the flag ("provisional") is True only when
    the count went through an unknown year. Callers that show the date say it is provisional, and
    recompute it once the year is entered (docs/domain.md §4.2)."""
    _ensure_fresh()
    step = 1 if days >= 0 else -1
    left, d, guessed = abs(days), start, False
    while left > 0:
        d += timedelta(days=step)
        working, unknown = _working_or_weekday(d)
        guessed = guessed or unknown
        if working:
            left -= 1
    return d, guessed


def is_working_day_or_weekday(d: date) -> tuple[bool, bool]:
    """(is_working_day(d), False), or (Monday–Friday, True) in a year the calendar does not know."""
    _ensure_fresh()
    return _working_or_weekday(d)


def working_days_or_weekdays_between(start: date, end: date) -> tuple[int, bool]:
    """working_days_between, counting Monday–Friday only inside years the calendar does not know;
    True when it did."""
    if end <= start:
        return 0, False
    _ensure_fresh()
    first, total, guessed = start + timedelta(days=1), 0, False
    for year in range(first.year, end.year + 1):
        lo = first if year == first.year else date(year, 1, 1)
        hi = end if year == end.year else date(year, 12, 31)
        data = _year(year)
        if data.known:
            total += sum(data.working[data.index(lo):data.index(hi) + 1])
        else:
            guessed = True
            total += sum(1 for n in range(lo.toordinal(), hi.toordinal() + 1) if date.fromordinal(n).weekday() < 5)
    return total, guessed


def working_days_between(start: date, end: date) -> int:
    """How many working days w with start < w <= end (0 when end <= start)."""
    if end <= start:
        return 0
    _ensure_fresh()
    first, total = start + timedelta(days=1), 0
    for year in range(first.year, end.year + 1):
        data = _known_year(year)
        lo = data.index(first) if year == first.year else 0
        hi = data.index(end) + 1 if year == end.year else len(data.working)
        total += sum(data.working[lo:hi])
    return total


def day_info(d: date) -> dict:
    """How a page shows one day: {date, weekday, name, is_working_day, source, source_label}."""
    _ensure_fresh()
    data = _known_year(d.year)
    i = data.index(d)
    source = data.sources[i]
    return {
        "date": d,
        "weekday": "周" + WEEKDAYS[d.weekday()],
        "name": data.names[i],
        "is_working_day": bool(data.working[i]),
        "source": source,
        "source_label": SOURCE_LABELS[source],
    }


def year_status(year: int) -> dict:
    """Whether the year can be used for deadlines, and why: {year, known, builtin, confirmed}."""
    _ensure_fresh()
    data = _year(year)
    return {"year": year, "known": data.known, "builtin": data.builtin, "confirmed": data.confirmed}


def year_days(year: int) -> list[dict]:
    """Every day of a known year, as day_info() gives it (raises CalendarUnknown otherwise)."""
    _ensure_fresh()
    data = _known_year(year)
    d, out = date(year, 1, 1), []
    for i in range(len(data.working)):
        out.append({"date": d, "weekday": "周" + WEEKDAYS[d.weekday()], "name": data.names[i],
                    "is_working_day": bool(data.working[i]), "source": data.sources[i],
                    "source_label": SOURCE_LABELS[data.sources[i]]})
        d += timedelta(days=1)
    return out
