from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act
from tongban.cases.tasks import sweep
from tongban.cases.tests.builders import make_world, submitted_case
from tongban.notify.models import Notification

pytestmark = pytest.mark.django_db


def test_warning_then_overdue_each_sent_once():
    w = make_world(promised_days=5)
    with freeze_time(datetime(2026, 9, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))):
        case = submitted_case(w)
        case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    assert sweep(today=date(2026, 10, 8)) == {"warned": 0, "overdue": 0}
    assert sweep(today=date(2026, 10, 10)) == {"warned": 1, "overdue": 0}
    assert sweep(today=date(2026, 10, 10)) == {"warned": 0, "overdue": 0}
    assert sweep(today=date(2026, 10, 13)) == {"warned": 0, "overdue": 1}
    assert sweep(today=date(2026, 10, 14)) == {"warned": 0, "overdue": 0}
    subjects = set(Notification.objects.filter(reference=case.number).values_list("recipient__username", "subject"))
    assert ("approver", f"办件预警：{case.number}") in subjects
    assert ("supervisor", f"办件超期：{case.number}") in subjects
