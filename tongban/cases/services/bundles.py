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
The last two stages are services/bundle_progress.py; what all stages share is services/bundle_common.py.
The cases app does not know themes: the caller passes members, dependencies and a definition snapshot.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.cases import deadlines, materials, selectors
from tongban.cases.models import (
    ActionKind,
    BundleMember,
    BundleMemberState,
    BundlePhase,
    Case,
    CaseBundle,
    CaseFile,
    Channel,
    FileKind,
    Phase,
)
from tongban.cases.services import extensions, intake, processing, submission
from tongban.cases.services.bundle_common import (
    advance_bundle,
    bundle_event,
    cancel_member,
    dispatch_member,
    lock_bundle,
    members_of,
    require_bundle_applicant,
    require_window_clerk,
    save_bundle,
    syncing,
    tell_bundle_applicant,
)
from tongban.cases.workflow import joint_version
from tongban.catalog.models import Implementation, Material
from tongban.core.actors import as_user
from tongban.core.actors import label as actor_label
from tongban.core.serials import next_daily
from tongban.forms.defaults import effective_form
from tongban.forms.validation import clean_answers
from tongban.workflow import selectors as workflow
from tongban.workflow.models import APPLICANT

NOT_FILLED = "前置结果未能自动填入申请表："
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
        legal_days=extensions.joint_legal_days(version),  # 行政许可法 §42 ¶2: 45 working days
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
    problems = {**_problems_of(bundle, members_of(bundle)), **typed}  # a format error says more than "请填写"
    if problems:
        raise ValidationError(problems)
    names = "、".join(r.name for r in rows)
    bundle_event(bundle, applicant, "submit", "提交联办申请", data={"members": [r.code for r in rows], "channel": channel})
    tell_bundle_applicant(bundle, "联办申请已提交",
          f"您的“{bundle.title}”已提交，联办件编号 {bundle.number}，包含：{names}。请留意受理结果。")
    return bundle


# -- the window decides on the whole application -------------------------------------------------

def _accept_member(actor, bundle: CaseBundle, member: BundleMember) -> None:
    case = dispatch_member(actor, bundle, member, f"联办件 {bundle.number} 受理，分送本部门办理")
    try:
        processing.act(actor, case, ActionKind.ACCEPT, expected_revision=case.revision,
                       comment=f"随联办件 {bundle.number} 一并受理")
    except PermissionDenied:
        raise PermissionDenied(f"您无权受理“{member.name}”（{case.department.name}），"
                               f"请由覆盖各成员部门的综合窗口受理该联办件。") from None


@transaction.atomic
def accept_bundle(actor, bundle: CaseBundle, *, expected_revision: int) -> CaseBundle:
    """一窗受理: every member accepted at once; members without prerequisites go to their departments."""
    bundle = lock_bundle(bundle, expected_revision)
    require_window_clerk(actor, bundle)
    if bundle.phase != BundlePhase.SUBMITTED:
        raise ValidationError(f"联办件当前状态为“{bundle.get_phase_display()}”，不能受理。")
    members = members_of(bundle)
    problems = _problems_of(bundle, members)
    if problems:
        raise ValidationError(problems)
    with syncing(bundle.pk):
        for m in members:
            if m.state == BundleMemberState.PENDING:
                _accept_member(actor, bundle, m)
    advance_bundle(bundle, "accept", Role.CLERK)
    bundle.accepted_at = timezone.now()
    bundle.accepted_by = as_user(actor)
    deadlines.recompute(bundle)
    save_bundle(bundle, "phase", "state", "accepted_at", "accepted_by", "promised_due", "legal_due", "warn_on", "due_provisional")
    waiting = [m.name for m in members if m.state == BundleMemberState.WAITING]
    bundle_event(bundle, actor, "accept", "综合窗口受理（一次受理，并联分送各部门）",
           data={"waiting": waiting, "promised_due": bundle.promised_due.isoformat() if bundle.promised_due else ""})
    due = f"，承诺于 {bundle.promised_due:%Y年%m月%d日} 前办结" if bundle.promised_due else ""
    later = f"；{'、'.join(waiting)}将在前置事项办结后自动办理" if waiting else ""
    tell_bundle_applicant(bundle, "联办申请已受理", f"您的“{bundle.title}”（{bundle.number}）已受理{due}{later}。")
    return bundle


@transaction.atomic
def request_bundle_correction(actor, bundle: CaseBundle, *, items: list[dict], note: str = "",
                              expected_revision: int) -> CaseBundle:
    """一次性告知 for the whole application: items name the member (and material) they concern."""
    bundle = lock_bundle(bundle, expected_revision)
    require_window_clerk(actor, bundle)
    if bundle.phase != BundlePhase.SUBMITTED:
        raise ValidationError("只有待受理的联办件可以一次性告知补正；已受理的由各部门在子办件中要求补正。")
    members = {m.code: m for m in members_of(bundle)}
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
    advance_bundle(bundle, "request_correction", Role.CLERK)
    save_bundle(bundle, "correction", "phase", "state")
    bundle_event(bundle, actor, "request_correction", f"一次性告知补正（{len(clean)} 项）", comment=note.strip(),
           data={"items": clean})
    tell_bundle_applicant(bundle, "请补正联办申请",
          f"您的“{bundle.title}”（{bundle.number}）需要补正 {len(clean)} 项，请登录查看一次性告知内容，补正后一次提交。")
    return bundle


@transaction.atomic
def refuse_bundle(actor, bundle: CaseBundle, *, comment: str, expected_revision: int) -> CaseBundle:
    bundle = lock_bundle(bundle, expected_revision)
    require_window_clerk(actor, bundle)
    if bundle.phase not in (BundlePhase.SUBMITTED, BundlePhase.CORRECTION):
        raise ValidationError("已受理的联办件不能不予受理。")
    if not (comment or "").strip():
        raise ValidationError({"comment": "请写明不予受理的理由"})
    for m in members_of(bundle):
        cancel_member(actor, m, "联办件不予受理")
    advance_bundle(bundle, "refuse", Role.CLERK)
    bundle.decision_text = comment.strip()
    bundle.completed_at = timezone.now()
    save_bundle(bundle, "phase", "state", "decision_text", "completed_at")
    bundle_event(bundle, actor, "refuse", "不予受理", comment=comment.strip())
    tell_bundle_applicant(bundle, "联办申请不予受理", f"您的“{bundle.title}”（{bundle.number}）不予受理：{comment.strip()}")
    return bundle


# -- the applicant fixes and resubmits once -----------------------------------------------------

def _editable(member: BundleMember) -> bool:
    return member.state != BundleMemberState.CANCELLED and member.case.phase in (Phase.DRAFT, Phase.CORRECTION)


@transaction.atomic
def update_answers(actor, bundle: CaseBundle, member_answers: dict[str, dict], *, merged: dict | None = None
                   ) -> dict[str, dict]:
    """Save corrected answers into each editable member's form; returns errors per member (what is
    valid is kept, as in a draft)."""
    bundle = lock_bundle(bundle)
    require_bundle_applicant(actor, bundle)
    if bundle.phase not in (BundlePhase.CORRECTION, BundlePhase.PROCESSING):
        raise ValidationError("联办件当前不需要补正。")
    errors = {}
    for m in members_of(bundle):
        if m.code in member_answers and _editable(m):
            _, found = intake.save_draft(actor, m.case, member_answers[m.code])
            if found:
                errors[m.code] = found
    if merged:
        bundle.answers = {**bundle.answers, **merged}
        save_bundle(bundle, "answers")
    return errors


@transaction.atomic
def replace_material(actor, bundle: CaseBundle, parts: list[tuple[str, Material]], uploaded) -> list[CaseFile]:
    """A corrected upload for a shared material: replaces the file of every member that uses it."""
    bundle = lock_bundle(bundle)
    require_bundle_applicant(actor, bundle)
    if bundle.phase not in (BundlePhase.CORRECTION, BundlePhase.PROCESSING):
        raise ValidationError("联办件当前不需要补正材料。")
    members = {m.code: m for m in members_of(bundle)}
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
    bundle = lock_bundle(bundle)
    require_bundle_applicant(actor, bundle)
    members = members_of(bundle)
    if bundle.phase == BundlePhase.CORRECTION:
        problems = _problems_of(bundle, members)
        if problems:
            raise ValidationError(problems)
        bundle.correction = {**bundle.correction, "resolved_at": timezone.now().isoformat()}
        advance_bundle(bundle, "resubmit", APPLICANT)
        save_bundle(bundle, "correction", "phase", "state")
        bundle_event(bundle, actor, "resubmit", "提交补正材料（联办件重新提交受理）")
        return bundle
    to_fix = [m for m in members if m.case.phase == Phase.CORRECTION]
    if bundle.phase != BundlePhase.PROCESSING or not to_fix:
        raise ValidationError("该联办件当前无需补正。")
    for m in to_fix:
        intake.resubmit(actor, m.case)
    save_bundle(bundle)
    bundle_event(bundle, actor, "resubmit", f"提交补正材料（{'、'.join(m.name for m in to_fix)}）")
    return bundle




__all__ = [
    "BundleSpec", "MemberSpec", "submit_bundle", "accept_bundle", "request_bundle_correction", "refuse_bundle",
    "update_answers", "replace_material", "resubmit_bundle", "member_problems", "RESULT_SOURCES",
]
