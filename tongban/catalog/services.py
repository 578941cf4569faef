"""Every write to the catalogue: versions, their workflow, implementations. Each one audited."""

import contextlib
import contextvars

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Implementation, Matter, MatterVersion
from tongban.catalog.spec import FORM_KEY, apply_spec, carry_form, normalise_spec, version_spec
from tongban.core.actors import as_user
from tongban.core.services import audit
from tongban.forms.spec import validate_form_spec
from tongban.org.models import Department


def _require_editor(actor, department: Department) -> None:
    if actor is None:  # system jobs (demo loader, trusted imports run by an admin command)
        return
    if not can_act_for_department(actor, Role.EDITOR, department):
        raise PermissionDenied(f"您无权维护{department.name}的事项")


_reindex_batch: contextvars.ContextVar[set | None] = contextvars.ContextVar("catalog_reindex_batch", default=None)


def _after_commit_reindex(matter_ids):
    batch = _reindex_batch.get()
    if batch is not None:
        batch.update(matter_ids)
        return
    from tongban.catalog.indexing import reindex_matters

    ids = list(matter_ids)
    transaction.on_commit(lambda: reindex_matters(ids))


@contextlib.contextmanager
def batched_reindex():
    """Bulk writers (the Excel import, the demo loader) reindex the search once for all the
    matters they touched, after their transaction commits, instead of once per write."""
    batch: set = set()
    token = _reindex_batch.set(batch)
    try:
        yield batch
    finally:
        _reindex_batch.reset(token)
    if batch:
        from tongban.catalog.indexing import reindex_matters

        ids = sorted(batch)
        transaction.on_commit(lambda: reindex_matters(ids))


@transaction.atomic
def create_matter(actor, *, basic_code: str, owner_department: Department, spec: dict) -> MatterVersion:
    """A new standard matter with its first draft version."""
    _require_editor(actor, owner_department)
    matter = Matter(basic_code=basic_code, name=spec.get("name", ""), matter_type=spec.get("matter_type", ""),
                    owner_department=owner_department)
    matter.full_clean(exclude=["current_version"])
    matter.save()
    version = MatterVersion(matter=matter, number=1, created_by=as_user(actor), **_placeholders(spec))
    apply_spec(version, spec)
    audit(actor, "catalog.matter.create", matter, f"新建事项 {matter.name}", {"basic_code": basic_code})
    return version


def _placeholders(spec):
    # apply_spec sets every scalar; the model only needs these to save the first row.
    return {"name": spec.get("name", ""), "matter_type": spec.get("matter_type", "01"),
            "legal_basis": "", "conditions": "", "levels": "3", "promised_limit_days": 0}




@transaction.atomic
def start_new_version(actor, matter: Matter, change_note: str = "") -> MatterVersion:
    """A draft copied from the newest version; there is at most one open draft per matter."""
    _require_editor(actor, matter.owner_department)
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    open_draft = matter.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).first()
    if open_draft:
        raise ValidationError({"version": f"该事项已有未发布的版本 v{open_draft.number}，请先完成或取消"})
    base = matter.versions.order_by("-number").first()
    version = MatterVersion(matter=matter, number=base.number + 1, change_note=change_note,
                            created_by=as_user(actor), **_placeholders(version_spec(base)))
    apply_spec(version, version_spec(base))
    audit(actor, "catalog.version.start", version, f"新建 {matter.name} v{version.number} 草稿")
    return version


@transaction.atomic
def update_draft(actor, version: MatterVersion, spec: dict) -> MatterVersion:
    _require_editor(actor, version.matter.owner_department)
    before = version_spec(version)
    apply_spec(version, {**before, **spec})
    changed = sorted(k for k in spec if before.get(k) != normalise_spec({**before, **spec}).get(k))
    audit(actor, "catalog.version.update", version, f"修改 {version.name} v{version.number}", {"fields": changed})
    return version


@transaction.atomic
def submit_version(actor, version: MatterVersion) -> MatterVersion:
    _require_editor(actor, version.matter.owner_department)
    version = MatterVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError({"status": "只有草稿可以提交审核"})
    _check_complete(version)
    version.status, version.submitted_by, version.submitted_at = VersionStatus.SUBMITTED, as_user(actor), timezone.now()
    version.save()
    audit(actor, "catalog.version.submit", version, f"提交 {version.name} v{version.number} 审核")
    return version


def _check_complete(version: MatterVersion) -> None:
    errors = {}
    if not version.legal_basis.strip():
        errors["legal_basis"] = "设定依据不能为空"
    if not version.conditions.strip():
        errors["conditions"] = "受理条件不能为空"
    if not version.service_objects.exists():
        errors["service_objects"] = "请选择服务对象"
    if not version.steps.exists():
        errors["steps"] = "请填写办理流程"
    if not version.results.exists():
        errors["results"] = "请填写办理结果"
    # Checked again at submit and publish: a form edited as JSON must never reach applicants broken.
    form_problems = validate_form_spec(version.form_spec)
    if form_problems:
        errors[FORM_KEY] = ["申请表单有误：" + p for p in form_problems]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def publish_version(actor, version: MatterVersion) -> MatterVersion:
    """Publish a submitted version; the previous published one stays readable for old cases."""
    _require_editor(actor, version.matter.owner_department)
    version = MatterVersion.objects.select_for_update().select_related("matter").get(pk=version.pk)
    if version.status != VersionStatus.SUBMITTED:
        raise ValidationError({"status": "只有待审核的版本可以发布"})
    _check_complete(version)
    return _publish(actor, version)


def _publish(actor, version: MatterVersion) -> MatterVersion:
    now = timezone.now()
    matter = version.matter
    previous = matter.current_version
    if previous is not None:
        previous.superseded_at = now
        previous.save(update_fields=["superseded_at"])
    version.status, version.published_by, version.published_at = VersionStatus.PUBLISHED, as_user(actor), now
    version.save()
    matter.current_version, matter.name, matter.matter_type = version, version.name, version.matter_type
    matter.save(update_fields=["current_version", "name", "matter_type"])
    audit(actor, "catalog.version.publish", version, f"发布 {version.name} v{version.number}",
          {"previous": previous.number if previous else None})
    _after_commit_reindex([matter.pk])
    return version


@transaction.atomic
def cancel_version(actor, version: MatterVersion, reason: str) -> MatterVersion:
    """Withdraw a draft, or cancel the matter's published version (the matter leaves the catalogue)."""
    _require_editor(actor, version.matter.owner_department)
    if not reason.strip():
        raise ValidationError({"reason": "请填写取消原因"})
    version = MatterVersion.objects.select_for_update().select_related("matter").get(pk=version.pk)
    if version.status == VersionStatus.CANCELLED:
        raise ValidationError({"status": "该版本已取消"})
    version.status, version.cancelled_by, version.cancelled_at = VersionStatus.CANCELLED, as_user(actor), timezone.now()
    version.save(update_fields=["status", "cancelled_by", "cancelled_at"])
    matter = version.matter
    if matter.current_version_id == version.pk:
        matter.current_version = None
        matter.save(update_fields=["current_version"])
        _after_commit_reindex([matter.pk])
    audit(actor, "catalog.version.cancel", version, f"取消 {version.name} v{version.number}", {"reason": reason})
    return version


LOCAL_FIELDS = ("place", "hours", "consult_phone", "supervise_phone", "site")


@transaction.atomic
def add_implementation(actor, matter: Matter, department: Department, **local) -> Implementation:
    _require_editor(actor, department)
    level = department.division.level
    impl = Implementation(matter=matter, department=department, level=level,
                          code=Implementation.derive_code(department, level, matter.basic_code),
                          **{k: v for k, v in local.items() if k in LOCAL_FIELDS})
    impl.full_clean()
    impl.save()
    audit(actor, "catalog.implementation.create", impl, f"{department.name} 实施 {matter.name}",
          {"code": impl.code})
    _after_commit_reindex([matter.pk])
    return impl


@transaction.atomic
def update_implementation(actor, impl: Implementation, **local) -> Implementation:
    """Only the local fields may differ between levels ("四级十同")."""
    _require_editor(actor, impl.department)
    illegal = sorted(set(local) - set(LOCAL_FIELDS))
    if illegal:
        raise ValidationError({f: "四级十同：该要素由标准事项统一维护，实施清单只能修改办理地点、时间和电话"
                               for f in illegal})
    before = {k: getattr(impl, k) for k in local}
    for k, v in local.items():
        setattr(impl, k, v)
    impl.full_clean()
    impl.save()
    audit(actor, "catalog.implementation.update", impl, f"修改实施清单 {impl.code}",
          {k: [str(before[k]), str(v)] for k, v in local.items() if before[k] != v})
    return impl


@transaction.atomic
def cancel_implementation(actor, impl: Implementation, reason: str) -> Implementation:
    _require_editor(actor, impl.department)
    if not reason.strip():
        raise ValidationError({"reason": "请填写取消原因"})
    impl.status = Implementation.Status.CANCELLED
    impl.save(update_fields=["status", "updated_at"])
    audit(actor, "catalog.implementation.cancel", impl, f"取消实施清单 {impl.code}", {"reason": reason})
    _after_commit_reindex([impl.matter_id])
    return impl


@transaction.atomic
def publish_spec(actor, *, basic_code: str, owner_department: Department, spec: dict,
                 change_note: str = "") -> tuple[MatterVersion, bool]:
    """Make `spec` the published standard of `basic_code`: create the matter, or publish a new
    version if the elements differ, or do nothing if they are the same (idempotent re-import).

    Used by trusted bulk paths (the Excel import, the demo loader); returns (version, changed).
    """
    matter = Matter.objects.select_for_update().filter(basic_code=basic_code).first()
    if matter is None:
        version = create_matter(actor, basic_code=basic_code, owner_department=owner_department, spec=spec)
        _check_complete(version)
        return _publish(actor, version), True
    _require_editor(actor, matter.owner_department)
    current = matter.current_version
    spec = carry_form(spec, current)  # a workbook has no form column: keep the published form
    if current is not None and version_spec(current) == normalise_spec(spec):
        return current, False
    matter.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).update(
        status=VersionStatus.CANCELLED, cancelled_at=timezone.now())
    number = (matter.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = MatterVersion(matter=matter, number=number, change_note=change_note or "批量导入",
                            created_by=as_user(actor), **_placeholders(spec))
    apply_spec(version, spec)
    _check_complete(version)
    return _publish(actor, version), True


