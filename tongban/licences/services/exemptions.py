"""免证办 from e-licences: a material that a licence stands for is taken from the applicant's licences.

`provide(actor, case)` is the licences' provider of the cases material-source hook
(tongban/cases/materials.py, registered in LicencesConfig.ready()). For each material a
`LicenceMaterialRule` covers, it reads the holder's licences from the 电子证照库 through the
registries' one gate (purpose: the case; grant: the case's department for its matter; logged, so the
holder sees it on 谁用了我的数据) and records the answer on the case as a `MaterialLicenceCheck`:
- a valid licence (有效, not past 有效期至) → satisfied: "已通过电子证照核验，免提交（证照编号 …）";
- revoked, expired, none held, or no grant → not satisfied, and the applicant is asked to upload
  the material, with the reason.
The holder is the case's applicant: the person (their verified ID number online, the number the
clerk checked at a window), or the organisation whose credit code the form names — which an online
applicant may read only when they represent it (经办人授权 or 法定代表人; the gate checks).

A check is not repeated on every page: while the case can still be edited it is repeated only when the
holder changed or the licence it relied on is no longer valid; once submitted, the recorded answer
stands (it is what the department accepted on), and a case accepted before a rule existed is not
read at all.

Ref.: 《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）: 电子证照
共享互认、减少申请材料; 《国务院办公厅关于加快推进电子证照扩大应用领域和全国互通互认的意见》
（国办发〔2022〕3号）.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tongban.accounts.selectors import is_platform_admin
from tongban.cases.materials import Check
from tongban.cases.models import ApplicantKind, Channel, Phase
from tongban.core.services import audit
from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.licences import library
from tongban.licences.models import (
    HolderKind,
    Licence,
    LicenceMaterialRule,
    LicenceStatus,
    LicenceType,
    MaterialLicenceCheck,
    RuleScope,
)
from tongban.registries import services as registry_services
from tongban.registries.models import AccessLog
from tongban.registries.purposes import Purpose

# What a department reads to decide: which licence, its state and dates — not the licence's contents.
READ_FIELDS = ["type_code", "type_name", "identifier", "number", "status", "valid_until", "revoke_reason"]
SOURCE = library.RESOURCE_NAME
EDITABLE = (Phase.DRAFT, Phase.CORRECTION)
# A case first checked after acceptance (a rule added later) is left as accepted: staff looking at it
# must not make reads in the applicant's name. Submission itself (the fast path inserts a submitted
# case and checks at once) still reads.
FIRST_CHECK = (*EDITABLE, Phase.SUBMITTED)


# -- the provider ------------------------------------------------------------------------------------

def _matched(case) -> list[tuple]:
    """[(material, rule)] of the case's materials a licence rule covers, for its kind of holder."""
    rules = list(LicenceMaterialRule.objects.filter(active=True, licence_type__active=True)
                 .select_related("licence_type")
                 .order_by(F("matter_id").asc(nulls_last=True), "pk"))  # a matter's own rule first
    if not rules:
        return []
    matter_id = case.matter_version.matter_id
    kind = HolderKind.ORGANISATION if case.applicant_kind == ApplicantKind.ORGANISATION else HolderKind.PERSON
    matched = []
    for material in case.matter_version.materials.all():
        rule = next((r for r in rules if r.matches(material, matter_id)
                     and r.licence_type.holder_kind in ("", kind)), None)
        if rule is not None:
            matched.append((material, rule))
    return matched


def provide(actor, case) -> list[Check]:
    """Checks of the case's materials that a licence rule covers (cases.materials provider)."""
    if case.pk is None:
        return []
    matched = _matched(case)
    if not matched:
        return []
    known = {c.material_id: c for c in MaterialLicenceCheck.objects.filter(case=case).select_related("licence")}
    subject = holder_key(case)
    today = timezone.localdate()
    out = []
    for material, rule in matched:
        record = known.get(material.pk)
        if record is not None and (case.phase not in EDITABLE or (
                record.licence_type_id == rule.licence_type_id and record.subject_key == subject
                and _still_holds(record, today))):
            out.append(_as_check(record))
            continue
        if not subject or (record is None and case.phase not in FIRST_CHECK):
            continue  # nobody to look up yet (the form does not name the holder), or too late to ask
        out.append(_as_check(_record(case, material.pk, _look_up(actor, case, material, rule.licence_type, subject))))
    return out


def probe(actor, would_be, known: list[dict]) -> list[Check]:
    """The same checks for a case not filed yet (material_sources.probe): read and logged with the
    would-be case's uid, recorded nowhere — each Check's `data` is the finding the caller keeps. A known
    finding for the same licence type and holder is reused while its licence still holds."""
    by_material = {k["material_id"]: k for k in known}
    subject = holder_key(would_be)
    today = timezone.localdate()
    out = []
    for material, rule in _matched(would_be):
        prior = by_material.get(material.pk)
        finding = (prior or {}).get("data")
        if not (finding and finding.get("licence_type_id") == rule.licence_type_id
                and finding.get("subject_key") == subject and _finding_holds(finding, today)):
            if not subject:
                continue
            finding = _look_up(actor, would_be, material, rule.licence_type, subject)
        out.append(Check(material.pk, finding["satisfied"], finding["note"], SOURCE,
                         ask_applicant=not finding["satisfied"], data=finding))
    return out


def adopt(case, found: list[dict]) -> None:
    """Findings of the probe become the new case's MaterialLicenceCheck rows (no second read)."""
    for f in found:
        _record(case, f["material_id"], f["data"])


def holder_key(case) -> str:
    """The ID number or credit code of whoever would hold the licence: the case's applicant."""
    if case.applicant_kind == ApplicantKind.ORGANISATION:
        code = (case.applicant_id_number or "").strip().upper()
        return code if is_valid_credit_code(code) else ""
    number = ""
    if case.applicant_id and case.channel != Channel.WINDOW:
        number = case.applicant.id_number or ""  # online: the number the account's 实名认证 bound
    number = (number or case.applicant_id_number or "").strip().upper()
    return number if is_valid_id_number(number) else ""


def usable(licence: Licence | None, today=None) -> bool:
    today = today or timezone.localdate()
    return (licence is not None and licence.status == LicenceStatus.VALID
            and (licence.valid_until is None or licence.valid_until >= today))


def _still_holds(record: MaterialLicenceCheck, today) -> bool:
    # A licence revoked or expired since the check no longer stands for the material.
    return not record.satisfied or usable(record.licence, today)


def _as_check(record: MaterialLicenceCheck) -> Check:
    return Check(record.material_id, record.satisfied, record.note, SOURCE,
                 ask_applicant=not record.satisfied, evidence=record)


def _finding_holds(finding: dict, today) -> bool:
    if not finding.get("satisfied"):
        return True
    licence = Licence.objects.filter(pk=finding.get("licence_id")).first()
    return usable(licence, today)


def _look_up(actor, case, material, licence_type: LicenceType, subject: str) -> dict:
    """Read the holder's licences of the type and judge them: a JSON-able finding."""
    resource = library.resource()
    access, licence, satisfied = None, None, False
    upload = f"请上传“{material.name}”"
    if resource is None or not resource.is_published:
        note = f"电子证照库暂未开放共享，{upload}"
    elif any(f not in registry_services.granted_fields(resource, case.department, case.implementation.matter)
             for f in READ_FIELDS):
        # Checked before reading, so a missing grant leaves no refused read in the holder's log.
        note = f"“{case.department.name}”没有“{resource.name}”用于本事项的共享授权，{upload}"
    else:
        try:
            reading = registry_services.read(actor, resource, subject, fields=READ_FIELDS,
                                             purpose=Purpose.of_case(case, AccessLog.Purpose.MATERIAL))
        except registry_services.RegistryAccessDenied as exc:
            note, access = f"{exc.args[0]}；{upload}", exc.log
        except ValidationError as exc:  # the resource was registered with other fields
            note = f"{'；'.join(exc.messages)}；{upload}"
        else:
            access = reading.log
            found, satisfied, note = judge(reading.records, licence_type, material.name)
            if found is not None:
                licence = Licence.objects.filter(identifier=found["identifier"]).first()
    return {"licence_type_id": licence_type.pk, "subject_key": subject,
            "licence_id": licence.pk if licence is not None else None, "satisfied": satisfied,
            "note": note[:300], "access_id": access.pk if access is not None else None}


def _record(case, material_id: int, finding: dict) -> MaterialLicenceCheck:
    record, _ = MaterialLicenceCheck.objects.update_or_create(
        case=case, material_id=material_id,
        defaults={"licence_type_id": finding["licence_type_id"], "subject_key": finding["subject_key"],
                  "licence_id": finding["licence_id"], "satisfied": finding["satisfied"], "note": finding["note"],
                  "access_id": finding["access_id"]})
    return record


def judge(records: list[dict], licence_type: LicenceType, material_name: str) -> tuple[dict | None, bool, str]:
    """(the record used, satisfied, what to tell the applicant and the clerk)."""
    held = [r for r in records if r.get("type_code") == licence_type.code]
    if not held:
        return None, False, f"电子证照库中没有申请人的“{licence_type.name}”，请上传“{material_name}”"
    today = timezone.localdate().isoformat()
    valid = [r for r in held if r.get("status") == LicenceStatus.VALID.label
             and (not r.get("valid_until") or r["valid_until"] >= today)]
    if valid:
        best = valid[0]  # newest first
        return best, True, f"已通过电子证照核验，免提交（证照编号 {best.get('number') or best['identifier']}）"
    latest = held[0]
    if latest.get("status") == LicenceStatus.REVOKED.label:
        why = "已注销" + (f"（{latest['revoke_reason']}）" if latest.get("revoke_reason") else "")
    elif latest.get("valid_until") and latest["valid_until"] < today:
        why = f"已于 {latest['valid_until']} 过期"
    else:
        why = f"状态为“{latest.get('status')}”"
    number = latest.get("number") or latest["identifier"]
    return latest, False, (f"电子证照“{licence_type.name}”（证照编号 {number}）{why}，不能免提交，"
                           f"请上传有效的“{material_name}”")


# -- the rules (data) and the library's catalogue entry -----------------------------------------------

def _require_admin(actor) -> None:
    if actor is None or isinstance(actor, str):
        return  # a loader or a shell command
    if not is_platform_admin(actor):
        raise PermissionDenied("只有平台管理员可以设置电子证照免提交规则。")


@transaction.atomic
def save_material_rule(actor, *, name_contains: str, licence_type: LicenceType, matter=None,
                       scope: str = RuleScope.ISSUED, active: bool = True) -> LicenceMaterialRule:
    """Add or update the rule "materials named … of `matter` are satisfied by `licence_type`"."""
    _require_admin(actor)
    name_contains = (name_contains or "").strip()
    rule = (LicenceMaterialRule.objects.filter(name_contains=name_contains, matter=matter, licence_type=licence_type)
            .first() or LicenceMaterialRule(name_contains=name_contains, matter=matter, licence_type=licence_type))
    created = rule.pk is None
    rule.scope, rule.active = scope, active
    rule.full_clean(validate_unique=False)
    rule.save()
    audit(actor, "licences.material_rule.create" if created else "licences.material_rule.update", rule,
          f"免提交材料“{name_contains}”由电子证照“{licence_type.name}”核验"
          f"（{matter.name if matter is not None else '所有事项'}）",
          {"licence_type": licence_type.code, "matter": matter.basic_code if matter is not None else None,
           "scope": scope, "active": active})
    return rule


def register_library(actor, owner, *, publish: bool = True):
    """Enter the 电子证照库 in the data-resource catalogue (owned by `owner`, e.g. the 大数据局, whose
    data steward then grants departments its fields per matter). Existing entry: returned as is."""
    existing = library.resource()
    if existing is not None:
        return existing
    resource = registry_services.register_resource(
        actor, code=library.RESOURCE_CODE, name=library.RESOURCE_NAME, owner=owner, kind="base",
        subject_kind="any", fields=library.field_specs(), source_department="各证照签发部门",
        update_cycle="实时", description="各部门签发的电子证照（持证主体、证照编号、状态、有效期），用于免提交材料核验")
    if publish:
        registry_services.publish_resource(actor, resource)
    return resource
