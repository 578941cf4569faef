"""补正: the clerk lists every missing or wrong item at once; the applicant fixes the same case."""

import pytest
from django.core.exceptions import ValidationError

from tongban.cases import notices
from tongban.cases.models import ActionKind, Phase
from tongban.cases.services import intake
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, pdf, submitted_case

pytestmark = pytest.mark.django_db


def test_correction_then_resubmit_then_accept():
    w = make_world()
    case = submitted_case(w)
    items = [
        {"material_id": w.materials["经营场所平面图"].pk, "name": "经营场所平面图", "problem": "未标注操作间面积"},
        {"material_id": w.materials["食品安全管理制度"].pk, "name": "食品安全管理制度", "problem": "缺少负责人签字"},
    ]
    case = act(w.clerk, case, ActionKind.REQUEST_CORRECTION, expected_revision=case.revision, items=items)
    assert case.phase == Phase.CORRECTION
    assert case.accepted_at is None  # nothing was accepted: the clock has not started

    text = notices.render(case, "correction")
    assert text.startswith(b"%PDF")

    intake.attach_file(w.applicant, case, w.materials["经营场所平面图"], pdf("平面图（修改）.pdf"))
    case = intake.resubmit(w.applicant, case)
    assert case.phase == Phase.SUBMITTED
    assert case.corrections.get().resolved_at is not None

    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    assert case.phase == Phase.PROCESSING and case.state.code == "review"
    assert case.promised_due is not None
    labels = [e.label for e in case.events.filter(public=True)]
    assert labels == ["提交申请", "一次性告知补正（2 项）", "上传材料：经营场所平面图", "提交补正材料", "受理"]


def test_correction_must_name_each_item():
    w = make_world()
    case = submitted_case(w)
    with pytest.raises(ValidationError) as err:
        act(w.clerk, case, ActionKind.REQUEST_CORRECTION, expected_revision=case.revision, items=[])
    assert "一次性告知" in str(err.value)
    case.refresh_from_db()
    assert case.phase == Phase.SUBMITTED


def test_refusal_needs_reasons_and_ends_the_case():
    w = make_world()
    case = submitted_case(w)
    with pytest.raises(ValidationError):
        act(w.clerk, case, ActionKind.REFUSE, expected_revision=case.revision, comment=" ")
    case = act(w.clerk, case, ActionKind.REFUSE, expected_revision=case.revision,
               comment="申请事项依法不属于本机关职权范围，请向云川市卫生健康委员会申请。")
    assert case.phase == Phase.REFUSED
    assert "refusal" in notices.available(case)
