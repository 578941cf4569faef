"""Public read API of the working-day calendar (工作日历), mounted at /api/v1/calendar/.

Public information: the State Council's schedule and the platform's way of counting 工作日.
A year nobody has maintained answers 422 with the Chinese explanation (CalendarUnknown).
"""

import datetime as dt

from ninja import Field, Query, Router, Schema

from tongban.core.api_errors import IsoDate, errors, register_field_labels
from tongban.workcal.selectors import add_working_days, day_info, year_days, year_status

router = Router(tags=["工作日历"])

register_field_labels({"start": "起算日期", "days": "工作日数", "year": "年份"}, path_prefix="/api/v1/calendar")


class DayOut(Schema):
    date: dt.date = Field(description="日期")
    weekday: str = Field(description="星期，如“周一”")
    name: str = Field(description="名称：节日名（如“春节”）、“春节调休上班”、“周末”；普通工作日为空")
    is_working_day: bool = Field(description="是否工作日（调休上班日为是，法定节假日和周末为否）")
    source: str = Field(description="依据：override 管理员维护、builtin 内置国务院节假日安排、weekday 按周一至周五")
    source_label: str = Field(description="依据（中文）")


class WorkingDaysOut(Schema):
    start: dt.date = Field(description="起算日期（当日不计入）")
    days: int = Field(description="工作日数")
    date: dt.date = Field(description="第 days 个工作日，即届满日期")
    day: DayOut = Field(description="届满日期的日历信息")


class YearOut(Schema):
    year: int = Field(description="年份")
    builtin: bool = Field(description="是否有内置的国务院节假日安排")
    confirmed: bool = Field(description="管理员是否已确认该年安排全部录入")
    working_days: int = Field(description="全年工作日数")
    days: list[DayOut] = Field(description="全年每日")


class WorkingDaysQuery(Schema):
    start: IsoDate = Field(description="起算日期（如受理日期），YYYY-MM-DD；当日不计入")
    days: int = Field(ge=0, le=2000, description="工作日数（0 表示当日）")


class YearQuery(Schema):
    year: int = Field(ge=1949, le=2100, description="年份")


@router.get("/working-days", response={200: WorkingDaysOut, **errors(422)}, operation_id="addWorkingDays",
            summary="计算若干个工作日后的日期")
def working_days(request, q: Query[WorkingDaysQuery]):
    """行政许可法以工作日计算期限：从起算日期的次日开始计算，跳过周末和法定节假日，调休上班日计入。"""
    end = add_working_days(q.start, q.days)
    return {"start": q.start, "days": q.days, "date": end, "day": day_info(end)}


@router.get("/days", response={200: YearOut, **errors(422)}, operation_id="listCalendarDays",
            summary="某年每日是否工作日")
def days(request, q: Query[YearQuery]):
    status = year_status(q.year)
    rows = year_days(q.year)
    return {"year": q.year, "builtin": status["builtin"], "confirmed": status["confirmed"],
            "working_days": sum(1 for r in rows if r["is_working_day"]), "days": rows}
