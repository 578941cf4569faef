"""Applying: a draft filled online or at a window, materials uploaded, then submitted (申报)."""

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import User
from tongban.cases import materials, selectors
from tongban.cases.answers import applicant_snapshot, prefill_from_account
from tongban.cases.models import (
    Case,
    CaseFile,
    Channel,
    FileKind,
    PauseKind,
    Phase,
)
from tongban.cases.numbering import next_number
from tongban.cases.services.clock import end_pause
from tongban.cases.services.common import (
    lock,
    record,
    require_applicant,
    require_role,
    save,
    tell_applicant,
)
from tongban.cases.workflow import intake_for
from tongban.catalog.models import Implementation, Material
from tongban.core.actors import as_user
from tongban.core.validators import id_number_problem
from tongban.forms.defaults import effective_form
from tongban.forms.uploads import check_upload
from tongban.forms.validation import clean_answers
from tongban.registries.prefill import prefill_from_registries  # registries (issue 5): 预填


# Answers the platform can fill from the account (prefill hints in the form spec).
def _published_version(implementation: Implementation):
    version = implementation.matter.current_version
    if version is None or implementation.status != Implementation.Status.ACTIVE:
        raise ValidationError("该事项当前未发布或已停止实施，暂不能申请。")
    return version


@transaction.atomic
def start_application(actor, implementation: Implementation, *, channel: str = Channel.WEB,
                      applicant: User | None = None, registry_prefill: bool = True) -> Case:
    """A new draft. Online the applicant is the actor; at a window the clerk registers for `applicant`.

    registry_prefill=False: the caller has already read the registries for these answers (a theme
    journey's merged form), so they are not read — and logged — a second time."""
    version = _published_version(implementation)
    workflow, start = intake_for(implementation.matter)
    if channel == Channel.WINDOW:
        require_role(actor, Case(department=implementation.department), ["clerk"])
    else:
        applicant = as_user(actor)
        if applicant is None:
            raise PermissionDenied("请先登录后再申请。")
    case = Case(
        implementation=implementation, matter_version=version, department=implementation.department,
        division=implementation.department.division, workflow=workflow, state=start,
        phase=Phase.DRAFT, channel=channel, applicant=applicant,
        registered_by=as_user(actor) if channel == Channel.WINDOW else None,
        answers=prefill_from_account(effective_form(version), applicant),
    )
    if channel != Channel.WINDOW and registry_prefill:  # registries (issue 5): what they hold, per the grants
        case.answers = {**prefill_from_registries(applicant, implementation, effective_form(version),
                                                  case_ref=str(case.uid))[0], **case.answers}
    if applicant is not None:
        case.applicant_name = applicant.display_name
        case.applicant_id_number = applicant.id_number
        case.applicant_phone = applicant.phone
    case.save()
    record(case, actor, "start", "填写申请", public=False, data={"channel": channel})
    return case


def would_be_case(applicant: User, implementation: Implementation, answers: dict, *, uid) -> Case:
    """The draft `start_application` + `save_draft` would make online, unsaved: for asking the
    免提交 sources (materials.probe) about a case before it exists — a theme journey's member,
    whose reads are logged with `uid`, the joint case's reference. Nothing is written."""
    version = _published_version(implementation)
    case = Case(uid=uid, implementation=implementation, matter_version=version,
                department=implementation.department, division=implementation.department.division,
                phase=Phase.DRAFT, channel=Channel.WEB, applicant=applicant,
                applicant_name=applicant.display_name, applicant_id_number=applicant.id_number,
                applicant_phone=applicant.phone, answers=dict(answers))
    applicant_snapshot(case, case.answers)
    return case


def _require_editor_of_draft(actor, case: Case) -> None:
    if case.channel == Channel.WINDOW and case.registered_by_id:
        require_role(actor, case, ["clerk"])
    else:
        require_applicant(actor, case)


@transaction.atomic
def save_draft(actor, case: Case, data) -> tuple[Case, dict]:
    """Keep what is valid; report the rest per field. Nothing already saved is lost."""
    case = lock(case)
    _require_editor_of_draft(actor, case)
    if case.phase not in (Phase.DRAFT, Phase.CORRECTION):
        raise ValidationError("办件已提交，不能再修改申请表。")
    cleaned, errors = clean_answers(effective_form(case.matter_version), data, partial=True)
    case.answers = {**case.answers, **{k: v for k, v in cleaned.items() if k not in errors}}
    applicant_snapshot(case, case.answers)
    save(case, "answers", "applicant_name", "applicant_id_number", "applicant_phone", "applicant_kind",
         "agent_name")
    return case, errors


@transaction.atomic
def attach_file(actor, case: Case, material: Material | None, uploaded, *, kind=FileKind.MATERIAL) -> CaseFile:
    case = lock(case)
    if kind == FileKind.MATERIAL:
        if case.phase == Phase.DRAFT:
            _require_editor_of_draft(actor, case)
        else:
            _require_party(actor, case)
        if case.phase not in (Phase.DRAFT, Phase.CORRECTION, Phase.SUBMITTED, Phase.PROCESSING):
            raise ValidationError("办件已办结，不能再上传材料。")
        if material is not None and material.version_id != case.matter_version_id:
            raise ValidationError({"material": "该材料不属于本事项。"})
    f = stored_file(actor, case, material, uploaded, kind=kind)
    f.save()
    save(case)
    if material is not None and case.phase != Phase.DRAFT:
        record(case, actor, "upload", f"上传材料：{material.name}", data={"file": f.pk})
        _maybe_complete_pending(actor, case, material)
    return f


def stored_file(actor, case: Case, material: Material | None, uploaded, *, kind=FileKind.MATERIAL) -> CaseFile:
    """The upload checked (real PDF/image/OFD, not just the name), hashed and written to private
    storage; the row is returned unsaved for the caller's transaction."""
    detected = check_upload(uploaded)
    uploaded.seek(0)
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    f = CaseFile(case=case, kind=kind, material=material, original_name=(uploaded.name or "文件")[:200],
                 detected_type=detected, size=uploaded.size, sha256=digest.hexdigest(),
                 uploaded_by=as_user(actor))
    f.file.save(uploaded.name or "upload", uploaded, save=False)
    return f


def _require_party(actor, case: Case) -> None:
    """After submission the applicant (补正, 容缺) or a clerk of the department may add materials."""
    if case.applicant_id and getattr(actor, "pk", None) == case.applicant_id:
        return
    require_role(actor, case, ["clerk", "approver"])


@transaction.atomic
def remove_file(actor, case: Case, f: CaseFile) -> None:
    case = lock(case)
    _require_editor_of_draft(actor, case)
    if case.phase not in (Phase.DRAFT, Phase.CORRECTION):
        raise ValidationError("办件已提交，材料不能删除。")
    if f.case_id != case.pk:
        raise PermissionDenied("文件不属于该办件。")
    f.replaced_at = timezone.now()
    f.save(update_fields=["replaced_at"])
    save(case)


def _check_complete(case: Case, *, allow_missing_materials: bool) -> None:
    spec = effective_form(case.matter_version)
    _, errors = clean_answers(spec, case.answers)
    errors = {**selectors.unrepresented_organisation(case, spec), **errors}
    if not allow_missing_materials:
        for m in materials.missing_materials(case):
            errors[f"material_{m.pk}"] = f"请上传“{m.name}”"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def submit(actor, case: Case, *, idempotency_key: str | None = None) -> Case:
    """申报: check the form and materials, number the case and put it in the acceptance queue.

    Online, every required material must be there. At a window the clerk may submit without
    scans (paper is checked at the desk) and decides on acceptance right after.
    """
    case = lock(case)
    _require_editor_of_draft(actor, case)
    if case.phase != Phase.DRAFT:
        return case  # a second click on 提交 is harmless
    _check_complete(case, allow_missing_materials=case.channel == Channel.WINDOW)
    case.number = next_number(case.implementation)
    case.phase = Phase.SUBMITTED
    case.submitted_at = timezone.now()
    case.idempotency_key = idempotency_key
    save(case, "number", "phase", "submitted_at", "idempotency_key")
    record(case, actor, "submit", "提交申请" if case.channel != Channel.WINDOW else "窗口登记申请",
           data={"channel": case.channel})
    tell_applicant(case, "申请已提交",
                   f"您申请的“{case.matter_name}”已提交，办件编号 {case.number}，请留意受理结果。")
    return case


@transaction.atomic
def register_walk_in(clerk, implementation: Implementation, *, id_number: str, name: str, phone: str = "",
                     channel=Channel.WINDOW) -> Case:
    """一窗受理: the clerk looks the applicant up by ID number; an account found is linked so the
    case appears in their 我的办件."""
    errors = {}
    problem = id_number_problem(id_number or "")  # GB 11643: address code, birth date, check character
    if problem is not None:
        errors["id_number"] = f"“证件号码”不是有效的公民身份号码：{problem.messages[0]}"
    if not (name or "").strip():
        errors["name"] = "请填写“申请人姓名”"
    if errors:
        raise ValidationError(errors)
    person = User.objects.filter(id_number=id_number.upper()).first()
    case = start_application(clerk, implementation, channel=channel, applicant=person)
    case.applicant_name = name.strip()
    case.applicant_id_number = id_number.upper()
    case.applicant_phone = phone or (person.phone if person else "")
    spec = effective_form(case.matter_version)
    for field in spec:
        if field.get("prefill") == "applicant.name":
            case.answers[field["key"]] = case.applicant_name
        elif field.get("prefill") == "applicant.id_number":
            case.answers[field["key"]] = case.applicant_id_number
        elif field.get("prefill") == "applicant.phone" and case.applicant_phone:
            case.answers[field["key"]] = case.applicant_phone
    save(case, "applicant_name", "applicant_id_number", "applicant_phone", "answers")
    return case


@transaction.atomic
def resubmit(actor, case: Case) -> Case:
    """The applicant fixed every item of the 补正告知 and sends the same case back."""
    case = lock(case)
    _require_party(actor, case)
    if case.phase != Phase.CORRECTION:
        raise ValidationError("该办件当前无需补正。")
    correction = case.corrections.filter(resolved_at__isnull=True).order_by("-requested_at").first()
    _check_complete(case, allow_missing_materials=False)
    if correction is not None:
        correction.resolved_at = timezone.now()
        correction.save(update_fields=["resolved_at"])
    if correction is not None and correction.during_processing:
        case.phase = Phase.PROCESSING
        end_pause(actor, case, PauseKind.CORRECTION)
    else:
        case.phase = Phase.SUBMITTED
    save(case, "phase")
    record(case, actor, "resubmit", "提交补正材料")
    return case


@transaction.atomic
def withdraw(actor, case: Case, reason: str = "") -> Case:
    case = lock(case)
    require_applicant(actor, case)
    if case.phase not in (Phase.DRAFT, Phase.SUBMITTED, Phase.CORRECTION):
        raise ValidationError("已受理的办件请联系办理部门申请撤回。")
    if case.phase == Phase.DRAFT:
        case.delete()
        return case
    case.phase = Phase.WITHDRAWN
    case.completed_at = timezone.now()
    save(case, "phase", "completed_at")
    record(case, actor, "withdraw", "申请人撤回申请", comment=reason)
    return case


def _maybe_complete_pending(actor, case: Case, material: Material) -> None:
    """容缺: when the last promised material arrives the clock runs again and a decision is possible."""
    pending = case.pending_materials.filter(material=material, received_at__isnull=True).first()
    if pending is None:
        return
    pending.received_at = timezone.now()
    pending.save(update_fields=["received_at"])
    if not case.pending_materials.filter(received_at__isnull=True).exists():
        end_pause(actor, case, PauseKind.RONGQUE)
        save(case)
        record(case, actor, "rongque_complete", "容缺材料已补齐，恢复计时")


__all__ = [
    "start_application", "save_draft", "attach_file", "remove_file", "submit",
    "register_walk_in", "resubmit", "withdraw", "stored_file",
]
