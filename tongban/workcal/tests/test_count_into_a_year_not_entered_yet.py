"""A limit that runs from a known year into one nobody entered yet (2027 is not built in): the known
part is counted from the real calendar, only the days of 2027 Monday–Friday, and only then is the
result provisional (docs/domain.md §4.2)."""

from datetime import date

import pytest

from tongban.workcal.selectors import (
    add_working_days_or_weekdays,
    is_working_day_or_weekday,
    working_days_or_weekdays_between,
)
from tongban.workcal.services import set_day, set_year_confirmed

pytestmark = pytest.mark.django_db


def test_accepted_before_national_day_the_holidays_of_2026_still_count():
    # 2026-10-01…07 off, Saturday 10-10 worked: four working days fewer than Monday–Friday in 2026,
    # so 70 working days end on 2027-01-08, not on the 2027-01-04 a plain weekday count gives.
    assert add_working_days_or_weekdays(date(2026, 9, 28), 70) == (date(2027, 1, 8), True)
    assert working_days_or_weekdays_between(date(2026, 9, 28), date(2027, 1, 8)) == (70, True)


def test_a_limit_that_stays_in_the_known_year_is_not_provisional():
    assert add_working_days_or_weekdays(date(2026, 9, 28), 50) == (date(2026, 12, 11), False)
    assert add_working_days_or_weekdays(date(2026, 12, 30), 1) == (date(2026, 12, 31), False)
    assert working_days_or_weekdays_between(date(2026, 9, 28), date(2026, 12, 11)) == (50, False)
    assert is_working_day_or_weekday(date(2026, 10, 8)) == (True, False)
    assert is_working_day_or_weekday(date(2026, 10, 5)) == (False, False)  # a Monday off


def test_counting_back_from_the_unknown_year_meets_the_known_calendar():
    assert add_working_days_or_weekdays(date(2027, 1, 8), -70) == (date(2026, 9, 28), True)
    assert is_working_day_or_weekday(date(2027, 1, 1)) == (True, True)  # a Friday, for now


def test_once_the_year_is_entered_the_same_count_is_exact():
    set_day(None, day=date(2027, 1, 1), is_working_day=False, name="元旦")
    set_year_confirmed(None, year=2027)
    assert add_working_days_or_weekdays(date(2026, 9, 28), 70) == (date(2027, 1, 11), False)
    assert working_days_or_weekdays_between(date(2026, 9, 28), date(2027, 1, 11)) == (70, False)
