"""容缺受理: a non-key material may follow by a date; no decision before it arrives."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tongban.cases.models import ActionKind, Outcome, Phase
from tongban.cases.services import intake
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import fill_and_upload, make_world, pdf, walk_in_case

pytestmark = pytest.mark.django_db


def test_missing_key_material_cannot_be_excused():
    w = make_world()
    case = walk_in_case(w, skip=("经营场所平面图",))
    with pytest.raises(ValidationError) as err:
        act(w.clerk, case, ActionKind.ACCEPT_RONGQUE, expected_revision=case.revision,
            materials=[w.materials["经营场所平面图"].pk], due_on=timezone.localdate() + timedelta(days=5))
    assert "核心材料" in str(err.value)


def test_rongque_blocks_decision_until_the_material_arrives():
    w = make_world()
    # At the window the clerk registers the walk-in applicant and accepts on paper.
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三",
                                   phone="13800001234")
    assert case.applicant == w.applicant  # found by ID number: it shows in 我的办件
    case = fill_and_upload(w, case, skip=("食品安全管理制度",), actor=w.clerk)
    case = intake.submit(w.clerk, case)
    case = act(w.clerk, case, ActionKind.ACCEPT_RONGQUE, expected_revision=case.revision,
               materials=[w.materials["食品安全管理制度"].pk], due_on=timezone.localdate() + timedelta(days=5))
    assert case.clock_paused and case.phase == Phase.PROCESSING and case.channel == "window"

    # Review goes on while the material is awaited; the decision waits for it.
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    with pytest.raises(ValidationError) as err:
        act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision)
    assert "容缺材料尚未补齐" in str(err.value)

    intake.attach_file(w.applicant, case, w.materials["食品安全管理制度"], pdf("制度.pdf"))
    case.refresh_from_db()
    assert not case.clock_paused
    assert case.events.filter(action="rongque_complete").exists()
    case = act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision,
               results=[{"name": "食品经营许可证", "number": "JY14314000000123"}])
    assert case.outcome == Outcome.APPROVED
    assert case.results.get().number == "JY14314000000123"
