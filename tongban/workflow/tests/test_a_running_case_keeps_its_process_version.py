"""A new version of a matter's process applies to new cases; a case under way finishes on the
version it was filed under (its steps do not change under the clerk's hands)."""

import pytest

from tongban.cases.models import ActionKind, MatterProcess
from tongban.cases.services.processing import act, available_transitions
from tongban.cases.tests.builders import make_world, submitted_case
from tongban.workflow.models import Transition, VersionStatus
from tongban.workflow.services import draft_from, install, publish
from tongban.workflow.tests.support import site_check

pytestmark = pytest.mark.django_db


def test_new_version_for_new_cases_old_version_for_cases_under_way():
    w = make_world()
    first = install(site_check())
    MatterProcess.objects.create(matter=w.impl.matter, process=first.process)
    old_case = submitted_case(w)
    old_case = act(w.clerk, old_case, ActionKind.ACCEPT, expected_revision=old_case.revision)
    assert old_case.state.code == "site"

    draft = draft_from(None, first)
    # The new version skips the site check: 受理 leads straight to 决定.
    t = Transition.objects.get(version=draft, action="accept")
    t.to_state = draft.states.get(code="decide")
    t.save()
    Transition.objects.filter(version=draft, from_state__code="site").delete()
    draft.states.get(code="site").delete()
    publish(None, draft)
    first.refresh_from_db()
    assert first.status == VersionStatus.RETIRED

    new_case = submitted_case(w)
    new_case = act(w.clerk, new_case, ActionKind.ACCEPT, expected_revision=new_case.revision)
    assert new_case.workflow == draft and new_case.state.code == "decide"

    assert old_case.workflow == first
    assert [t.label for t in available_transitions(w.approver, old_case)] == ["核查通过"]
    old_case = act(w.approver, old_case, ActionKind.ADVANCE, expected_revision=old_case.revision)
    assert old_case.state.code == "decide" and old_case.state.version == first
