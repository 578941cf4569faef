"""An approver of department A cannot act on department B's case; applicants see only their own."""

import pytest
from django.core.exceptions import PermissionDenied

from tongban.cases.models import ActionKind
from tongban.cases.selectors import case_for_applicant, case_for_staff, queue
from tongban.cases.services.processing import act, available_transitions, urge
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


def test_approver_of_another_department_cannot_act_or_see():
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    assert case_for_staff(w.police_approver, case.number) is None
    assert available_transitions(w.police_approver, case) == []
    with pytest.raises(PermissionDenied):
        act(w.police_approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    assert not queue(w.police_approver, "review").exists()
    assert list(queue(w.approver, "review")) == [case]


def test_applicant_cannot_act_and_sees_only_own_case():
    w = make_world()
    case = submitted_case(w)
    with pytest.raises(PermissionDenied):
        act(w.applicant, case, ActionKind.ACCEPT, expected_revision=case.revision)
    assert case_for_applicant(w.other_applicant, case.number) is None
    assert case_for_applicant(w.applicant, case.number) == case


def test_claimed_case_is_the_assignees():
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    from tongban.cases.services.processing import claim

    case = claim(w.approver, case, expected_revision=case.revision)
    with pytest.raises(PermissionDenied) as err:
        act(w.approver2, case, ActionKind.ADVANCE, expected_revision=case.revision)
    assert "承办" in str(err.value)


def test_only_supervisors_urge():
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    with pytest.raises(PermissionDenied):
        urge(w.approver, case, message="请尽快")
    u = urge(w.supervisor, case, message="该件即将超期，请今日内办结。")
    assert u.case == case
    assert not case.events.filter(action="urge", public=True).exists()  # internal
