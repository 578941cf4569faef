"""申报 in one call (POST /api/v1/cases): answers checked, the case filed already numbered, in one
transaction.

The page flow (intake.start_application → save_draft → attach_file → submit) keeps a draft the
applicant comes back to. An API client sends everything at once, so the draft would be a row
written only to be updated twice and locked twice; here the case is inserted once, complete:

* before the transaction (no lock held): the Idempotency-Key looked up, the answers validated
  against the exact published matter version, prefill (account, base registries) for what the
  client left out, uploads checked and written to private storage;
* in the transaction: the daily serial taken (INSERT … ON CONFLICT … RETURNING, numbering.py) right
  before the case insert, so the serial row stays locked only for the few inserts that follow (the
  case, its files, the timeline event, the audit record, the notification rows), then COMMIT.

What does not change per submission is kept per process: the form and materials of a published
version (immutable: catalog.models.MatterVersion.save) and which workflow a matter starts on
(workflow.intake_for, briefly). Design and figures: docs/decisions/0005-submission-fast-path.md.
"""

import threading
import time
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from tongban.cases.answers import applicant_snapshot, prefill_from_account
from tongban.cases.materials import required_uploads
from tongban.cases.models import Case, CaseFile, Channel, Phase
from tongban.cases.numbering import next_number
from tongban.cases.selectors import unrepresented_organisation
from tongban.cases.services.common import record, tell_applicant
from tongban.cases.services.intake import stored_file
from tongban.cases.workflow import intake_for
from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Implementation, Material, Matter, MatterVersion
from tongban.catalog.selectors import public_implementations
from tongban.core.actors import as_user
from tongban.forms.defaults import effective_form
from tongban.forms.validation import clean_answers
from tongban.org.models import Department
from tongban.registries.prefill import prefill_from_registries


@dataclass(frozen=True)
class VersionIntake:
    """A published matter version with what filing a case needs from it, read once per process."""

    version: MatterVersion
    form: tuple[dict, ...]
    materials: tuple[Material, ...]


_VERSION_CACHE_SIZE = 1024
_versions: dict[int, VersionIntake] = {}
_versions_lock = threading.Lock()


def version_intake(version_id: int) -> VersionIntake:
    """The version, its form and its materials. A published version never changes (catalog refuses
    to save one), so it is cached by id for the life of the process; a draft is read every time.
    Whether a version is the one to file under is decided by the caller from fresh rows
    (implementation status, matter.current_version_id)."""
    hit = _versions.get(version_id)
    if hit is not None:
        return hit
    version = MatterVersion.objects.get(pk=version_id)
    data = VersionIntake(version=version, form=tuple(effective_form(version)),
                         materials=tuple(version.materials.all()))
    if version.status == VersionStatus.PUBLISHED:
        with _versions_lock:
            if len(_versions) >= _VERSION_CACHE_SIZE:
                _versions.clear()  # thousands of versions filed in one process: start over
            _versions[version_id] = data
    return data


# Which implementation a code names, with its matter (current version) and department, per process
# for CATALOG_CACHE_SECONDS: the look-up costs more than the rest of the request before the insert.
# A catalogue change (an implementation stopped, a new version published) reaches this process at
# once (signals below) and the other server processes within that time; a case keeps the version it
# was filed under either way. 0 turns the cache off.
CATALOG_CACHE_SECONDS = 5.0
_implementations: dict[str, tuple[float, Implementation]] = {}


def implementation_to_file(code: str) -> Implementation | None:
    """The public implementation (active, published, applied for — catalog.selectors) with this
    code, with its matter and department; its published version comes from version_intake."""
    code = code.strip()
    now = time.monotonic()
    hit = _implementations.get(code)
    if hit is not None and hit[0] > now:
        return hit[1]
    impl = public_implementations().select_related(None).select_related("matter", "department").filter(
        code=code).first()
    if impl is not None and CATALOG_CACHE_SECONDS > 0:
        if len(_implementations) >= _VERSION_CACHE_SIZE:
            _implementations.clear()
        _implementations[code] = (now + CATALOG_CACHE_SECONDS, impl)
    return impl


def forget_implementations(**kwargs) -> None:
    _implementations.clear()


for _model in (Implementation, Matter, Department):
    post_save.connect(forget_implementations, sender=_model, dispatch_uid=f"forget_impl_save_{_model.__name__}")
    post_delete.connect(forget_implementations, sender=_model, dispatch_uid=f"forget_impl_delete_{_model.__name__}")


def _case_with_key(applicant, key: str) -> Case | None:
    pk = Case.objects.filter(applicant=applicant, idempotency_key=key).order_by().values_list("pk", flat=True)[:1]
    pk = list(pk)
    return Case.objects.get(pk=pk[0]) if pk else None


def _filled_in(form, applicant, implementation: Implementation, given: dict, case_ref: str) -> dict:
    """Prefill (account, then base registries) only for the form fields the client left out: a
    given answer wins anyway, and a registry is read only for what is missing (最小必要,
    个人信息保护法 §6)."""
    open_fields = [f for f in form if f.get("key") not in given]
    if not any(f.get("prefill") for f in open_fields):
        return {}
    answers = prefill_from_account(open_fields, applicant)
    registry, _sources = prefill_from_registries(applicant, implementation, open_fields, case_ref=case_ref)
    return {**registry, **answers}


def submit_application(actor, implementation: Implementation, answers: dict, *, channel=Channel.WEB,
                       idempotency_key: str | None = None, files=()) -> tuple[Case, bool]:
    """File an online application in one go: (case, created).

    `files` are (material, upload) pairs of the implementation's current version. With an
    Idempotency-Key, a retry — also one racing the first call — returns the case the first call made.
    Anything wrong raises ValidationError (per field) before anything is written.
    """
    applicant = as_user(actor)
    if applicant is None:
        raise PermissionDenied("请先登录后再申请。")
    if channel == Channel.WINDOW:
        raise ValidationError({"channel": "窗口收件由综合窗口人员登记（intake.register_walk_in）。"})
    if idempotency_key:
        existing = _case_with_key(applicant, idempotency_key)
        if existing is not None:
            return existing, False

    version_id = implementation.matter.current_version_id
    if version_id is None or implementation.status != Implementation.Status.ACTIVE:
        raise ValidationError("该事项当前未发布或已停止实施，暂不能申请。")
    data = version_intake(version_id)
    version = data.version
    given, errors = clean_answers(data.form, answers, partial=True)
    if errors:
        raise ValidationError(errors)
    uid = uuid.uuid4()
    stored = {**_filled_in(data.form, applicant, implementation, given, str(uid)), **given}
    _, errors = clean_answers(data.form, stored)

    workflow, state = intake_for(implementation.matter)
    department = implementation.department
    case = Case(
        uid=uid, implementation=implementation, matter_version=version, department=department,
        division_id=department.division_id, workflow=workflow, state=state, phase=Phase.SUBMITTED, channel=channel,
        applicant=applicant, applicant_name=applicant.display_name, applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone, answers=stored, idempotency_key=idempotency_key or None,
    )
    applicant_snapshot(case, stored, data.form)
    errors = {**unrepresented_organisation(case, data.form), **errors}
    uploads = [stored_file(actor, case, material, upload) for material, upload in files]
    uploaded = {f.material_id for f in uploads}
    # Only when a required material was not sent may it be missing (or supplied by the base
    # registries, 免证办, which need the case row): then the check runs after the insert, and the
    # applicant hears about wrong answers and missing materials at once (一次性告知), with
    # everything rolled back. Otherwise wrong answers are refused before anything is written.
    check_materials = any(m.required and m.pk not in uploaded for m in data.materials)
    if errors and not check_materials:
        raise ValidationError(errors)

    try:
        with transaction.atomic():
            case.submitted_at = timezone.now()
            case.number = next_number(implementation)
            case.save(force_insert=True)
            if uploads:
                CaseFile.objects.bulk_create(uploads)
            if check_materials:
                errors.update({f"material_{m.pk}": f"请上传“{m.name}”" for m in required_uploads(case)
                               if m.pk not in uploaded})
            if errors:
                raise ValidationError(errors)
            record(case, actor, "submit", "提交申请", data={"channel": channel})
            tell_applicant(case, "申请已提交",
                           f"您申请的“{case.matter_name}”已提交，办件编号 {case.number}，请留意受理结果。")
    except IntegrityError:
        # The same key raced in from a retry, and the other one committed first: answer with its case.
        existing = _case_with_key(applicant, idempotency_key) if idempotency_key else None
        if existing is None:
            raise
        return existing, False
    return case, True


__all__ = ["submit_application", "version_intake", "implementation_to_file"]


def file_draft(applicant, implementation: Implementation, answers: dict, *, bundle=None, channel=Channel.WEB,
               registry_prefill: bool = True, files=()) -> tuple[Case, dict, list[CaseFile]]:
    """A draft filed in one insert with its answers and files: (case, errors, files). What is valid
    is kept, the rest reported per field, as a draft page would (a joint case's member: 一件事一次办,
    submitted as one, checked as one by services/bundles.py).

    `files` are (material, upload) pairs, or (material, CaseFile) to count a file already stored for
    another member (uploaded once, used by each). registry_prefill=False: the caller read the base
    registries for these answers already (a theme journey's merged form), so they are not read again.
    """
    version_id = implementation.matter.current_version_id
    if version_id is None or implementation.status != Implementation.Status.ACTIVE:
        raise ValidationError("该事项当前未发布或已停止实施，暂不能申请。")
    data = version_intake(version_id)
    uid = uuid.uuid4()
    filled = prefill_from_account(data.form, applicant)
    if registry_prefill:
        filled = {**prefill_from_registries(applicant, implementation, data.form, case_ref=str(uid))[0], **filled}
    cleaned, errors = clean_answers(data.form, answers, partial=True)
    stored = {**filled, **{k: v for k, v in cleaned.items() if k not in errors}}
    workflow, state = intake_for(implementation.matter)
    department = implementation.department
    case = Case(
        uid=uid, implementation=implementation, matter_version=data.version, department=department,
        division_id=department.division_id, workflow=workflow, state=state, phase=Phase.DRAFT, channel=channel,
        applicant=applicant, applicant_name=applicant.display_name, applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone, answers=stored, bundle=bundle)
    applicant_snapshot(case, stored, data.form)
    rows = []
    for material, upload in files:
        if material.version_id != data.version.pk:
            raise ValidationError({"material": f"“{material.name}”不属于{data.version.name}。"})
        if isinstance(upload, CaseFile):
            rows.append(CaseFile(case=case, kind=upload.kind, material=material, file=upload.file.name,
                                 original_name=upload.original_name, detected_type=upload.detected_type,
                                 size=upload.size, sha256=upload.sha256, uploaded_by=applicant))
        else:
            upload.seek(0)
            rows.append(stored_file(applicant, case, material, upload))
    case.save(force_insert=True)
    if rows:
        CaseFile.objects.bulk_create(rows)
    record(case, applicant, "start", "填写申请", public=False, data={"channel": channel})
    return case, errors, rows
