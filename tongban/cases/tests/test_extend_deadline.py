"""An approver extends a case's limit once, by at most ten working days, recording the approval of the
head of the body (行政许可法 §42 ¶1): who, in what position, when, under which document."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from tongban.cases.models import ActionKind, Extension, ExtensionKind
from tongban.cases.services.extensions import Approval, extend_case
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, submitted_case
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db

HEAD = Approval(approver_name="李建国", approver_position="局长", approved_on=date(2026, 11, 2),
                document="云市监审〔2026〕18号")


@freeze_time(datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
def test_extension_once_by_at_most_ten_working_days_with_the_heads_approval():
    w = make_world(promised_days=5, legal_days=20)
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    before_promised, before_legal = case.promised_due, case.legal_due
    with pytest.raises(ValidationError) as err:
        extend_case(w.approver, case, days=11, reason="需补充调查", approval=HEAD, expected_revision=case.revision)
    assert "1 至 10" in str(err.value)
    case = extend_case(w.approver, case, days=10, reason="需对经营场所进行补充调查", approval=HEAD,
                       expected_revision=case.revision)
    assert (case.promised_due - before_promised).days == 14  # ten working days = two weeks here
    assert (case.legal_due - before_legal).days == 14
    with pytest.raises(ValidationError) as err:
        extend_case(w.approver, case, days=1, reason="再延", approval=HEAD, expected_revision=case.revision)
    assert "已延期一次" in str(err.value)

    x = Extension.objects.get(case=case)
    assert (x.kind, x.approver_name, x.approver_position, x.approved_on, x.approval_document, x.entered_by) == (
        ExtensionKind.SINGLE, "李建国", "局长", date(2026, 11, 2), "云市监审〔2026〕18号", w.approver)
    event = case.events.get(action="extend")
    assert event.public and "经局长李建国批准（2026-11-02，云市监审〔2026〕18号）" in event.label
    assert AuditEvent.objects.filter(action="cases.extend", object_id=case.number).exists()


@freeze_time(datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
def test_an_extension_without_the_approval_is_refused_field_by_field():
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    with pytest.raises(ValidationError) as err:
        extend_case(w.approver, case, days=3, reason="需补充调查", approval=Approval(),
                    expected_revision=case.revision)
    assert err.value.message_dict == {
        "approver_name": ["请填写批准延期的本行政机关负责人姓名"],
        "approver_position": ["请填写批准人的职务（须为本行政机关负责人）"],
        "approved_on": ["请填写批准日期"],
        "approval_document": ["请填写批准文件的文号（或审批单编号）"],
    }
    for when, message in ((date(2026, 11, 3), "批准日期不能晚于今天"),
                          (date(2026, 10, 30), "批准日期不能早于受理日期（2026-11-02）")):
        with pytest.raises(ValidationError) as err:
            extend_case(w.approver, case, days=3, reason="需补充调查",
                        approval=Approval("李建国", "局长", when, "云市监审〔2026〕18号"), expected_revision=case.revision)
        assert err.value.message_dict == {"approved_on": [message]}
    assert not Extension.objects.exists()
