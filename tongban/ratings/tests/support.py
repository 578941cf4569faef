"""Builders for the ratings tests: the cases app's small city (tongban.cases.tests.builders.make_world)
with completed cases, a 12345 caller, and staff of a second department. Real rows, no mocks."""

from tongban.accounts.models import Role
from tongban.cases.models import ActionKind, Case
from tongban.cases.rating_links import rating_path
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_user, make_world, submitted_case, walk_in_case


def world(**kw):
    w = make_world(**kw)
    w.caller = make_user("caller", role=Role.HOTLINE, division=w.city, display_name="话务员孙丽")
    w.market_head = make_user("market_head", role=Role.APPROVER, division=w.city, department=w.market,
                              display_name="科长钱进")
    return w


def completed_case(w, *, walk_in: bool = False) -> Case:
    """Submitted (online, or at the window by the clerk), accepted, reviewed and approved."""
    case = walk_in_case(w) if walk_in else submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    return act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision,
               results=[{"name": "食品经营许可证", "number": f"JY1439901{case.pk:07d}"}])


def rate_link(case: Case) -> str:
    return rating_path(case.number)
