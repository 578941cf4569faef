"""Writes of the registries app, and the one gate every registry read goes through (`read`).

- Resource catalogue: `register_resource`, `publish_resource`, `withdraw_resource` (the owner's data
  steward, 数据专员).
- Sharing: `grant_access`, `revoke_grant` (the steward of the resource's owner approves).
- Reading: `read()` checks who asks, for which case, the case's matter and department, the grant and
  its fields, writes one AccessLog row whatever the answer, and refuses with a Chinese message.
  `match_person()` is the platform's own 实名认证 lookup, logged the same way.

Actors: a user, or a string naming a trusted system process (the demo loader, a shell import).
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.organisations import current_authorisations
from tongban.accounts.selectors import can_act_for_department
from tongban.core.actors import as_user
from tongban.core.actors import label as actor_label
from tongban.core.services import audit
from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.registries import records
from tongban.registries.codes import BASE_FIELDS, BASE_SUBJECT, Storage
from tongban.registries.models import (
    AccessLog,
    DataResource,
    Grant,
    LegalEntity,
    MaterialRule,
    Person,
    PrefillRule,
    ResourceField,
    Scope,
)
from tongban.registries.purposes import Purpose, purpose_for_case_number

# Staff who may read a registry for a case of their department (受理 and 审批).
READER_ROLES = (Role.CLERK, Role.APPROVER)
PLATFORM = "平台（实名认证）"


class RegistryAccessDenied(PermissionDenied):
    """A read the rules refuse; the AccessLog row is already written."""

    def __init__(self, message: str, log: AccessLog):
        super().__init__(message)
        self.log = log


@dataclass(frozen=True)
class Reading:
    records: list[dict]
    log: AccessLog

    @property
    def first(self) -> dict | None:
        return self.records[0] if self.records else None


def _is_system(actor) -> bool:
    return actor is None or isinstance(actor, str)






def require_steward(actor, department) -> None:
    """The data steward (数据专员) of `department`, a platform admin, or a system process."""
    if _is_system(actor):
        return
    if not can_act_for_department(actor, Role.STEWARD, department):
        raise PermissionDenied(f"只有“{department.name}”的数据专员可以管理该部门的数据资源和共享授权。")


# -- the resource catalogue -----------------------------------------------------------------------

@transaction.atomic
def register_resource(actor, *, code: str, name: str, owner, storage: str = Storage.GENERIC,
                      fields: list[dict] | None = None, subject_kind: str = "", **details) -> DataResource:
    """A new catalogue entry (unpublished). Base resources get their fields from codes.BASE_FIELDS;
    others list theirs: [{"key": "certificate_number", "name": "不动产权证号", "type": "text",
    "sensitive": False}, …]."""
    require_steward(actor, owner)
    kind = DataResource.Kind.BASE if storage != Storage.GENERIC else details.pop("kind", DataResource.Kind.TOPIC)
    details.pop("kind", None)
    subject_kind = subject_kind or BASE_SUBJECT.get(storage, DataResource.Subject.ANY if storage == Storage.CREDIT
                                                    else DataResource.Subject.PERSON)
    resource = DataResource(code=code, name=name, owner=owner, storage=storage, kind=kind,
                            subject_kind=subject_kind, **details)
    resource.full_clean()
    resource.save()
    if storage != Storage.GENERIC:
        fields = [{"key": k, "name": n, "type": t, "sensitive": s} for k, n, t, s in BASE_FIELDS[storage]]
    if not fields:
        raise ValidationError({"fields": "请至少登记一个资源字段"})
    errors = []
    for order, spec in enumerate(fields, start=1):
        row = ResourceField(resource=resource, order=order, key=spec.get("key", ""), name=spec.get("name", ""),
                            type=spec.get("type", "text"), sensitive=bool(spec.get("sensitive")))
        try:
            row.full_clean(exclude=["resource"])
            row.clean()
        except ValidationError as exc:
            errors += [f"第{order}个字段（{row.name or row.key}）：{m}" for m in exc.messages]
            continue
        row.save()
    if errors:
        raise ValidationError({"fields": errors})
    audit(actor, "registries.resource.register", resource, f"登记数据资源“{name}”（{owner.name}）",
          {"code": code, "storage": storage, "fields": [f["key"] for f in fields]})
    return resource


@transaction.atomic
def publish_resource(actor, resource: DataResource) -> DataResource:
    require_steward(actor, resource.owner)
    if not resource.fields.exists():
        raise ValidationError({"fields": "资源没有字段，不能发布"})
    if resource.status != DataResource.Status.PUBLISHED:
        resource.status = DataResource.Status.PUBLISHED
        resource.published_at = timezone.now()
        resource.save(update_fields=["status", "published_at"])
        audit(actor, "registries.resource.publish", resource, f"发布数据资源“{resource.name}”")
    return resource


@transaction.atomic
def withdraw_resource(actor, resource: DataResource) -> DataResource:
    require_steward(actor, resource.owner)
    if resource.status != DataResource.Status.WITHDRAWN:
        resource.status = DataResource.Status.WITHDRAWN
        resource.save(update_fields=["status"])
        audit(actor, "registries.resource.withdraw", resource, f"停用数据资源“{resource.name}”")
    return resource


def base_resource(storage: str) -> DataResource | None:
    return DataResource.objects.filter(storage=storage).select_related("owner").first()


# -- grants --------------------------------------------------------------------------------------------

@transaction.atomic
def grant_access(actor, *, resource: DataResource, consumer, fields: list[str], matters, basis: str,
                 valid_from: dt.date | None = None, valid_until: dt.date | None = None) -> Grant:
    """The owner's steward lets `consumer` read `fields` of `resource` for `matters`."""
    require_steward(actor, resource.owner)
    errors = {}
    if not resource.is_published:
        errors["resource"] = f"数据资源“{resource.name}”尚未发布，不能授权共享"
    matters = list(matters)
    if not matters:
        errors["matters"] = "请至少选择一个适用事项（共享授权按事项授予）"
    if not (basis or "").strip():
        errors["basis"] = "请填写共享依据"
    grant = Grant(resource=resource, consumer=consumer, fields=list(dict.fromkeys(fields or [])), basis=basis,
                  valid_from=valid_from or timezone.localdate(), valid_until=valid_until,
                  approved_by=as_user(actor), approved_at=timezone.now())
    try:
        grant.full_clean()
    except ValidationError as exc:
        errors = {**exc.message_dict, **errors}  # our messages say more than "此字段不能为空"
    if errors:
        raise ValidationError(errors)
    grant.save()
    grant.matters.set(matters)
    audit(actor, "registries.grant.create", grant,
          f"授权“{consumer.name}”读取“{resource.name}”（{len(grant.fields)}个字段，{len(matters)}个事项）",
          {"fields": grant.fields, "matters": [m.basic_code for m in matters],
           "valid_from": grant.valid_from.isoformat(),
           "valid_until": grant.valid_until.isoformat() if grant.valid_until else None})
    return grant


@transaction.atomic
def revoke_grant(actor, grant: Grant) -> Grant:
    require_steward(actor, grant.resource.owner)
    if grant.revoked_at is None:
        grant.revoked_at, grant.revoked_by = timezone.now(), as_user(actor)
        grant.save(update_fields=["revoked_at", "revoked_by"])
        audit(actor, "registries.grant.revoke", grant, f"撤销“{grant.consumer.name}”读取“{grant.resource.name}”的授权")
    return grant


def granted_fields(resource: DataResource, department, matter, day: dt.date | None = None) -> dict[str, Grant]:
    """field key → a grant allowing `department` to read it for `matter` on `day` (a grant check,
    not a read: nothing is logged)."""
    day = day or timezone.localdate()
    grants = (Grant.objects.filter(resource=resource, consumer=department, matters=matter, revoked_at__isnull=True,
                                   valid_from__lte=day)
              .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day)).order_by("valid_from", "pk"))
    out = {}
    for grant in grants:
        for key in grant.fields:
            out.setdefault(key, grant)
    return out


# -- the one gate for reads --------------------------------------------------------------------------

def _resource(resource) -> DataResource:
    if isinstance(resource, DataResource):
        return resource
    found = DataResource.objects.select_related("owner").filter(code=resource).first()
    if found is None:
        raise ValidationError({"resource": f"数据资源“{resource}”不存在"})
    return found


def _subject_ok(resource: DataResource, key: str) -> bool:
    if resource.subject_kind == DataResource.Subject.PERSON:
        return is_valid_id_number(key)
    if resource.subject_kind == DataResource.Subject.ORGANISATION:
        return is_valid_credit_code(key)
    return is_valid_id_number(key) or is_valid_credit_code(key)


def represented_codes(user, matter=None) -> set[str]:
    """统一社会信用代码 of the organisations the person may act for (in `matter`, when given): where the
    法人库 names them 法定代表人, and where the organisation authorised them (经办人授权, accounts)."""
    codes = {a.organisation.credit_code for a in current_authorisations(user)
             if a.covers(matter.basic_code if matter is not None else None)}
    number = (getattr(user, "id_number", "") or "").upper()
    if number:
        codes.update(LegalEntity.objects.filter(legal_representative_id_number=number)
                     .values_list("credit_code", flat=True))
    return codes


def own_identifiers(user, matter=None) -> set[str]:
    """The person's 公民身份号码 and the organisations they represent."""
    number = (getattr(user, "id_number", "") or "").upper()
    return ({number} if number else set()) | represented_codes(user, matter)


def _refusal(actor, resource, key, purpose: Purpose, wanted, today) -> tuple[str, Grant | None]:
    """(Chinese reason, None) when refused; ("", grant) when allowed."""
    if not resource.is_published:
        return f"数据资源“{resource.name}”未发布或已停用，不能查询", None
    if purpose.department is None or purpose.matter is None:
        return "未说明查询用途：请注明办件编号", None
    user = as_user(actor)
    staff = user is not None and any(can_act_for_department(user, role, purpose.department) for role in READER_ROLES)
    if not staff:
        if user is None or user.pk != purpose.applicant_id:
            return f"您不是“{purpose.department.name}”的受理或审批人员，也不是该办件的申请人，不能查询", None
        if key not in own_identifiers(user, purpose.matter):
            return "申请人只能调取本人或本人代表（法定代表人、经授权的经办人）的单位的信息", None
    if purpose.parties and key not in purpose.parties:
        return "查询对象不是该办件的申请人或申请表中列明的当事人", None
    allowed = granted_fields(resource, purpose.department, purpose.matter, today)
    if not allowed:
        return (f"“{purpose.department.name}”没有读取“{resource.name}”用于“{purpose.matter_name}”的共享授权"
                f"（或授权已过期、已撤销）"), None
    missing = [f for f in wanted if f not in allowed]
    if missing:
        names = dict(resource.fields.values_list("key", "name"))
        return f"共享授权不包含这些字段：{'、'.join(names.get(f, f) for f in missing)}", None
    return "", allowed[wanted[0]]


def read(actor, resource, subject_key: str, *, purpose: Purpose, fields: list[str] | None = None) -> Reading:
    """Read `fields` of `subject_key`'s records in `resource` for `purpose` (a case).

    Every call that names a well-formed subject writes one AccessLog row (allowed or refused).
    Refused: RegistryAccessDenied (a PermissionDenied) with a Chinese message. Not found: an empty
    Reading. Callers inside a transaction that must keep the refusal's log row should not roll back
    on it (the intake helpers check grants first and only read what is granted).
    """
    resource = _resource(resource)
    key = (subject_key or "").strip().upper()
    if not _subject_ok(resource, key):
        raise ValidationError({"subject_key": f"查询对象应为有效的{resource.get_subject_kind_display()}"})
    known = list(resource.fields.values_list("key", flat=True))
    if fields is None:
        today_fields = granted_fields(resource, purpose.department, purpose.matter) if purpose.department else {}
        fields = [k for k in known if k in today_fields] or known
    unknown = [f for f in fields if f not in known]
    if unknown or not fields:
        raise ValidationError({"fields": f"资源“{resource.name}”没有这些字段：{'、'.join(unknown) or '（未指定）'}"})
    today = timezone.localdate()
    refusal, grant = _refusal(actor, resource, key, purpose, fields, today)
    rows = [] if refusal else records.fetch(resource, key, fields)
    log = AccessLog.objects.create(
        actor=as_user(actor), actor_label=actor_label(actor), consumer=purpose.department,
        consumer_label=(purpose.department.name if purpose.department else PLATFORM)[:100], resource=resource,
        subject_key=key, fields=list(fields), purpose=purpose.kind, case_number=purpose.case_number,
        case_ref=purpose.case_ref, matter=purpose.matter, matter_name=purpose.matter_name[:200],
        allowed=not refusal, found=bool(rows), refusal=refusal[:300], grant=grant)
    if refusal:
        raise RegistryAccessDenied(refusal, log)
    return Reading(rows, log)


def read_for_case(actor, resource, subject_key: str, *, purpose_case_number: str,
                  fields: list[str] | None = None) -> Reading:
    """`read()` for a case given by its number (the API). An unknown number is refused and logged."""
    purpose = purpose_for_case_number((purpose_case_number or "").strip())
    if purpose is None:
        resource = _resource(resource)
        key = (subject_key or "").strip().upper()
        if not _subject_ok(resource, key):
            raise ValidationError({"subject_key": f"查询对象应为有效的{resource.get_subject_kind_display()}"})
        message = f"办件编号“{purpose_case_number}”不存在，不能作为查询用途"
        log = AccessLog.objects.create(
            actor=as_user(actor), actor_label=actor_label(actor), consumer=None, consumer_label="（未知办件）",
            resource=resource, subject_key=key, fields=list(fields or []), purpose=AccessLog.Purpose.CASE,
            case_number=(purpose_case_number or "")[:64], allowed=False, refusal=message[:300])
        raise RegistryAccessDenied(message, log)
    return read(actor, resource, subject_key, purpose=purpose, fields=fields)


# -- 实名认证 ------------------------------------------------------------------------------------------

_NAME_NOISE = re.compile(r"[\s·•・.]")


def match_person(id_number: str, name: str, *, actor=None) -> bool:
    """实名认证: does the population registry hold a living person with this number and this name?

    The platform's own lookup (no grant, no case): logged with purpose 实名认证 and the platform as
    consumer, so the person sees it on 谁用了我的数据. Only yes/no leaves this function.
    """
    number = (id_number or "").strip().upper()
    resource = base_resource(Storage.POPULATION)
    if resource is None or not is_valid_id_number(number) or not (name or "").strip():
        return False
    person = Person.objects.filter(id_number=number).only("name", "hukou_status").first()
    matched = bool(person and person.hukou_status == "normal"
                   and _NAME_NOISE.sub("", person.name) == _NAME_NOISE.sub("", name))
    AccessLog.objects.create(
        actor=as_user(actor), actor_label=actor_label(actor) if actor else PLATFORM, consumer=None, consumer_label=PLATFORM,
        resource=resource, subject_key=number, fields=["name"], purpose=AccessLog.Purpose.IDENTITY,
        allowed=True, found=person is not None, refusal="" if matched else "姓名与号码不一致或无此人")
    return matched


# -- rules (data) --------------------------------------------------------------------------------------

@transaction.atomic
def save_material_rule(actor, *, name_contains: str, resource: DataResource, party: str, fields: list[str],
                       matter=None, scope: str = Scope.EXEMPT) -> MaterialRule:
    require_steward(actor, resource.owner)
    rule = MaterialRule.objects.filter(name_contains=name_contains, matter=matter, resource=resource).first() \
        or MaterialRule(name_contains=name_contains, matter=matter, resource=resource)
    rule.party, rule.fields, rule.scope, rule.active = party, list(fields), scope, True
    rule.full_clean()
    rule.save()
    audit(actor, "registries.material_rule.save", rule, f"免提交材料“{name_contains}”由“{resource.name}”核验",
          {"fields": rule.fields, "party": party})
    return rule


@transaction.atomic
def save_prefill_rule(actor, *, prefill: str, resource: DataResource, field: str, party: str) -> PrefillRule:
    require_steward(actor, resource.owner)
    rule = PrefillRule.objects.filter(prefill=prefill).first() or PrefillRule(prefill=prefill)
    rule.resource, rule.field, rule.party = resource, field, party
    rule.full_clean()
    rule.save()
    audit(actor, "registries.prefill_rule.save", rule, f"申请表“{prefill}”从“{resource.name}”预填",
          {"field": field, "party": party})
    return rule
