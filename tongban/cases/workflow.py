"""The default processing procedure, as rows: 受理 → 审查 → 决定 → 办结 (docs/domain.md §4).

Loaded by a data migration and by `ensure_default_workflow()` (tests flush tables). A matter with
its own procedure (e.g. 现场核查 between 审查 and 决定) gets another Workflow linked to the matter;
editors change rows, not code.
"""

import time

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from tongban.cases.models import ActionKind, StateKind, Workflow, WorkflowState, WorkflowTransition

DEFAULT_CODE = "standard"

STATES = [
    # code, name, kind, time share of the promised limit
    ("accept", "受理", StateKind.INTAKE, 10),
    ("review", "审查", StateKind.WORK, 50),
    ("decide", "决定", StateKind.WORK, 40),
    ("done", "办结", StateKind.DONE, 0),
]

TRANSITIONS = [
    # from, action, label, to, roles
    ("accept", ActionKind.ACCEPT, "受理", "review", "clerk,approver"),
    ("accept", ActionKind.ACCEPT_RONGQUE, "容缺受理", "review", "clerk,approver"),
    ("accept", ActionKind.ACCEPT_COMMITMENT, "告知承诺受理并办结", "done", "clerk,approver"),
    ("accept", ActionKind.ACCEPT_IMMEDIATE, "即办（受理即办结）", "done", "clerk,approver"),
    ("accept", ActionKind.REQUEST_CORRECTION, "一次性告知补正", "accept", "clerk,approver"),
    ("accept", ActionKind.REFUSE, "不予受理", "done", "clerk,approver"),
    ("review", ActionKind.ADVANCE, "审查通过，提交决定", "decide", "approver"),
    ("review", ActionKind.REQUEST_CORRECTION, "要求补正（暂停计时）", "review", "approver"),
    ("decide", ActionKind.APPROVE, "准予", "done", "approver"),
    ("decide", ActionKind.DENY, "不予", "done", "approver"),
    ("decide", ActionKind.SEND_BACK, "退回审查", "review", "approver"),
]


def install(workflow_model=Workflow, state_model=WorkflowState, transition_model=WorkflowTransition,
            *, code=DEFAULT_CODE, name="标准审批流程（受理→审查→决定→办结）", states=STATES,
            transitions=TRANSITIONS, is_default=True):
    """Create (or complete) a workflow from tables. Works with historical models in migrations."""
    wf, _ = workflow_model.objects.get_or_create(code=code, defaults={"name": name, "is_default": is_default})
    by_code = {}
    for order, (scode, sname, kind, share) in enumerate(states, start=1):
        by_code[scode], _ = state_model.objects.get_or_create(
            workflow=wf, code=scode, defaults={"name": sname, "kind": kind, "order": order, "time_share": share})
    for order, (src, action, label, dst, roles) in enumerate(transitions, start=1):
        transition_model.objects.get_or_create(
            from_state=by_code[src], action=action,
            defaults={"workflow": wf, "label": label, "to_state": by_code[dst], "roles": roles, "order": order})
    return wf


def ensure_default_workflow() -> Workflow:
    wf = Workflow.objects.filter(is_default=True).first()
    if wf is None:
        with transaction.atomic():
            wf = install()
    return wf


def workflow_for(matter) -> Workflow:
    return Workflow.objects.filter(matters=matter).first() or ensure_default_workflow()


def intake_state(workflow: Workflow) -> WorkflowState:
    return workflow.states.filter(kind=StateKind.INTAKE).order_by("order").first()


# Which workflow a matter's new cases start on, per process: (matter id) → (expires, workflow, state).
# It is data an administrator may change, so it is kept briefly: this process forgets at once (signals
# below), the other server processes within INTAKE_CACHE_SECONDS. A case keeps the workflow it was
# filed on either way, so a case filed in that window simply runs on the previous (still valid) one.
INTAKE_CACHE_SECONDS = 30.0
_intake_cache: dict[int, tuple[float, Workflow, WorkflowState]] = {}


def intake_for(matter) -> tuple[Workflow, WorkflowState]:
    """The workflow and the first (intake) state for a new case of `matter`, without a query when
    this process looked it up in the last INTAKE_CACHE_SECONDS."""
    now = time.monotonic()
    hit = _intake_cache.get(matter.pk)
    if hit is not None and hit[0] > now:
        return hit[1], hit[2]
    workflow = workflow_for(matter)
    state = intake_state(workflow)
    if state is not None:
        _intake_cache[matter.pk] = (now + INTAKE_CACHE_SECONDS, workflow, state)
    return workflow, state


def forget_intake(**kwargs) -> None:
    _intake_cache.clear()


for _model in (Workflow, WorkflowState):
    post_save.connect(forget_intake, sender=_model, dispatch_uid=f"forget_intake_save_{_model.__name__}")
    post_delete.connect(forget_intake, sender=_model, dispatch_uid=f"forget_intake_delete_{_model.__name__}")
m2m_changed.connect(forget_intake, sender=Workflow.matters.through, dispatch_uid="forget_intake_matters")


def done_state(workflow: Workflow) -> WorkflowState:
    return workflow.states.filter(kind=StateKind.DONE).order_by("order").first()


def transitions_from(state: WorkflowState) -> list[WorkflowTransition]:
    return list(WorkflowTransition.objects.filter(from_state=state).select_related("to_state").order_by("order"))
