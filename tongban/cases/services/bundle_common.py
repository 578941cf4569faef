"""What the joint case's services share (services/bundles.py: applying, the window, the applicant's
corrections; services/bundle_progress.py: members moving on, completion, the one hand-out): the row
lock, saving with the revision, the timeline, telling the applicant, moving along the process, who may
act, numbering and dispatching a member, and the guard against re-entering the sync."""


import contextvars

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.cases.models import (
    BundleEvent,
    BundleMember,
    BundleMemberState,
    Case,
    CaseBundle,
    Phase,
)
from tongban.cases.numbering import next_number
from tongban.cases.services.common import CaseConflict, lock, record, save
from tongban.core import history
from tongban.notify.services import notify
from tongban.workflow import engine

SYSTEM = "一件事联办系统"
TERMINAL_PHASES = (Phase.COMPLETED, Phase.REFUSED, Phase.WITHDRAWN)


def lock_bundle(bundle: CaseBundle, expected_revision: int | None = None) -> CaseBundle:
    locked = CaseBundle.objects.select_for_update().get(pk=bundle.pk)
    if expected_revision is not None and locked.revision != expected_revision:
        raise CaseConflict("该联办件已被他人处理，请刷新页面查看最新状态。")
    return locked


def save_bundle(bundle: CaseBundle, *fields: str) -> None:
    bundle.revision += 1
    bundle.save(update_fields=[*fields, "revision", "updated_at"])


def bundle_event(bundle: CaseBundle, actor, action: str, label: str, *, comment: str = "", data: dict | None = None,
           public: bool = True) -> BundleEvent:
    return history.record(BundleEvent, "bundle", bundle, actor, action, label, comment=comment, data=data,
                          public=public,
                          audit_action=f"cases.bundle.{action}", object_id=bundle.number,
                          summary=f"{bundle.number} {label}")


def tell_bundle_applicant(bundle: CaseBundle, subject: str, body: str) -> None:
    notify(user=bundle.applicant, phone=bundle.applicant_phone, subject=subject, body=body,
           channels=("site", "sms"), reference=bundle.number, link=f"/my/joint-cases/{bundle.number}/")


def advance_bundle(bundle: CaseBundle, action: str, role: str) -> None:
    """Move the joint case along its process (cases/process.py JOINT); its phase follows the state.
    The callers have checked the actor's scope for `role` (the window of the lead department, the
    applicant, or the platform itself)."""
    engine.advance(bundle, action, roles=[role], status_field="phase",
                   refusal=f"联办件当前状态为“{bundle.get_phase_display()}”，不能执行该操作。")


def require_window_clerk(actor, bundle: CaseBundle) -> None:
    """一窗受理、一窗出件: the comprehensive window serving the lead department acts on the whole."""
    if not can_act_for_department(actor, Role.CLERK, bundle.lead_department):
        raise PermissionDenied(f"您没有办理该联办件的权限（需要{bundle.lead_department.name}所在政务服务中心的综合窗口岗位）。")


def require_bundle_applicant(actor, bundle: CaseBundle) -> None:
    if getattr(actor, "pk", None) != bundle.applicant_id:
        raise PermissionDenied("只能操作本人的联办件。")


def members_of(bundle: CaseBundle) -> list[BundleMember]:
    return list(bundle.members.select_related("case", "case__implementation", "case__matter_version",
                                              "case__department").order_by("order", "id"))


SYNCING: contextvars.ContextVar[frozenset] = contextvars.ContextVar("bundle_syncing", default=frozenset())


class syncing:
    """Saving a sub-case inside the bundle's own work re-enters sync_bundle; the outer call finishes."""

    def __init__(self, bundle_id: int):
        self.bundle_id = bundle_id

    def __enter__(self):
        self.token = SYNCING.set(SYNCING.get() | {self.bundle_id})

    def __exit__(self, *exc):
        SYNCING.reset(self.token)



def is_syncing(bundle_id: int) -> bool:
    return bundle_id in SYNCING.get()


def dispatch_member(actor, bundle: CaseBundle, member: BundleMember, label: str) -> Case:
    """Number the sub-case and put it in its department's inbox (待受理)."""
    member.state = BundleMemberState.DISPATCHED  # first: saving the case re-enters sync_bundle
    member.dispatched_at = timezone.now()
    member.save(update_fields=["state", "dispatched_at"])
    case = lock(member.case)
    case.number = next_number(case.implementation)
    case.phase = Phase.SUBMITTED
    case.submitted_at = bundle.submitted_at or timezone.now()
    save(case, "number", "phase", "submitted_at")
    record(case, actor, "submit", label, data={"bundle": bundle.number, "channel": case.channel})
    member.case = case
    return case


def cancel_member(actor, member: BundleMember, reason: str) -> None:
    """A member that never reached its department: its draft is closed, kept for the record."""
    case = lock(member.case)
    if case.phase == Phase.DRAFT:
        case.phase = Phase.WITHDRAWN
        case.completed_at = timezone.now()
        save(case, "phase", "completed_at")
        record(case, actor, "bundle_cancel", "联办件中未办理", comment=reason)
    member.state = BundleMemberState.CANCELLED
    member.note = reason[:300]
    member.save(update_fields=["state", "note"])
