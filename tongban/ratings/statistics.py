"""好差评 statistics per department, matter, window and staff member (docs/domain.md §7, §13):
counts per level, 好评率, bad ratings and how many of them were closed on time, and for departments
the return visits. Ratings voided on appeal (申诉成立) are left out everywhere.

好评率 = (非常满意 + 满意 + 基本满意) / all valid ratings — the split 国办发〔2019〕51号 uses for 好评/差评.
Bad ratings closed on time = loops closed (办结, or 申诉成立 before it counted) without any step
finishing after its limit, over all bad ratings of the period.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from tongban.ratings.models import (
    BAD_LEVELS,
    GOOD_LEVELS,
    Level,
    Rating,
    ReturnVisit,
    ReviewStatus,
    VisitStatus,
)

DIMENSIONS = {
    # code: (label, group-by fields, name builder)
    "department": ("部门", ("department_id", "department__name"), lambda r: r["department__name"]),
    "matter": ("事项", ("matter_id", "matter_name"), lambda r: r["matter_name"]),
    "window": ("窗口", ("window_id", "window__site__name", "window__number", "window__name"),
               lambda r: f"{r['window__site__name']} {r['window__number']}号 {r['window__name']}"
               if r["window_id"] else "（非窗口评价）"),
    "staff": ("工作人员", ("staff_id", "staff_name"), lambda r: r["staff_name"] or "（未记录）"),
}
PUBLIC_DIMENSIONS = ("department", "matter", "window")
LEVELS = [(value, label) for value, label in Level.choices]  # 非常满意 first


@dataclass
class Period:
    start: date
    end: date  # inclusive

    @property
    def bounds(self):
        tz = timezone.get_current_timezone()
        return (datetime.combine(self.start, time.min, tzinfo=tz),
                datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz))

    @property
    def label(self) -> str:
        return f"{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"


def this_year() -> Period:
    today = timezone.localdate()
    return Period(date(today.year, 1, 1), today)


def valid_ratings(period: Period, scope: Q | None = None):
    start, end = period.bounds
    qs = Rating.objects.filter(invalid=False, rated_at__gte=start, rated_at__lt=end)
    return qs.filter(scope) if scope is not None else qs


def _aggregates() -> dict:
    closed = Q(review__status__in=[ReviewStatus.CLOSED, ReviewStatus.VOIDED])
    out = {"total": Count("id"), "bad": Count("id", filter=Q(level__in=BAD_LEVELS)),
           "good": Count("id", filter=Q(level__in=GOOD_LEVELS)),
           "bad_closed": Count("id", filter=Q(level__in=BAD_LEVELS) & closed),
           "bad_on_time": Count("id", filter=Q(level__in=BAD_LEVELS) & closed & Q(review__late=False))}
    for value, _ in LEVELS:
        out[f"l{value}"] = Count("id", filter=Q(level=value))
    return out


def _finish(row: dict) -> dict:
    row["good_rate"] = row["good"] / row["total"] if row["total"] else None
    row["on_time_rate"] = row["bad_on_time"] / row["bad"] if row["bad"] else None
    row["levels"] = [row[f"l{value}"] for value, _ in LEVELS]
    return row


def rows(dimension: str, period: Period, scope: Q | None = None) -> list[dict]:
    """One row per department / matter / window / staff member, most ratings first."""
    _label, fields, name = DIMENSIONS[dimension]
    qs = valid_ratings(period, scope).order_by().values(*fields).annotate(**_aggregates())
    out = []
    for r in qs:
        row = _finish(dict(r))
        row["key"], row["name"] = r[fields[0]], name(r)
        out.append(row)
    return sorted(out, key=lambda r: (-r["total"], r["name"]))


def totals(period: Period, scope: Q | None = None) -> dict:
    return _finish(dict(valid_ratings(period, scope).aggregate(**_aggregates())))


def visit_rows(period: Period, scope: Q | None = None) -> dict:
    """{department id: {"called", "reached", "satisfied", "satisfied_rate"}} for the return visits made in
    the period."""
    start, end = period.bounds
    qs = ReturnVisit.objects.filter(called_at__gte=start, called_at__lt=end)
    if scope is not None:
        qs = qs.filter(scope)
    out = {}
    for r in (qs.order_by().values("sample__department_id")
              .annotate(called=Count("id"), reached=Count("id", filter=Q(status=VisitStatus.DONE)),
                        satisfied=Count("id", filter=Q(status=VisitStatus.DONE, level__gte=3)))):
        r["satisfied_rate"] = r["satisfied"] / r["reached"] if r["reached"] else None
        out[r["sample__department_id"]] = r
    return out
