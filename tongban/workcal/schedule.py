"""Read a year's schedule typed (or pasted) from the State Council notice, one entry a line.

Holiday lines: "春节 2027-02-06 至 2027-02-12", "2月6日至12日 春节", "2027/10/1~10/7 国庆节".
Make-up working day lines: "2027-02-14 春节", "1月26日、2月8日 春节调休上班".
Dates may omit the year (the year being entered is meant); "（星期六）" and the like are ignored.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError

from tongban.workcal.services import HolidayRange, MakeUpDay

_DATE = re.compile(r"(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?")
_RANGE_SEP = r"\s*(?:至|到|~|～|—|－|-|－－)\s*"
_DAY_ONLY_END = re.compile(_RANGE_SEP + r"(?P<d>\d{1,2})\s*日")
_NOISE = re.compile(r"[（(][^）)]*[）)]|星期.|周[一二三四五六日天]|放假|共\d+天|[至到~～—－\-、，,;；:：。.\s]")


def _date(match, year: int, line_no: int) -> date:
    y = int(match.group("y") or year)
    try:
        return date(y, int(match.group("m")), int(match.group("d")))
    except ValueError:
        raise ValidationError(f"第{line_no}行：日期“{match.group(0).strip()}”不存在") from None


def _name(text: str) -> str:
    return _NOISE.sub("", _DAY_ONLY_END.sub("", _DATE.sub("", text)))[:40]


def _lines(text: str):
    for no, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield no, line


def parse_holidays(text: str, year: int) -> list[HolidayRange]:
    """One range (or one day) per line; raises ValidationError listing every unreadable line."""
    out, errors = [], []
    for no, line in _lines(text):
        try:
            matches = list(_DATE.finditer(line))
            if not matches or len(matches) > 2:
                raise ValidationError(f"第{no}行：应为“名称 开始日期 至 结束日期”，如“春节 2月6日至2月12日”")
            start = _date(matches[0], year, no)
            if len(matches) == 2:
                end = _date(matches[1], year, no)
            else:
                tail = _DAY_ONLY_END.match(line, matches[0].end())
                end = date(start.year, start.month, int(tail.group("d"))) if tail else start
            out.append(HolidayRange(start=start, end=end, name=_name(line)))
        except ValidationError as exc:
            errors.extend(exc.messages)
        except ValueError:
            errors.append(f"第{no}行：结束日期不存在")
    if errors:
        raise ValidationError(errors)
    return out


def parse_workdays(text: str, year: int) -> list[MakeUpDay]:
    """Any number of dates per line, then an optional name (e.g. "春节")."""
    out, errors = [], []
    for no, line in _lines(text):
        try:
            matches = list(_DATE.finditer(line))
            if not matches:
                raise ValidationError(f"第{no}行：没有找到日期，应如“2月14日 春节”")
            name = _name(line)
            out.extend(MakeUpDay(day=_date(m, year, no), name=name) for m in matches)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return out


def schedule_text(year: int) -> tuple[str, str]:
    """The year's current schedule written the way the form reads it (to start an edit from).
    Empty when the year is not known yet."""
    from tongban.workcal.selectors import CalendarUnknown, year_days

    try:
        days = year_days(year)
    except CalendarUnknown:
        return "", ""
    holidays, workdays, run = [], [], None
    for info in days + [None]:
        is_holiday = info is not None and not info["is_working_day"] and info["name"] not in ("", "周末")
        if run and (not is_holiday or info["name"] != run[2] or info["date"].toordinal() != run[1].toordinal() + 1):
            start, end, name = run
            holidays.append(f"{name} {start:%Y-%m-%d}" + (f" 至 {end:%Y-%m-%d}" if end != start else ""))
            run = None
        if is_holiday:
            run = (run[0], info["date"], run[2]) if run else (info["date"], info["date"], info["name"])
        if info is not None and info["is_working_day"] and info["date"].weekday() >= 5:
            workdays.append(f"{info['date']:%Y-%m-%d} {info['name']}".strip())
    return "\n".join(holidays), "\n".join(workdays)
