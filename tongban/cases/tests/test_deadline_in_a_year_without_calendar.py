"""Accepting in late December: the due date falls in a year whose holidays are not entered yet.
The case is still accepted, its due date counted Monday–Friday and marked 暂估, and corrected once
an administrator enters the year."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act
from tongban.cases.tasks import refresh_provisional
from tongban.cases.tests.builders import make_user, make_world, submitted_case
from tongban.workcal.services import set_day, set_year_confirmed

pytestmark = pytest.mark.django_db


def test_due_date_in_unknown_year_is_provisional_until_the_year_is_entered():
    w = make_world(promised_days=20, legal_days=20)
    with freeze_time(datetime(2026, 12, 21, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))):
        case = submitted_case(w)
        case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    assert case.due_provisional
    # 12/22–12/31: 8 working days; then 12 weekdays of 2027 counted plainly → 2027-01-18 (Monday)
    assert case.promised_due == date(2027, 1, 18)

    admin = make_user("caladmin", role="admin", division=w.city)
    set_day(admin, day=date(2027, 1, 1), is_working_day=False, name="元旦")
    set_year_confirmed(admin, year=2027, confirmed=True, note="国务院办公厅通知")
    assert refresh_provisional() == 1
    case.refresh_from_db()
    assert not case.due_provisional and case.promised_due == date(2027, 1, 19)
