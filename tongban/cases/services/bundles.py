"""Joint cases (联办件, "一件事一次办"): one application, one acceptance, parallel sub-cases, one hand-out.

Lifecycle (docs/decisions/0006-themes-and-joint-cases.md):
- submit_bundle: the applicant's one application becomes a joint case (its own number) plus one draft
  sub-case per member, filled and with the shared uploads; nothing reaches a department yet.
- accept_bundle / request_bundle_correction / refuse_bundle: the comprehensive window (综合窗口) decides on
  the whole application at once. On acceptance each member without prerequisites is numbered and
  dispatched to its department's inbox and accepted there (its own clock starts); 补正 lists items per
  member and the applicant resubmits once (resubmit_bundle).
- A member that needs another member's result (requires) stays a draft, clock not started, until every
  prerequisite is approved; then their results are written into its timeline (and into the fields the
  definition names in `fills`), and it is dispatched. A denied prerequisite cancels it.
- When every member is decided the joint case completes: one pickup code or one parcel for all results
  (sub-cases never deliver on their own: services/delivery.py defers to the bundle).
The cases app does not know themes: the caller passes members, dependencies and a definition snapshot.
"""

import contextvars
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.cases import deadlines, materials, selectors
from tongban.cases.models import (
    ActionKind,
    BundleEvent,
    BundleMember,
    BundleMemberState,
    BundlePhase,
    Case,
    CaseBundle,
    CaseFile,
    Channel,
    DeliveryMethod,
    DeliveryStatus,
    FileKind,
    Outcome,
    Phase,
)
from tongban.cases.numbering import next_number
from tongban.cases.services import handout, intake, processing, submission
from tongban.cases.services.common import CaseConflict, lock, record, save
from tongban.cases.workflow import joint_version
from tongban.catalog.models import Implementation, Material
from tongban.core import history
from tongban.core.actors import as_user
from tongban.core.actors import label as actor_label
from tongban.core.serials import next_daily
from tongban.forms.defaults import effective_form
from tongban.forms.validation import clean_answers
from tongban.notify.services import notify
from tongban.payments.selectors import is_settled
from tongban.workflow import engine
from tongban.workflow import selectors as workflow
from tongban.workflow.models import APPLICANT
from tongban.workflow.models import SYSTEM as SYSTEM_ROLE

SYSTEM = "一件事联办系统"
NOT_FILLED = "前置结果未能自动填入申请表："
TERMINAL_PHASES = (Phase.COMPLETED, Phase.REFUSED, Phase.WITHDRAWN)
# Result fields a dependency may copy into the waiting member's form.
RESULT_SOURCES = {"result_number": "前置事项结果的证照编号", "result_name": "前置事项结果名称"}


@dataclass
class MemberSpec:
    """One member of a joint application, as the caller (themes) computed it."""

    code: str
    name: str
    implementation: Implementation
    answers: dict
    requires: list[str] = field(default_factory=list)
    fills: dict = field(default_factory=dict)
    # (material of this member's version, key of the shared upload that satisfies it)
    files: list[tuple[Material, str]] = field(default_factory=list)
    # materials another member's result provides (not uploaded; excused while the member waits)
    provided: list[int] = field(default_factory=list)
    # what the 免提交 sources found for this member before it existed (materials.probe)
    found: list[dict] = field(default_factory=list)


@dataclass
class BundleSpec:
    source_code: str
    title: str
    definition: dict
    lead_department: object
    division: object
    promised_days: int | None = None
    handout_place: str = ""
    layout: dict = field(default_factory=dict)
    kind: str = "theme"
    # The caller may draw the uid beforehand (themes logs the journey's registry reads with it).
    uid: object = None
    # The caller read the registries for the members' answers already (a journey's merged form).
    registries_read: bool = False


# -- small pieces -------------------------------------------------------------------------------

def _next_bundle_number(division) -> str:
    # "LB" (联办) + division code + date + daily serial; the serial row is bumped like case numbers.
    day, last = next_daily(f"bundle:{division.pk}")
    return f"LB{division.code[:6]}{day:%Y%m%d}{last:05d}"


def _lock_bundle(bundle: CaseBundle, expected_revision: int | None = None) -> CaseBundle:
    locked = CaseBundle.objects.select_for_update().get(pk=bundle.pk)
    if expected_revision is not None and locked.revision != expected_revision:
        raise CaseConflict("该联办件已被他人处理，请刷新页面查看最新状态。")
    return locked


def _save(bundle: CaseBundle, *fields: str) -> None:
    bundle.revision += 1
    bundle.save(update_fields=[*fields, "revision", "updated_at"])


def _event(bundle: CaseBundle, actor, action: str, label: str, *, comment: str = "", data: dict | None = None,
           public: bool = True) -> BundleEvent:
    return history.record(BundleEvent, "bundle", bundle, actor, action, label, comment=comment, data=data,
                          public=public,
                          audit_action=f"cases.bundle.{action}", object_id=bundle.number,
                          summary=f"{bundle.number} {label}")


def _tell(bundle: CaseBundle, subject: str, body: str) -> None:
    notify(user=bundle.applicant, phone=bundle.applicant_phone, subject=subject, body=body,
           channels=("site", "sms"), reference=bundle.number, link=f"/my/joint-cases/{bundle.number}/")


def _advance(bundle: CaseBundle, action: str, role: str) -> None:
    """Move the joint case along its process (cases/process.py JOINT); its phase follows the state.
    The callers have checked the actor's scope for `role` (the window of the lead department, the
    applicant, or the platform itself)."""
    engine.advance(bundle, action, roles=[role], status_field="phase",
                   refusal=f"联办件当前状态为“{bundle.get_phase_display()}”，不能执行该操作。")


def _require_window_clerk(actor, bundle: CaseBundle) -> None:
    """一窗受理、一窗出件: the comprehensive window serving the lead department acts on the whole."""
    if not can_act_for_department(actor, Role.CLERK, bundle.lead_department):
        raise PermissionDenied(f"您没有办理该联办件的权限（需要{bundle.lead_department.name}所在政务服务中心的综合窗口岗位）。")


def _require_applicant(actor, bundle: CaseBundle) -> None:
    if getattr(actor, "pk", None) != bundle.applicant_id:
        raise PermissionDenied("只能操作本人的联办件。")


def _members(bundle: CaseBundle) -> list[BundleMember]:
    return list(bundle.members.select_related("case", "case__implementation", "case__matter_version",
                                              "case__department").order_by("order", "id"))


def _share_file(case: Case, material: Material, source: CaseFile, actor) -> CaseFile:
    """The same stored file counts for another member's material: uploaded once, used by each."""
    return CaseFile.objects.create(
        case=case, kind=FileKind.MATERIAL, material=material, file=source.file.name,
        original_name=source.original_name, detected_type=source.detected_type, size=source.size,
        sha256=source.sha256, uploaded_by=as_user(actor))


def member_problems(case: Case, *, skip_fields=(), excused=()) -> dict[str, str]:
    """What stops a sub-case from going to its department: form errors and missing uploads."""
    spec = effective_form(case.matter_version)
    _, errors = clean_answers(spec, case.answers)
    errors = {**selectors.unrepresented_organisation(case, spec), **errors}  # only for a company one acts for
    problems = {k: v for k, v in errors.items() if k not in skip_fields}
    for m in materials.missing_materials(case, excused=excused):
        problems[f"material_{m.pk}"] = f"请上传“{m.name}”"
    return problems


def _problems_of(bundle: CaseBundle, members: list[BundleMember]) -> dict[str, str]:
    provided = {code: set(ids) for code, ids in (bundle.layout.get("provided") or {}).items()}
    problems = {}
    for m in members:
        if m.state == BundleMemberState.CANCELLED:
            continue
        waiting = bool(m.requires) and m.state != BundleMemberState.DISPATCHED
        found = member_problems(m.case, skip_fields=set(m.fills) if waiting else (),
                                excused=provided.get(m.code, ()) if waiting else ())
        for key, message in found.items():
            problems[f"members.{m.code}.{key}"] = f"{m.name}：{message}"
    return problems


# -- applying -----------------------------------------------------------------------------------

def submit_bundle(actor, spec: BundleSpec, members: list[MemberSpec], *, uploads: dict, situation: dict,
                  answers: dict, channel: str = Channel.WEB,
                  idempotency_key: str | None = None) -> tuple[CaseBundle, bool]:
    """The applicant's one application: (joint case, created). A retry with the same Idempotency-Key
    returns the joint case of the first call. Problems are raised as one ValidationError whose keys are
    `members.<code>.<field key>` or `members.<code>.material_<id>`."""
    applicant = as_user(actor)
    if applicant is None:
        raise PermissionDenied("请先登录后再申请。")
    if idempotency_key:
        existing = CaseBundle.objects.filter(applicant=applicant, idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return _submit(applicant, spec, members, uploads, situation, answers, channel, idempotency_key), True
    except IntegrityError:
        existing = CaseBundle.objects.filter(applicant=applicant, idempotency_key=idempotency_key).first()
        if existing is None or not idempotency_key:
            raise
        return existing, False


def _submit(applicant, spec, members, uploads, situation, answers, channel, idempotency_key) -> CaseBundle:
    if not members:
        raise ValidationError({"members": "请至少选择一项要办理的事项"})
    codes = {m.code for m in members}
    unknown = sorted({r for m in members for r in m.requires} - codes)
    if unknown:
        raise ValidationError({"members": f"前置事项 {', '.join(unknown)} 未被选择"})
    version = joint_version()
    bundle = CaseBundle.objects.create(
        workflow=version, state=workflow.graph(version.pk).start, number=_next_bundle_number(spec.division), kind=spec.kind, source_code=spec.source_code,
        title=spec.title[:200], definition=spec.definition, layout=spec.layout,
        lead_department=spec.lead_department, division=spec.division, handout_place=spec.handout_place[:300],
        channel=channel, applicant=applicant, applicant_name=applicant.display_name or applicant.username,
        applicant_id_number=applicant.id_number, applicant_phone=applicant.phone, situation=situation,
        answers=answers, idempotency_key=idempotency_key, promised_days=spec.promised_days,
        submitted_at=timezone.now(), **({"uid": spec.uid} if spec.uid else {}))
    bundle.layout = {**bundle.layout, "provided": {m.code: list(m.provided) for m in members if m.provided}}
    bundle.save(update_fields=["layout"])
    stored: dict[str, CaseFile] = {}
    rows, typed = [], {}
    for order, m in enumerate(members, start=1):
        # A journey that drew the uid beforehand read the registries for the merged form with it
        # (themes/prefill.py); the members' answers carry what it found.
        sent = [(material, key) for material, key in m.files if key in uploads]
        case, errors, made = submission.file_draft(
            applicant, m.implementation, m.answers, bundle=bundle, channel=channel,
            registry_prefill=not spec.registries_read,
            files=[(material, stored.get(key) or uploads[key]) for material, key in sent])
        for (_, key), f in zip(sent, made, strict=True):
            stored.setdefault(key, f)  # the next member using this upload counts the same stored file
        materials.adopt(case, m.found)  # the journey's 免提交 checks stand for the member
        typed.update({f"members.{m.code}.{k}": f"{m.name}：{v}" for k, v in errors.items()})
        rows.append(BundleMember.objects.create(
            bundle=bundle, code=m.code, name=m.name[:200], order=order, case=case, requires=list(m.requires),
            fills=dict(m.fills),
            state=BundleMemberState.WAITING if m.requires else BundleMemberState.PENDING))
    problems = {**_problems_of(bundle, _members(bundle)), **typed}  # a format error says more than "请填写"
    if problems:
        raise ValidationError(problems)
    names = "、".join(r.name for r in rows)
    _event(bundle, applicant, "submit", "提交联办申请", data={"members": [r.code for r in rows], "channel": channel})
    _tell(bundle, "联办申请已提交",
          f"您的“{bundle.title}”已提交，联办件编号 {bundle.number}，包含：{names}。请留意受理结果。")
    return bundle


# -- the window decides on the whole application -------------------------------------------------

def _dispatch(actor, bundle: CaseBundle, member: BundleMember, label: str) -> Case:
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


def _accept_member(actor, bundle: CaseBundle, member: BundleMember) -> None:
    case = _dispatch(actor, bundle, member, f"联办件 {bundle.number} 受理，分送本部门办理")
    try:
        processing.act(actor, case, ActionKind.ACCEPT, expected_revision=case.revision,
                       comment=f"随联办件 {bundle.number} 一并受理")
    except PermissionDenied:
        raise PermissionDenied(f"您无权受理“{member.name}”（{case.department.name}），"
                               f"请由覆盖各成员部门的综合窗口受理该联办件。") from None


@transaction.atomic
def accept_bundle(actor, bundle: CaseBundle, *, expected_revision: int) -> CaseBundle:
    """一窗受理: every member accepted at once; members without prerequisites go to their departments."""
    bundle = _lock_bundle(bundle, expected_revision)
    _require_window_clerk(actor, bundle)
    if bundle.phase != BundlePhase.SUBMITTED:
        raise ValidationError(f"联办件当前状态为“{bundle.get_phase_display()}”，不能受理。")
    members = _members(bundle)
    problems = _problems_of(bundle, members)
    if problems:
        raise ValidationError(problems)
    with _syncing(bundle.pk):
        for m in members:
            if m.state == BundleMemberState.PENDING:
                _accept_member(actor, bundle, m)
    _advance(bundle, "accept", Role.CLERK)
    bundle.accepted_at = timezone.now()
    bundle.accepted_by = as_user(actor)
    deadlines.recompute(bundle)
    _save(bundle, "phase", "state", "accepted_at", "accepted_by", "promised_due", "legal_due", "warn_on", "due_provisional")
    waiting = [m.name for m in members if m.state == BundleMemberState.WAITING]
    _event(bundle, actor, "accept", "综合窗口受理（一次受理，并联分送各部门）",
           data={"waiting": waiting, "promised_due": bundle.promised_due.isoformat() if bundle.promised_due else ""})
    due = f"，承诺于 {bundle.promised_due:%Y年%m月%d日} 前办结" if bundle.promised_due else ""
    later = f"；{'、'.join(waiting)}将在前置事项办结后自动办理" if waiting else ""
    _tell(bundle, "联办申请已受理", f"您的“{bundle.title}”（{bundle.number}）已受理{due}{later}。")
    return bundle


@transaction.atomic
def request_bundle_correction(actor, bundle: CaseBundle, *, items: list[dict], note: str = "",
                              expected_revision: int) -> CaseBundle:
    """一次性告知 for the whole application: items name the member (and material) they concern."""
    bundle = _lock_bundle(bundle, expected_revision)
    _require_window_clerk(actor, bundle)
    if bundle.phase != BundlePhase.SUBMITTED:
        raise ValidationError("只有待受理的联办件可以一次性告知补正；已受理的由各部门在子办件中要求补正。")
    members = {m.code: m for m in _members(bundle)}
    clean, errors = [], {}
    for i, item in enumerate(items or [], start=1):
        code, problem = (item.get("member") or "").strip(), (item.get("problem") or "").strip()
        if code not in members:
            errors[f"items.{i}.member"] = f"第{i}项：请选择需补正的事项"
        elif not problem:
            errors[f"items.{i}.problem"] = f"第{i}项：请写明问题和补正要求"
        else:
            material_id = item.get("material_id")
            clean.append({"member": code, "member_name": members[code].name, "material_id": material_id,
                          "name": (item.get("name") or "").strip()[:200], "problem": problem[:500]})
    if not clean and not errors:
        errors["items"] = "请逐项写明需要补正的材料或内容（一次性告知）"
    if errors:
        raise ValidationError(errors)
    bundle.correction = {"items": clean, "note": note.strip(), "requested_at": timezone.now().isoformat(),
                         "requested_by": actor_label(actor)}
    _advance(bundle, "request_correction", Role.CLERK)
    _save(bundle, "correction", "phase", "state")
    _event(bundle, actor, "request_correction", f"一次性告知补正（{len(clean)} 项）", comment=note.strip(),
           data={"items": clean})
    _tell(bundle, "请补正联办申请",
          f"您的“{bundle.title}”（{bundle.number}）需要补正 {len(clean)} 项，请登录查看一次性告知内容，补正后一次提交。")
    return bundle


@transaction.atomic
def refuse_bundle(actor, bundle: CaseBundle, *, comment: str, expected_revision: int) -> CaseBundle:
    bundle = _lock_bundle(bundle, expected_revision)
    _require_window_clerk(actor, bundle)
    if bundle.phase not in (BundlePhase.SUBMITTED, BundlePhase.CORRECTION):
        raise ValidationError("已受理的联办件不能不予受理。")
    if not (comment or "").strip():
        raise ValidationError({"comment": "请写明不予受理的理由"})
    for m in _members(bundle):
        _cancel_member(actor, m, "联办件不予受理")
    _advance(bundle, "refuse", Role.CLERK)
    bundle.decision_text = comment.strip()
    bundle.completed_at = timezone.now()
    _save(bundle, "phase", "state", "decision_text", "completed_at")
    _event(bundle, actor, "refuse", "不予受理", comment=comment.strip())
    _tell(bundle, "联办申请不予受理", f"您的“{bundle.title}”（{bundle.number}）不予受理：{comment.strip()}")
    return bundle


def _cancel_member(actor, member: BundleMember, reason: str) -> None:
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


# -- the applicant fixes and resubmits once -----------------------------------------------------

def _editable(member: BundleMember) -> bool:
    return member.state != BundleMemberState.CANCELLED and member.case.phase in (Phase.DRAFT, Phase.CORRECTION)


@transaction.atomic
def update_answers(actor, bundle: CaseBundle, member_answers: dict[str, dict], *, merged: dict | None = None
                   ) -> dict[str, dict]:
    """Save corrected answers into each editable member's form; returns errors per member (what is
    valid is kept, as in a draft)."""
    bundle = _lock_bundle(bundle)
    _require_applicant(actor, bundle)
    if bundle.phase not in (BundlePhase.CORRECTION, BundlePhase.PROCESSING):
        raise ValidationError("联办件当前不需要补正。")
    errors = {}
    for m in _members(bundle):
        if m.code in member_answers and _editable(m):
            _, found = intake.save_draft(actor, m.case, member_answers[m.code])
            if found:
                errors[m.code] = found
    if merged:
        bundle.answers = {**bundle.answers, **merged}
        _save(bundle, "answers")
    return errors


@transaction.atomic
def replace_material(actor, bundle: CaseBundle, parts: list[tuple[str, Material]], uploaded) -> list[CaseFile]:
    """A corrected upload for a shared material: replaces the file of every member that uses it."""
    bundle = _lock_bundle(bundle)
    _require_applicant(actor, bundle)
    if bundle.phase not in (BundlePhase.CORRECTION, BundlePhase.PROCESSING):
        raise ValidationError("联办件当前不需要补正材料。")
    members = {m.code: m for m in _members(bundle)}
    made, first = [], None
    for code, material in parts:
        m = members.get(code)
        if m is None or not _editable(m):
            continue
        m.case.files.filter(material=material, replaced_at__isnull=True).update(replaced_at=timezone.now())
        if first is None:
            uploaded.seek(0)
            first = intake.attach_file(actor, m.case, material, uploaded)
            made.append(first)
        else:
            made.append(_share_file(m.case, material, first, actor))
    if not made:
        raise ValidationError({"file": "该材料对应的事项当前无需补正"})
    return made


@transaction.atomic
def resubmit_bundle(actor, bundle: CaseBundle) -> CaseBundle:
    """Once for everything: before acceptance the whole application goes back to the window; after
    acceptance every sub-case a department sent back for 补正 is resubmitted."""
    bundle = _lock_bundle(bundle)
    _require_applicant(actor, bundle)
    members = _members(bundle)
    if bundle.phase == BundlePhase.CORRECTION:
        problems = _problems_of(bundle, members)
        if problems:
            raise ValidationError(problems)
        bundle.correction = {**bundle.correction, "resolved_at": timezone.now().isoformat()}
        _advance(bundle, "resubmit", APPLICANT)
        _save(bundle, "correction", "phase", "state")
        _event(bundle, actor, "resubmit", "提交补正材料（联办件重新提交受理）")
        return bundle
    to_fix = [m for m in members if m.case.phase == Phase.CORRECTION]
    if bundle.phase != BundlePhase.PROCESSING or not to_fix:
        raise ValidationError("该联办件当前无需补正。")
    for m in to_fix:
        intake.resubmit(actor, m.case)
    _save(bundle)
    _event(bundle, actor, "resubmit", f"提交补正材料（{'、'.join(m.name for m in to_fix)}）")
    return bundle


# -- sub-cases move on: dependencies, completion ------------------------------------------------

_SYNCING: contextvars.ContextVar[frozenset] = contextvars.ContextVar("bundle_syncing", default=frozenset())


class _syncing:
    """Saving a sub-case inside the bundle's own work re-enters sync_bundle; the outer call finishes."""

    def __init__(self, bundle_id: int):
        self.bundle_id = bundle_id

    def __enter__(self):
        self.token = _SYNCING.set(_SYNCING.get() | {self.bundle_id})

    def __exit__(self, *exc):
        _SYNCING.reset(self.token)


def on_member_saved(instance: Case, update_fields) -> None:
    """A sub-case was saved (cases/receivers.py): when an action of the services decided it (their
    final save bumps the revision), its joint case moves on — unless the joint case's own work is
    saving it."""
    if instance.bundle_id is None or not update_fields or "revision" not in update_fields:
        return
    if instance.phase not in TERMINAL_PHASES or instance.bundle_id in _SYNCING.get():
        return
    sync_bundle(instance.bundle_id)


def _approved(case: Case) -> bool:
    return case.phase == Phase.COMPLETED and case.outcome == Outcome.APPROVED


def _failed(case: Case) -> bool:
    return case.phase in (Phase.REFUSED, Phase.WITHDRAWN) or (case.phase == Phase.COMPLETED
                                                               and case.outcome == Outcome.DENIED)


@transaction.atomic
def sync_bundle(bundle_id: int) -> CaseBundle:
    """After a sub-case changed: dispatch members whose prerequisites are approved, cancel those whose
    prerequisite failed, complete the joint case when every member is decided, and hand out when paid."""
    bundle = CaseBundle.objects.select_for_update().get(pk=bundle_id)
    with _syncing(bundle.pk):
        if bundle.phase == BundlePhase.PROCESSING:
            _release_waiting(bundle)
            members = _members(bundle)
            if all(m.state == BundleMemberState.CANCELLED or m.case.phase in TERMINAL_PHASES for m in members):
                _complete(bundle, members)
        elif bundle.phase == BundlePhase.COMPLETED and bundle.delivery_status == DeliveryStatus.AWAITING_PAYMENT:
            _maybe_ready(bundle, _members(bundle))
    return bundle


def _release_waiting(bundle: CaseBundle) -> None:
    progressed = True
    while progressed:  # a released member may itself be instantly decided; loop until nothing moves
        progressed = False
        members = _members(bundle)
        by_code = {m.code: m for m in members}
        for m in members:
            if m.state != BundleMemberState.WAITING:
                continue
            needed = [by_code[c] for c in m.requires if c in by_code]
            failed = [r for r in needed if r.state == BundleMemberState.CANCELLED or _failed(r.case)]
            if failed:
                _cancel_member(SYSTEM, m, f"前置事项“{'、'.join(r.name for r in failed)}”未获准予")
                _event(bundle, SYSTEM, "member_cancelled", f"{m.name}：前置事项未获准予，不再办理")
                progressed = True
            elif all(_approved(r.case) for r in needed):
                progressed = _release(bundle, m, needed) or progressed


def _release(bundle: CaseBundle, member: BundleMember, needed: list[BundleMember]) -> bool:
    """Prerequisites approved: their results go into the member's timeline and form, then it is
    dispatched and accepted like the others were at the window."""
    results = []
    for r in needed:
        for res in r.case.results.all():
            results.append({"member": r.code, "case": r.case.number, "name": res.name, "number": res.number})
    fills = {}
    for key, source in member.fills.items():
        source_result = next((x for x in results if x["number"]), None) if source == "result_number" else \
            next(iter(results), None)
        if source_result:
            fills[key] = source_result["number"] if source == "result_number" else source_result["name"]
    case = member.case
    if fills:
        case, errors = intake.save_draft(bundle.applicant, case, fills)
        if errors:
            # Dispatch all the same: the department sees why and can ask for 补正 of that field.
            member.note = (NOT_FILLED + "；".join(errors.values()))[:300]
            member.save(update_fields=["note"])
            record(case, SYSTEM, "fill_failed", NOT_FILLED.rstrip("："), comment="；".join(errors.values()),
                   data={"fields": sorted(errors)})
    summary = "；".join(f"{x['name']}（{x['number'] or '无编号'}）" for x in results) or "前置事项已办结"
    record(case, SYSTEM, "attach_results", "自动获取前置事项办理结果", comment=summary,
           data={"results": results, "bundle": bundle.number})
    case = _dispatch(SYSTEM, bundle, member, f"前置事项已办结，联办件 {bundle.number} 自动分送本部门")
    clerk = bundle.accepted_by
    try:
        with transaction.atomic():
            processing.act(clerk, case, ActionKind.ACCEPT, expected_revision=case.revision,
                           comment=f"随联办件 {bundle.number} 受理（前置事项已办结）")
    except (PermissionDenied, ValidationError) as exc:
        # The accepting clerk lost the role: the department accepts it from its own inbox.
        _event(bundle, SYSTEM, "member_pending", f"{member.name}：已分送部门，待部门受理", public=False,
               data={"reason": "；".join(getattr(exc, "messages", [str(exc)]))})
    _event(bundle, SYSTEM, "member_released", f"{member.name}：前置事项已办结，结果已自动关联，开始办理",
           data={"case": case.number, "results": results})
    return True


def _complete(bundle: CaseBundle, members: list[BundleMember]) -> None:
    _advance(bundle, "complete", SYSTEM_ROLE)
    bundle.completed_at = timezone.now()
    _save(bundle, "phase", "state", "completed_at")
    outcome = {m.name: (m.case.get_outcome_display() or m.case.get_phase_display()) for m in members
               if m.state != BundleMemberState.CANCELLED}
    _event(bundle, SYSTEM, "complete", "全部事项已办结", data={"outcomes": outcome})
    _maybe_ready(bundle, members)


def _maybe_ready(bundle: CaseBundle, members: list[BundleMember]) -> None:
    unpaid = [m.name for m in members if m.case.number and _approved(m.case) and not is_settled(m.case.number)]
    if unpaid:
        if bundle.delivery_status != DeliveryStatus.AWAITING_PAYMENT:
            bundle.delivery_status = DeliveryStatus.AWAITING_PAYMENT
            _save(bundle, "delivery_status")
            _tell(bundle, "联办件已办结，请缴费",
                  f"您的“{bundle.title}”（{bundle.number}）已全部办结，{'、'.join(unpaid)}需缴费后统一出件。")
        return
    bundle.delivery_status = DeliveryStatus.READY
    results = [r.name for m in members for r in m.case.results.all()]
    listing = "、".join(results) or "办理结果文书"
    if bundle.delivery_method == DeliveryMethod.WINDOW:
        bundle.pickup_code = handout.pickup_code()
        _save(bundle, "delivery_status", "pickup_code")
        _tell(bundle, "联办件结果待领取",
              f"您的“{bundle.title}”（{bundle.number}）已全部办结：{listing}。凭取件码 {bundle.pickup_code} "
              f"到 {bundle.handout_place or '政务服务中心综合出件窗口'} 一次领取。")
    else:
        _save(bundle, "delivery_status")
        _tell(bundle, "联办件已全部办结", f"您的“{bundle.title}”（{bundle.number}）已全部办结：{listing}，将一次寄出。")


# -- handing out together -----------------------------------------------------------------------

def _outlet(bundle: CaseBundle) -> handout.Outlet:
    return handout.Outlet(bundle, "联办件", bundle.number, lambda *fields: _save(bundle, *fields),
                          lambda actor, action, label, data=None: _event(bundle, actor, action, label, data=data))


@transaction.atomic
def choose_bundle_delivery(actor, bundle: CaseBundle, *, method: str, recipient: str = "", phone: str = "",
                           address: str = "") -> CaseBundle:
    bundle = _lock_bundle(bundle)
    if getattr(actor, "pk", None) != bundle.applicant_id:
        _require_window_clerk(actor, bundle)
    handout.choose(_outlet(bundle), actor, method=method, recipient=recipient, phone=phone, address=address,
                   methods=(DeliveryMethod.WINDOW, DeliveryMethod.EXPRESS))
    return bundle


def _require_ready(bundle: CaseBundle) -> None:
    if bundle.phase != BundlePhase.COMPLETED:
        raise ValidationError("联办件尚未全部办结，不能出件。")
    if bundle.delivery_status == DeliveryStatus.AWAITING_PAYMENT:
        raise ValidationError("联办件尚有费用未缴清，缴费完成后才能出件。")
    if bundle.delivery_status == DeliveryStatus.DELIVERED:
        raise ValidationError("结果已送达。")


def _members_delivered(actor, bundle: CaseBundle, status: str, label: str) -> None:
    for m in _members(bundle):
        if not m.case.number:
            continue
        case = lock(m.case)
        case.delivery_status = status
        fields = ["delivery_status"]
        if status == DeliveryStatus.DELIVERED:
            case.delivered_at = timezone.now()
            fields.append("delivered_at")
        save(case, *fields)
        record(case, actor, "bundle_delivery", label, data={"bundle": bundle.number})


@transaction.atomic
def hand_over_bundle(actor, bundle: CaseBundle, *, pickup_code: str) -> CaseBundle:
    """一窗出件: one pickup code hands out every member's result."""
    bundle = _lock_bundle(bundle)
    _require_window_clerk(actor, bundle)
    _require_ready(bundle)
    handout.hand_over(_outlet(bundle), actor, code=pickup_code, label="综合窗口统一出件：申请人已领取全部结果")
    with _syncing(bundle.pk):
        _members_delivered(actor, bundle, DeliveryStatus.DELIVERED, f"随联办件 {bundle.number} 统一出件：申请人已领取")
    return bundle


@transaction.atomic
def ship_bundle(actor, bundle: CaseBundle) -> CaseBundle:
    """One parcel for every result."""
    bundle = _lock_bundle(bundle)
    _require_window_clerk(actor, bundle)
    _require_ready(bundle)
    items = "、".join(r.name for m in _members(bundle) for r in m.case.results.all()) or "办理结果文书"
    shipment = handout.ship(_outlet(bundle), actor, items=items, label="全部结果一次寄出")
    with _syncing(bundle.pk):
        _members_delivered(actor, bundle, DeliveryStatus.SHIPPED, f"随联办件 {bundle.number} 一并寄出")
    _tell(bundle, "联办件结果已寄出", f"您的“{bundle.title}”全部结果已一次寄出，运单号 {shipment.tracking_no}。")
    return bundle


def on_parcel_delivered(reference: str) -> None:
    """The carrier reports a joint case's parcel delivered (cases/receivers.py)."""
    bundle = CaseBundle.objects.filter(number=reference).first()
    if bundle is None or bundle.delivery_status == DeliveryStatus.DELIVERED:
        return
    with transaction.atomic():
        bundle = _lock_bundle(bundle)
        handout.delivered(_outlet(bundle), "寄递系统", "delivered", "邮件已签收")
        with _syncing(bundle.pk):
            _members_delivered("寄递系统", bundle, DeliveryStatus.DELIVERED, "联办件邮件已签收")


__all__ = [
    "BundleSpec", "MemberSpec", "submit_bundle", "accept_bundle", "request_bundle_correction", "refuse_bundle",
    "update_answers", "replace_material", "resubmit_bundle", "sync_bundle", "choose_bundle_delivery",
    "hand_over_bundle", "ship_bundle", "member_problems", "RESULT_SOURCES",
]
