from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act, extend
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


@freeze_time(datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
def test_extension_once_by_at_most_ten_working_days():
    w = make_world(promised_days=5, legal_days=20)
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    before_promised, before_legal = case.promised_due, case.legal_due
    with pytest.raises(ValidationError) as err:
        extend(w.approver, case, days=11, reason="需补充调查", expected_revision=case.revision)
    assert "1 至 10" in str(err.value)
    case = extend(w.approver, case, days=10, reason="需对经营场所进行补充调查", expected_revision=case.revision)
    assert (case.promised_due - before_promised).days == 14  # ten working days = two weeks here
    assert (case.legal_due - before_legal).days == 14
    with pytest.raises(ValidationError) as err:
        extend(w.approver, case, days=1, reason="再延", expected_revision=case.revision)
    assert "已延期一次" in str(err.value)
    assert case.events.filter(action="extend", public=True).exists()
