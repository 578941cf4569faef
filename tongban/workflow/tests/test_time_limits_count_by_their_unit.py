"""A state's time limit counts in its own unit: working days around a holiday, calendar days, hours
(an urgent hotline order), or a share of the subject's own limit."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tongban.workflow.clock import due, is_late

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
BEFORE_NATIONAL_DAY = datetime(2026, 9, 30, 10, 0, tzinfo=BEIJING)


def test_working_days_skip_the_national_day_holiday():
    assert due("working_days", 2, start=BEFORE_NATIONAL_DAY) == date(2026, 10, 9)


def test_calendar_days_and_hours():
    assert due("calendar_days", 2, start=BEFORE_NATIONAL_DAY) == date(2026, 10, 2)
    assert due("hours", 24, start=BEFORE_NATIONAL_DAY) == datetime(2026, 10, 1, 10, 0, tzinfo=BEIJING)


def test_a_share_of_the_subjects_limit_is_at_least_one_working_day():
    assert due("share", 50, start=BEFORE_NATIONAL_DAY, limit_days=4) == date(2026, 10, 9)
    assert due("share", 10, start=BEFORE_NATIONAL_DAY, limit_days=4) == date(2026, 10, 8)
    assert due("share", 10, start=BEFORE_NATIONAL_DAY) is None


def test_no_limit_is_never_late():
    assert due("", None) is None and not is_late(None)
    assert is_late(date(2026, 10, 8), now=datetime(2026, 10, 9, 0, 30, tzinfo=BEIJING))
    assert not is_late(date(2026, 10, 8), now=datetime(2026, 10, 8, 23, 30, tzinfo=BEIJING))
