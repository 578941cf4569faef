"""Deadlines in 工作日 skip weekends and statutory holidays and count 调休 working weekends
(行政许可法 §82; 国务院办公厅 2025 and 2026 schedules, built in)."""

from datetime import date

import pytest

from tongban.workcal.selectors import (
    CalendarUnknown,
    add_working_days,
    day_info,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db


def test_the_count_starts_the_day_after_and_zero_days_is_the_same_day():
    assert add_working_days(date(2025, 3, 3), 0) == date(2025, 3, 3)
    assert add_working_days(date(2025, 3, 3), 1) == date(2025, 3, 4)
    assert add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)  # Friday → Monday
    assert working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0
    assert working_days_between(date(2025, 3, 7), date(2025, 3, 3)) == 0


def test_spring_festival_2025_off_from_28_january_to_4_february_with_two_weekends_worked():
    assert not any(is_working_day(date(2025, 1, d)) for d in range(28, 32))
    assert not any(is_working_day(date(2025, 2, d)) for d in range(1, 5))
    assert is_working_day(date(2025, 1, 26))  # Sunday, worked
    assert is_working_day(date(2025, 2, 8))  # Saturday, worked
    assert not is_working_day(date(2025, 1, 25))  # an ordinary Saturday
    # Accepted on Friday 24 January: day 1 is Sunday the 26th, then Monday, then the holiday.
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 1, 26)
    assert add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    assert add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 8)) == 6


def test_national_day_and_mid_autumn_2025_off_from_1_to_8_october():
    assert not any(is_working_day(date(2025, 10, d)) for d in range(1, 9))
    assert is_working_day(date(2025, 9, 28)) and is_working_day(date(2025, 10, 11))
    assert add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert add_working_days(date(2025, 9, 30), 4) == date(2025, 10, 13)
    # A 20-working-day limit (行政许可法 §42) from 30 September ends on 4 November; counting
    # Monday–Friday alone would have said 28 October.
    assert add_working_days(date(2025, 9, 30), 20) == date(2025, 11, 4)
    assert working_days_between(date(2025, 9, 30), date(2025, 11, 4)) == 20
    assert working_days_between(date(2025, 9, 30), date(2025, 10, 28)) == 15


def test_2026_spring_festival_and_national_day():
    assert is_working_day(date(2026, 2, 14)) and is_working_day(date(2026, 2, 28))
    assert not any(is_working_day(date(2026, 2, d)) for d in range(15, 24))
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert not any(is_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert is_working_day(date(2026, 10, 10))


def test_a_whole_year_counts_the_published_number_of_working_days():
    assert working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 248


def test_day_info_names_the_holiday_and_the_make_up_day():
    assert day_info(date(2025, 1, 26)) | {"date": None} == {
        "date": None, "weekday": "周日", "name": "春节调休上班", "is_working_day": True,
        "source": "builtin", "source_label": "国务院办公厅节假日安排（内置）"}
    assert day_info(date(2025, 10, 6))["name"] == "中秋"
    assert day_info(date(2025, 10, 8))["name"] == "国庆节"
    assert day_info(date(2025, 3, 8))["name"] == "周末"
    assert day_info(date(2025, 3, 10))["name"] == ""


def test_a_year_nobody_maintained_is_refused_not_guessed():
    assert add_working_days(date(2026, 12, 30), 1) == date(2026, 12, 31)
    with pytest.raises(CalendarUnknown) as raised:
        add_working_days(date(2026, 12, 30), 2)
    assert raised.value.messages == ["2027年工作日历尚未维护，请管理员在“工作日历”中录入该年节假日安排"]
    with pytest.raises(CalendarUnknown):
        working_days_between(date(2026, 12, 1), date(2027, 1, 5))
    with pytest.raises(CalendarUnknown, match="2003年"):
        is_working_day(date(2003, 5, 1))
