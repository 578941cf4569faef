"""2026 国庆/中秋: 10/1–10/7 off, Saturday 10/10 worked (调休). The count starts the day after acceptance."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.cases import deadlines
from tongban.cases.models import ActionKind, SpecialProcedure
from tongban.cases.services.processing import act, end_special_procedure, start_special_procedure
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db
CN = ZoneInfo("Asia/Shanghai")


def accept_on(w, day: datetime):
    with freeze_time(day):
        case = submitted_case(w)
        return act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)


def test_five_working_days_skip_the_holiday_and_count_the_make_up_saturday():
    w = make_world(promised_days=5, legal_days=20)
    case = accept_on(w, datetime(2026, 9, 29, 10, 0, tzinfo=CN))
    # 9/30, 10/8, 10/9, 10/10 (Saturday, 调休), 10/12
    assert case.promised_due == date(2026, 10, 12)
    assert deadlines.clock(case, today=date(2026, 10, 5)).label == "正常"
    assert deadlines.clock(case, today=date(2026, 10, 10)).label == "预警"
    late = deadlines.clock(case, today=date(2026, 10, 13))
    assert late.label == "超期" and late.remaining == -1


def test_special_procedure_pauses_the_clock_and_adds_the_days_back():
    w = make_world(promised_days=5, legal_days=20)
    case = accept_on(w, datetime(2026, 9, 29, 10, 0, tzinfo=CN))
    with freeze_time(datetime(2026, 9, 30, 9, 0, tzinfo=CN)):
        case = start_special_procedure(w.approver, case, procedure=SpecialProcedure.EXPERT_REVIEW,
                                       reason="需组织专家对加工工艺进行评审", expected_revision=case.revision)
        assert deadlines.clock(case).label == "暂停计时"
    with freeze_time(datetime(2026, 10, 9, 16, 0, tzinfo=CN)):
        case = end_special_procedure(w.approver, case, comment="专家评审通过", expected_revision=case.revision)
    # paused 9/30 → 10/9: working days 10/8 and 10/9 are not counted
    assert case.paused_days == 2
    assert case.promised_due == date(2026, 10, 14)
    assert case.pauses.get().working_days == 2


def test_warning_and_overdue_queues_follow_the_dates():
    from tongban.cases.selectors import queue

    w = make_world(promised_days=5)
    case = accept_on(w, datetime(2026, 9, 29, 10, 0, tzinfo=CN))
    with freeze_time(datetime(2026, 10, 10, 9, 0, tzinfo=CN)):
        assert list(queue(w.approver, "warning")) == [case]
        assert not queue(w.approver, "overdue").exists()
    with freeze_time(datetime(2026, 10, 13, 9, 0, tzinfo=CN)):
        assert list(queue(w.approver, "overdue")) == [case]
        assert list(queue(w.supervisor, "overdue")) == [case]
        assert not queue(w.police_approver, "overdue").exists()
