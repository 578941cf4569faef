"""Tests that need the whole demo city; conftest.py loads it once for all of them."""

from datetime import datetime
from zoneinfo import ZoneInfo

# The demo cases are dated relative to the day they are loaded: load them on a fixed day, so the
# warning and overdue deadlines the tests expect do not depend on the calendar.
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
# pytest's own clock stays real, so --durations shows what loading and each test really take.
REAL_CLOCK_FOR = ["_pytest"]
