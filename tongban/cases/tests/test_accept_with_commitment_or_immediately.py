import pytest
from django.core.exceptions import ValidationError

from tongban.cases import notices
from tongban.cases.models import ActionKind, Outcome, Phase
from tongban.cases.services.processing import act, available_transitions
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


def test_commitment_decides_at_once_and_flags_a_later_check():
    w = make_world()
    case = submitted_case(w)
    with pytest.raises(ValidationError):
        act(w.clerk, case, ActionKind.ACCEPT_COMMITMENT, expected_revision=case.revision, commitment_text="")
    case = act(w.clerk, case, ActionKind.ACCEPT_COMMITMENT, expected_revision=case.revision,
               commitment_text="本人承诺经营场所、设施设备符合食品安全要求，如有不实愿承担法律责任。")
    assert case.phase == Phase.COMPLETED and case.outcome == Outcome.APPROVED
    assert case.needs_verification
    assert case.state.code == "done"
    assert {"accept", "decision"} <= set(notices.available(case))
    assert [r.name for r in case.results.all()] == ["食品经营许可证"]  # so its e-licence is issued too


def test_immediate_only_for_immediate_matters():
    w = make_world()
    case = submitted_case(w)
    assert ActionKind.ACCEPT_IMMEDIATE not in [t.action for t in available_transitions(w.clerk, case)]
    with pytest.raises(ValidationError) as err:
        act(w.clerk, case, ActionKind.ACCEPT_IMMEDIATE, expected_revision=case.revision)
    assert "承诺件" in str(err.value)


def test_immediate_matter_is_decided_at_the_window():
    w = make_world(case_kind=1, promised_days=0, legal_days=None)
    case = submitted_case(w)
    assert ActionKind.ACCEPT_IMMEDIATE in [t.action for t in available_transitions(w.clerk, case)]
    case = act(w.clerk, case, ActionKind.ACCEPT_IMMEDIATE, expected_revision=case.revision)
    assert case.phase == Phase.COMPLETED and case.outcome == Outcome.APPROVED
    assert case.completed_at is not None
    assert [r.name for r in case.results.all()] == ["食品经营许可证"]
