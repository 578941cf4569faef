"""Acting on a submitted case: the workflow's transitions (data) and their effects (code), plus the
clock operations — pauses, urging — and assignment (extensions: services/extensions.py)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import holders
from tongban.cases import deadlines
from tongban.cases.materials import missing_materials
from tongban.cases.models import (
    AcceptMode,
    ActionKind,
    BundleMember,
    Case,
    Correction,
    Outcome,
    PauseKind,
    PendingMaterial,
    Phase,
    SpecialProcedure,
    Urge,
)
from tongban.cases.selectors import user_has_role_for
from tongban.cases.services.clock import end_pause, open_pause
from tongban.cases.services.common import lock, record, require_role, save, tell_applicant
from tongban.cases.services.delivery import after_decision, register_results
from tongban.catalog.codes import CaseKind
from tongban.core.actors import as_user
from tongban.core.services import audit
from tongban.notify.services import notify
from tongban.workflow import engine
from tongban.workflow import selectors as workflow
from tongban.workflow.models import Transition


def available_transitions(user, case: Case) -> list[Transition]:
    """The buttons this user may press on this case now."""
    if case.phase not in (Phase.SUBMITTED, Phase.PROCESSING) or in_special_procedure(case):
        return []
    result = []
    roles_held = {}
    for t in workflow.transitions_from(case.state):
        if t.action == ActionKind.ACCEPT_IMMEDIATE and case.matter_version.case_kind != CaseKind.IMMEDIATE:
            continue
        for role in t.roles:
            if role not in roles_held:
                roles_held[role] = user_has_role_for(user, case, role)
            if roles_held[role]:
                result.append(t)
                break
    return result


@transaction.atomic
def act(actor, case: Case, action: str, *, expected_revision: int, comment: str = "", **params) -> Case:
    """Fire the transition `action` from the case's current state.

    The row lock plus the revision check make this safe when two people press the same button:
    exactly one succeeds; the other gets a CaseConflict naming who was first.
    """
    case = lock(case, expected_revision)
    if case.phase not in (Phase.SUBMITTED, Phase.PROCESSING):
        raise ValidationError(f"办件当前状态为“{case.get_phase_display()}”，不能执行该操作。")
    if in_special_procedure(case):
        raise ValidationError("特别程序进行中，请先结束特别程序再继续办理。")
    label = ActionKind(action).label if action in ActionKind.values else action
    transition = engine.transition_for(case, action, refusal=f"“{case.state.name}”环节不能执行“{label}”。")
    role = require_role(actor, case, transition.roles)
    if case.phase == Phase.PROCESSING and case.assignee_id and case.assignee_id != getattr(actor, "pk", None) \
            and role == "approver":
        raise PermissionDenied(f"该办件由 {case.assignee} 承办，请联系承办人或由科室负责人改派。")
    if case.phase == Phase.PROCESSING and case.assignee_id is None and role == "approver":
        case.assignee = actor  # whoever acts first on an unassigned case takes it on
    effect = EFFECTS[action]
    from_state = case.state
    label = effect(actor, case, transition, comment=comment, **params)
    if case.state_id == from_state.pk and transition.to_state_id != from_state.pk:
        engine.move(case, transition)
    save(case, "state", "phase", "assignee")
    record(case, actor, action, label or transition.label, comment=comment,
           data={"from": from_state.name, "to": case.state.name, **_public_params(params)})
    return case


def in_special_procedure(case: Case) -> bool:
    return case.pauses.filter(kind=PauseKind.SPECIAL, ended_on__isnull=True).exists()


def _public_params(params: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()
            if isinstance(v, str | int | list | date)}


# -- acceptance (docs/domain.md §3) ---------------------------------------------------------------

def _start_clock(actor, case: Case, mode: str) -> None:
    v = case.matter_version
    case.accept_mode = mode
    case.accepted_at = timezone.now()
    case.accepted_by = as_user(actor)
    case.promised_days = v.promised_limit_days
    case.legal_days = v.legal_limit_days
    case.phase = Phase.PROCESSING
    deadlines.recompute(case)
    case.save(update_fields=["accept_mode", "accepted_at", "accepted_by", "promised_days", "legal_days",
                             "promised_due", "legal_due", "warn_on", "due_provisional", "phase"])


def _accept(actor, case, t, **_):
    missing = missing_materials(case)
    if missing and case.channel != "window":
        names = "、".join(m.name for m in missing)
        raise ValidationError(f"材料不齐全（缺少：{names}），请选择“一次性告知补正”或“容缺受理”。")
    _start_clock(actor, case, AcceptMode.NORMAL)
    if not BundleMember.objects.filter(case=case).exists():  # a joint case tells the applicant once, for all
        tell_applicant(case, "申请已受理",
                       f"您的“{case.matter_name}”已受理（{case.number}），承诺于 {case.promised_due:%Y年%m月%d日} 前办结。")
    return "受理"


def _accept_rongque(actor, case, t, *, materials: list[int] = (), due_on: date | None = None, **_):
    missing = {m.pk: m for m in missing_materials(case)}
    chosen = [missing.get(int(pk)) for pk in materials or []]
    if not chosen or None in chosen:
        raise ValidationError({"materials": "请选择申请人尚未提交的容缺材料"})
    not_allowed = [m.name for m in chosen if not m.rongque_allowed]
    if not_allowed:
        raise ValidationError({"materials": f"“{'、'.join(not_allowed)}”是核心材料，不可容缺"})
    still_missing = set(missing) - {m.pk for m in chosen}
    if still_missing:
        names = "、".join(missing[pk].name for pk in still_missing)
        raise ValidationError({"materials": f"还缺少不可容缺的材料：{names}"})
    if due_on is None or due_on <= timezone.localdate():
        raise ValidationError({"due_on": "请填写晚于今天的“承诺补齐日期”"})
    _start_clock(actor, case, AcceptMode.RONGQUE)
    for m in chosen:
        PendingMaterial.objects.create(case=case, material=m, due_on=due_on)
    # Local 容缺受理 rules count the limit from the day the materials are complete: pause until then.
    open_pause(actor, case, PauseKind.RONGQUE, reason="等待容缺材料补齐", due_on=due_on,
                items=[{"material_id": m.pk, "name": m.name} for m in chosen])
    tell_applicant(case, "申请已容缺受理",
                   f"您的“{case.matter_name}”已容缺受理（{case.number}），请于 {due_on:%Y年%m月%d日} 前补交："
                   + "、".join(m.name for m in chosen) + "。材料补齐后开始计算办理时限。")
    return "容缺受理"


def _accept_commitment(actor, case, t, *, commitment_text: str = "", **_):
    if not commitment_text.strip():
        raise ValidationError({"commitment_text": "请填写申请人签署的“承诺内容”"})
    _start_clock(actor, case, AcceptMode.COMMITMENT)
    case.commitment_text = commitment_text.strip()
    case.needs_verification = True  # 告知承诺: decided now, conditions checked afterwards
    case.save(update_fields=["commitment_text", "needs_verification"])
    _decide(actor, case, Outcome.APPROVED, "申请人已书面承诺符合条件，依告知承诺制当场作出准予决定。")
    _register_default_results(actor, case)
    return "告知承诺受理并办结"


def _accept_immediate(actor, case, t, **_):
    if case.matter_version.case_kind != CaseKind.IMMEDIATE:
        raise ValidationError("该事项为承诺件，不能即办。")
    _start_clock(actor, case, AcceptMode.IMMEDIATE)
    _decide(actor, case, Outcome.APPROVED, "即办件，受理后当场办结。")
    _register_default_results(actor, case)
    return "即办：受理即办结"


def _register_default_results(actor, case: Case) -> None:
    """An approval at acceptance still produces the matter's results (and so its e-licence)."""
    register_results(actor, case, [])


def _request_correction(actor, case, t, *, items: list[dict] = (), note: str = "", **_):
    items = [i for i in items or [] if (i.get("problem") or "").strip()]
    if not items:
        raise ValidationError({"items": "请逐项写明需要补正的材料或内容（一次性告知）"})
    during = case.phase == Phase.PROCESSING
    Correction.objects.create(case=case, items=items, note=note, requested_by=as_user(actor),
                              during_processing=during)
    if during:
        open_pause(actor, case, PauseKind.CORRECTION, reason="申请人补正", items=items)
    case.phase = Phase.CORRECTION
    tell_applicant(case, "请补正申请材料",
                   f"您的“{case.matter_name}”（{case.number}）需要补正 {len(items)} 项，请登录查看一次性告知书并补正。")
    return f"一次性告知补正（{len(items)} 项）"


def _refuse(actor, case, t, *, comment: str = "", **_):
    if not comment.strip():
        raise ValidationError({"comment": "请写明不予受理的理由"})
    case.phase = Phase.REFUSED
    case.completed_at = timezone.now()
    case.decision_text = comment.strip()
    case.save(update_fields=["completed_at", "decision_text"])
    tell_applicant(case, "申请不予受理", f"您的“{case.matter_name}”（{case.number}）不予受理：{comment.strip()}")
    return "不予受理"


# -- processing -----------------------------------------------------------------------------------

def _advance(actor, case, t, **_):
    case.assignee = None  # the next step lands in the department's queue (e.g. the 科长 who decides)
    return t.label


def _send_back(actor, case, t, *, comment: str = "", **_):
    if not comment.strip():
        raise ValidationError({"comment": "请写明退回理由"})
    case.assignee = None
    return t.label


def _decide(actor, case: Case, outcome: str, text: str) -> None:
    case.outcome = outcome
    case.decided_at = case.completed_at = timezone.now()
    case.decided_by = as_user(actor)
    case.decision_text = text
    case.phase = Phase.COMPLETED
    case.state = t_done(case)
    case.save(update_fields=["outcome", "decided_at", "completed_at", "decided_by", "decision_text", "phase",
                             "state"])
    after_decision(actor, case)


def t_done(case):
    """The final state a decision ends in: the first of the case's process version."""
    version = workflow.graph(case.workflow_id)
    return next(s for s in version.states.values() if s.is_final)


def _approve(actor, case, t, *, comment: str = "", results: list[dict] = (), **_):
    if case.pending_materials.filter(received_at__isnull=True).exists():
        raise ValidationError("容缺材料尚未补齐，不能作出决定。")
    _decide(actor, case, Outcome.APPROVED, comment.strip() or "经审查，申请符合法定条件，准予办理。")
    register_results(actor, case, results)
    tell_applicant(case, "办件已办结（准予）", f"您的“{case.matter_name}”（{case.number}）已准予办理，请查看出件方式。")
    return "准予"


def _deny(actor, case, t, *, comment: str = "", **_):
    if not comment.strip():
        raise ValidationError({"comment": "不予决定必须说明理由（行政许可法第三十八条）"})
    _decide(actor, case, Outcome.DENIED, comment.strip())
    tell_applicant(case, "办件已办结（不予）", f"您的“{case.matter_name}”（{case.number}）不予办理：{comment.strip()}")
    return "不予"


EFFECTS = {
    ActionKind.ACCEPT: _accept,
    ActionKind.ACCEPT_RONGQUE: _accept_rongque,
    ActionKind.ACCEPT_COMMITMENT: _accept_commitment,
    ActionKind.ACCEPT_IMMEDIATE: _accept_immediate,
    ActionKind.REQUEST_CORRECTION: _request_correction,
    ActionKind.REFUSE: _refuse,
    ActionKind.ADVANCE: _advance,
    ActionKind.SEND_BACK: _send_back,
    ActionKind.APPROVE: _approve,
    ActionKind.DENY: _deny,
}


# -- the clock --------------------------------------------------------------------------------

@transaction.atomic
def start_special_procedure(actor, case: Case, *, procedure: str, reason: str, expected_revision: int) -> Case:
    """特别程序 (听证、检验检测、专家评审…): 行政许可法 §45, the time is not counted."""
    case = lock(case, expected_revision)
    require_role(actor, case, ["approver"])
    if case.phase != Phase.PROCESSING:
        raise ValidationError("只有办理中的办件可以启动特别程序。")
    if procedure not in SpecialProcedure.values:
        raise ValidationError({"procedure": "请选择特别程序类型"})
    if not reason.strip():
        raise ValidationError({"reason": "请写明启动特别程序的原因"})
    if case.pauses.filter(kind=PauseKind.SPECIAL, ended_on__isnull=True).exists():
        raise ValidationError("该办件已在特别程序中。")
    open_pause(actor, case, PauseKind.SPECIAL, procedure=procedure, reason=reason.strip())
    save(case)
    label = SpecialProcedure(procedure).label
    record(case, actor, "special_start", f"启动特别程序：{label}（暂停计时）", comment=reason.strip())
    tell_applicant(case, "办件进入特别程序",
                   f"您的“{case.matter_name}”（{case.number}）进入{label}程序，所需时间不计入办理时限。")
    return case


@transaction.atomic
def end_special_procedure(actor, case: Case, *, comment: str = "", expected_revision: int) -> Case:
    case = lock(case, expected_revision)
    require_role(actor, case, ["approver"])
    if not case.pauses.filter(kind=PauseKind.SPECIAL, ended_on__isnull=True).exists():
        raise ValidationError("该办件不在特别程序中。")
    end_pause(actor, case, PauseKind.SPECIAL)
    save(case)
    record(case, actor, "special_end", "特别程序结束，恢复计时", comment=comment)
    return case


@transaction.atomic
def claim(actor, case: Case, *, expected_revision: int) -> Case:
    case = lock(case, expected_revision)
    require_role(actor, case, ["approver"])
    if case.assignee_id:
        raise ValidationError(f"该办件已由 {case.assignee} 承办。")
    case.assignee = actor
    save(case, "assignee")
    record(case, actor, "claim", "领取办件", public=False)
    return case


@transaction.atomic
def assign(actor, case: Case, assignee, *, expected_revision: int) -> Case:
    case = lock(case, expected_revision)
    require_role(actor, case, ["approver", "supervisor"])
    if not user_has_role_for(assignee, case, "approver"):
        raise ValidationError({"assignee": f"{assignee} 不是该部门的审批人员"})
    case.assignee = assignee
    save(case, "assignee")
    record(case, actor, "assign", f"指派给 {assignee}", public=False)
    notify(user=assignee, subject="新的办件", body=f"{case.number}「{case.matter_name}」已指派给您办理。",
           channels=("site",), reference=case.number, link=f"/inbox/cases/{case.number}/")
    return case


@transaction.atomic
def urge(actor, case: Case, *, message: str) -> Urge:
    """督办: a supervisor in scope presses the case; the assignee (or the department) is told."""
    case = lock(case)
    require_role(actor, case, ["supervisor"])
    if not case.is_open:
        raise ValidationError("办件已办结，无需督办。")
    if not message.strip():
        raise ValidationError({"message": "请填写督办意见"})
    u = Urge.objects.create(case=case, message=message.strip(), urged_by=as_user(actor))
    save(case)
    record(case, actor, "urge", "督办", comment=message.strip(), public=False)
    targets = [case.assignee] if case.assignee_id else holders(Role.APPROVER, department=case.department_id)
    for user in targets:
        notify(user=user, subject=f"督办：{case.number}", body=f"「{case.matter_name}」被督办：{message.strip()}",
               channels=("site", "sms"), reference=case.number, link=f"/inbox/cases/{case.number}/")
    return u


@transaction.atomic
def answer_urge(actor, urge_obj: Urge, *, answer: str) -> Urge:
    case = lock(urge_obj.case)
    require_role(actor, case, ["approver"])
    if not answer.strip():
        raise ValidationError({"answer": "请填写督办反馈"})
    urge_obj.answer = answer.strip()
    urge_obj.answered_at = timezone.now()
    urge_obj.save(update_fields=["answer", "answered_at"])
    record(case, actor, "urge_answer", "督办反馈", comment=answer.strip(), public=False)
    return urge_obj


OPENED_THROUGH = {"page": "办件页面", "api": "接口"}


def record_staff_opening(actor, case: Case, *, channel: str) -> None:
    """A staff member opened the case (the workbench page, or GET /api/v1/cases/{number}): what they saw
    includes the applicant's full ID and phone numbers, so the audit log keeps who, when and from where,
    one entry per opening (docs/domain.md §11; 个人信息保护法 第五十一条). Not a case event: the case's
    timeline stays about its handling."""
    audit(actor, "cases.case.open", case, f"{case.number} 查看办件（{OPENED_THROUGH.get(channel, channel)}）",
          {"channel": channel}, object_id=case.number)

