"""延期: extending the time limit once, on the approval the law names (行政许可法 §42; docs/domain.md §4.1).

- A case handled by one body: at most 10 working days, approved by the head of that body
  (本行政机关负责人, §42 ¶1). Entered by an approver of the case's department.
- A joint case (联办件: 统一办理、联合办理、集中办理 under §26): its limit is 45 working days, extendable
  once by at most 15, approved by the head of the people's government at that level (本级人民政府负责人,
  §42 ¶2). Entered by a 督办 (the 政务服务管理局, which organises joint handling for the government)
  whose scope covers the lead department.
The platform records the approval (who, in what position, on which day, under which document), it
does not give it: the person entering it is kept apart as 录入人. Both due dates move, the applicant
is told the new date and the reason, and the step is on the timeline and in the audit log.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.cases import deadlines
from tongban.cases.models import BundlePhase, Case, CaseBundle, Extension, ExtensionKind, Phase
from tongban.cases.services.bundle_common import bundle_event, lock_bundle, save_bundle, tell_bundle_applicant
from tongban.cases.services.common import lock, record, require_role, save, tell_applicant
from tongban.core.actors import as_user
from tongban.workflow.models import SlaUnit

MAX_EXTENSION_DAYS = 10  # §42 ¶1
MAX_JOINT_EXTENSION_DAYS = 15  # §42 ¶2
JOINT_LEGAL_DAYS = 45  # §42 ¶2: 统一办理、联合办理、集中办理

HEADS = {ExtensionKind.SINGLE: "本行政机关负责人", ExtensionKind.JOINT: "本级人民政府负责人"}


def joint_legal_days(version) -> int:
    """A joint case's legal limit: the joint process version's own limit in working days where an
    editor set a shorter one, never more than the law's 45 (§42 ¶2 has no "unless a law says
    otherwise")."""
    if version is not None and version.sla_unit == SlaUnit.WORKING_DAYS and version.sla_value:
        return min(version.sla_value, JOINT_LEGAL_DAYS)
    return JOINT_LEGAL_DAYS


@dataclass(frozen=True)
class Approval:
    """The approval an extension rests on, as entered from the signed approval document."""

    approver_name: str = ""
    approver_position: str = ""
    approved_on: date | None = None
    document: str = ""


def approval_from(data) -> Approval:
    """The approval as a page's form typed it (批准人姓名、职务、批准日期 YYYY-MM-DD、文号)."""
    raw, approved_on = (data.get("approved_on") or "").strip(), None
    if raw:
        try:
            approved_on = date.fromisoformat(raw)
        except ValueError:
            raise ValidationError({"approved_on": "“批准日期”格式不正确，请按 年-月-日 填写"}) from None
    return Approval(approver_name=(data.get("approver_name") or "").strip(),
                    approver_position=(data.get("approver_position") or "").strip(),
                    approved_on=approved_on, document=(data.get("approval_document") or "").strip())


def _check(kind: str, days, reason: str, approval: Approval, *, accepted_on: date | None) -> dict:
    cap = MAX_JOINT_EXTENSION_DAYS if kind == ExtensionKind.JOINT else MAX_EXTENSION_DAYS
    head = HEADS[kind]
    errors = {}
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= cap:
        errors["days"] = f"延长期限应为 1 至 {cap} 个工作日（行政许可法第四十二条）"
    if not (reason or "").strip():
        errors["reason"] = "请写明延期理由（将告知申请人）"
    if not approval.approver_name.strip():
        errors["approver_name"] = f"请填写批准延期的{head}姓名"
    elif len(approval.approver_name.strip()) > 60:
        errors["approver_name"] = "批准人姓名不能超过60个字"
    if not approval.approver_position.strip():
        errors["approver_position"] = f"请填写批准人的职务（须为{head}）"
    elif len(approval.approver_position.strip()) > 100:
        errors["approver_position"] = "批准人职务不能超过100个字"
    if approval.approved_on is None:
        errors["approved_on"] = "请填写批准日期"
    elif approval.approved_on > timezone.localdate():
        errors["approved_on"] = "批准日期不能晚于今天"
    elif accepted_on and approval.approved_on < accepted_on:
        errors["approved_on"] = f"批准日期不能早于受理日期（{accepted_on:%Y-%m-%d}）"
    if not approval.document.strip():
        errors["approval_document"] = "请填写批准文件的文号（或审批单编号）"
    elif len(approval.document.strip()) > 100:
        errors["approval_document"] = "批准文件文号不能超过100个字"
    if len((reason or "").strip()) > 300:
        errors["reason"] = "延期理由不能超过300个字"
    if errors:
        raise ValidationError(errors)
    return {"days": days, "reason": reason.strip(), "approver_name": approval.approver_name.strip(),
            "approver_position": approval.approver_position.strip(), "approved_on": approval.approved_on,
            "approval_document": approval.document.strip()}


def _create(actor, fields: dict, **owner) -> Extension:
    try:
        with transaction.atomic():
            return Extension.objects.create(**owner, **fields, entered_by=as_user(actor))
    except IntegrityError:  # the row lock makes this a backstop: extended once, by law
        raise ValidationError("已延期一次，依法不能再次延期。") from None


@transaction.atomic
def extend_case(actor, case: Case, *, days, reason: str, approval: Approval, expected_revision: int) -> Case:
    """延期 of a case by its department, on its head's approval (§42 ¶1)."""
    case = lock(case, expected_revision)
    require_role(actor, case, ["approver"])
    if case.phase != Phase.PROCESSING:
        raise ValidationError("只有办理中的办件可以延期。")
    if case.extensions.exists():
        raise ValidationError("该办件已延期一次，依法不能再次延期。")
    accepted_on = timezone.localdate(case.accepted_at) if case.accepted_at else None
    fields = _check(ExtensionKind.SINGLE, days, reason, approval, accepted_on=accepted_on)
    x = _create(actor, {**fields, "kind": ExtensionKind.SINGLE}, case=case)
    case.extension_days += x.days
    deadlines.recompute(case)
    save(case, "extension_days", "promised_due", "legal_due", "warn_on", "due_provisional")
    record(case, actor, "extend", f"延长办理期限 {x.days} 个工作日，{x.approval}", comment=x.reason,
           data={"days": x.days, "new_due": case.promised_due.isoformat(), "kind": x.kind,
                 "approver": x.approver_name, "position": x.approver_position,
                 "approved_on": x.approved_on.isoformat(), "document": x.approval_document})
    tell_applicant(case, "办理期限延长",
                   f"您的“{case.matter_name}”（{case.number}）办理期限延长 {x.days} 个工作日，"
                   f"新的办结日期为 {case.promised_due:%Y年%m月%d日}。理由：{x.reason}")
    return case


def can_extend_bundle(actor, bundle: CaseBundle) -> bool:
    """Who enters a joint case's extension: a 督办 whose scope covers the lead department (project
    choice: no member department's approver speaks for the joint handling as a whole)."""
    return can_act_for_department(actor, Role.SUPERVISOR, bundle.lead_department)


@transaction.atomic
def extend_bundle(actor, bundle: CaseBundle, *, days, reason: str, approval: Approval,
                  expected_revision: int) -> CaseBundle:
    """延期 of a joint case's 45 working days by at most 15, on the approval of the head of the people's
    government at that level (§42 ¶2). The members keep their own clocks."""
    bundle = lock_bundle(bundle, expected_revision)
    if not can_extend_bundle(actor, bundle):
        raise PermissionDenied(f"您没有录入该联办件延期的权限（需要覆盖{bundle.lead_department.name}的督办岗位）。")
    if bundle.phase != BundlePhase.PROCESSING:
        raise ValidationError("只有办理中的联办件可以延期。")
    if bundle.extensions.exists():
        raise ValidationError("该联办件已延期一次，依法不能再次延期。")
    accepted_on = timezone.localdate(bundle.accepted_at) if bundle.accepted_at else None
    fields = _check(ExtensionKind.JOINT, days, reason, approval, accepted_on=accepted_on)
    x = _create(actor, {**fields, "kind": ExtensionKind.JOINT}, bundle=bundle)
    bundle.extension_days += x.days
    deadlines.recompute(bundle)
    save_bundle(bundle, "extension_days", "promised_due", "legal_due", "warn_on", "due_provisional")
    due = bundle.promised_due or bundle.legal_due
    bundle_event(bundle, actor, "extend", f"延长联办期限 {x.days} 个工作日，{x.approval}", comment=x.reason,
                 data={"days": x.days, "kind": x.kind, "new_due": due.isoformat() if due else "",
                       "legal_due": bundle.legal_due.isoformat() if bundle.legal_due else "",
                       "approver": x.approver_name, "position": x.approver_position,
                       "approved_on": x.approved_on.isoformat(), "document": x.approval_document})
    when = f"，新的办结日期为 {due:%Y年%m月%d日}" if due else ""
    tell_bundle_applicant(bundle, "联办期限延长",
                          f"您的“{bundle.title}”（{bundle.number}）办理期限延长 {x.days} 个工作日{when}。理由：{x.reason}")
    return bundle
