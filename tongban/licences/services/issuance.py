"""Issuing, changing (变更) and revoking (注销) licences. Every licence is sealed when it is made.

行政许可法 §44: the certificate is issued within 10 days of the decision — here at the moment the
case completes (receivers.py). §70: a licence whose holder ceases, or that is withdrawn or revoked,
is cancelled (注销) — the record stays with the reason. A change (§49) issues a new version with a
new identifier; the old version is kept, marked superseded, and points to its successor.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.cases.models import ApplicantKind, Case, CaseResult
from tongban.core.history import append
from tongban.core.serials import next_value
from tongban.core.services import audit
from tongban.forms.defaults import effective_form
from tongban.licences import sealing
from tongban.licences.identifiers import make_identifier
from tongban.licences.models import (
    HolderKind,
    IdType,
    Licence,
    LicenceEvent,
    LicenceStatus,
    LicenceType,
)
from tongban.licences.services.seals import active_seal, sign_with
from tongban.org.models import Department

SYSTEM = "电子证照系统"






def require_issuer_staff(actor, department: Department) -> None:
    """Approvers of the issuing department (and platform administrators) issue, change and revoke."""
    if actor is None or isinstance(actor, str):
        return  # the platform itself, when a case completes
    if getattr(actor, "is_superuser", False) or can_act_for_department(actor, Role.APPROVER, department) \
            or can_act_for_department(actor, Role.ADMIN, department):
        return
    raise PermissionDenied(f"您不是{department.name}的审批人员，不能签发、变更或注销该部门的证照。")


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def expiry_for(licence_type: LicenceType, issued_on: date) -> date | None:
    """N years from the issue date, the day before the anniversary (e.g. 2026-05-01 → 2031-04-30)."""
    if not licence_type.validity_years:
        return None
    return add_years(issued_on, licence_type.validity_years) - timedelta(days=1)


def _next_serial(licence_type: LicenceType, issuer: Department) -> int:
    """Serials run per type and issuer and never restart (GB/T 36904's identifier carries them)."""
    return next_value(f"licence:{licence_type.pk}:{issuer.pk}")


def _seal(licence: Licence, actor) -> None:
    """Digest the canonical data, sign the statement with the issuer's active seal."""
    seal = active_seal(licence.issuer, actor=actor)
    now = timezone.now()
    digest = sealing.digest_of(licence)
    signed = sealing.statement(licence, digest=digest, key_id=seal.key_id, sealed_on=timezone.localdate(now))
    licence.seal = seal
    licence.digest = digest
    licence.sealed_at = now
    licence.signature = sign_with(seal, sealing.canonical_json(signed)).hex()


def _holder_id_type(kind: str) -> str:
    return IdType.ID_CARD if kind == HolderKind.PERSON else IdType.CREDIT_CODE


def _clean_data(licence_type: LicenceType, data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValidationError({"data": "证照信息应为“字段: 值”的对象"})
    clean = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = "、".join(str(v) for v in value)
        clean[str(key)] = "" if value is None else str(value).strip()[:500]
    return clean


@transaction.atomic
def issue_licence(actor, *, licence_type: LicenceType, issuer: Department, holder_kind: str, holder_name: str,
                  holder_id_number: str, issued_on: date | None = None, valid_until: date | None = None,
                  number: str = "", data: dict | None = None, case: Case | None = None) -> Licence:
    require_issuer_staff(actor, issuer)
    if not licence_type.active:
        raise ValidationError({"licence_type": f"证照类型“{licence_type.name}”已停用"})
    if holder_kind not in HolderKind.values:
        raise ValidationError({"holder_kind": "请选择“持证主体类型”（自然人或法人）"})
    if licence_type.holder_kind and holder_kind != licence_type.holder_kind:
        raise ValidationError({"holder_kind": f"“{licence_type.name}”的持证主体应为"
                                              f"{HolderKind(licence_type.holder_kind).label}"})
    issued_on = issued_on or timezone.localdate()
    serial = _next_serial(licence_type, issuer)
    licence = Licence(
        identifier=make_identifier(licence_type.code, issuer.credit_code, serial, 1),
        licence_type=licence_type, issuer=issuer, serial=serial, version=1, number=(number or "").strip()[:80],
        holder_kind=holder_kind, holder_name=(holder_name or "").strip()[:200],
        holder_id_type=_holder_id_type(holder_kind), holder_id_number=(holder_id_number or "").strip().upper(),
        issued_on=issued_on, valid_until=valid_until or expiry_for(licence_type, issued_on),
        data=_clean_data(licence_type, data or {}), case=case)
    licence.number = licence.number or f"{licence_type.code}{issuer.credit_code[-6:]}{serial:08d}"
    licence.full_clean(exclude=["seal", "digest", "signature", "sealed_at"])
    _seal(licence, actor)
    licence.save()
    _event(licence, actor, LicenceEvent.Action.ISSUE, f"办件 {case.number} 办结" if case else "",
           {"identifier": licence.identifier, "seal": licence.seal.key_id})
    audit(actor or SYSTEM, "licences.issue", licence, f"签发 {licence_type.name} {licence.number}",
          {"identifier": licence.identifier, "case": case.number if case else "", "seal": licence.seal.key_id},
          object_id=licence.identifier)
    return licence


def _event(licence: Licence, actor, action: str, reason: str, data: dict | None = None) -> None:
    append(LicenceEvent, actor, action, LicenceEvent.Action(action).label, comment=reason, data=data,
           default_actor=SYSTEM, licence=licence)


def _locked(licence: Licence) -> Licence:
    return Licence.objects.select_for_update().get(pk=licence.pk)


@transaction.atomic
def change_licence(actor, licence: Licence, *, reason: str, data: dict | None = None, holder_name: str | None = None,
                   number: str | None = None, valid_until: date | None = None) -> Licence:
    """变更: a new version with the changed fields; the old one is kept and marked superseded."""
    old = _locked(licence)
    require_issuer_staff(actor, old.issuer)
    if old.status != LicenceStatus.VALID:
        raise ValidationError(f"证照当前状态为“{old.get_status_display()}”，不能变更。")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明“变更事项及原因”"})
    new = Licence(
        identifier=make_identifier(old.licence_type.code, old.issuer.credit_code, old.serial, old.version + 1),
        licence_type=old.licence_type, issuer=old.issuer, serial=old.serial, version=old.version + 1,
        number=(number if number is not None else old.number).strip()[:80],
        holder_kind=old.holder_kind, holder_name=(holder_name if holder_name is not None else old.holder_name).strip(),
        holder_id_type=old.holder_id_type, holder_id_number=old.holder_id_number,
        issued_on=timezone.localdate(), valid_until=valid_until if valid_until is not None else old.valid_until,
        data={**old.data, **_clean_data(old.licence_type, data or {})}, previous=old, case=old.case)
    changed = sorted(k for k in new.data if new.data.get(k) != old.data.get(k))
    if new.holder_name != old.holder_name:
        changed.append("holder_name")
    if new.number != old.number:
        changed.append("number")
    if new.valid_until != old.valid_until:
        changed.append("valid_until")
    if not changed:
        raise ValidationError({"data": "没有变更任何内容"})
    new.full_clean(exclude=["seal", "digest", "signature", "sealed_at", "previous"])
    old.status = LicenceStatus.SUPERSEDED
    old.save(update_fields=["status"])
    _seal(new, actor)
    new.save()
    for lic, action in ((old, LicenceEvent.Action.CHANGE), (new, LicenceEvent.Action.ISSUE)):
        _event(lic, actor, action, reason.strip()[:300],
               {"from": old.identifier, "to": new.identifier, "fields": changed})
    audit(actor, "licences.change", new, f"变更 {new.licence_type.name} {new.number}：{reason.strip()}",
          {"from": old.identifier, "to": new.identifier, "fields": changed}, object_id=new.identifier)
    return new


@transaction.atomic
def revoke_licence(actor, licence: Licence, *, reason: str) -> Licence:
    """注销 with a reason; the licence and its seal stay, the verify page says 已注销."""
    licence = _locked(licence)
    require_issuer_staff(actor, licence.issuer)
    if licence.status != LicenceStatus.VALID:
        raise ValidationError(f"证照当前状态为“{licence.get_status_display()}”，不能注销。")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明“注销原因”（如被依法撤销、主体终止、申请人申请注销）"})
    licence.status = LicenceStatus.REVOKED
    licence.revoked_at = timezone.now()
    licence.revoke_reason = reason.strip()[:300]
    licence.save(update_fields=["status", "revoked_at", "revoke_reason"])
    _event(licence, actor, LicenceEvent.Action.REVOKE, licence.revoke_reason)
    audit(actor, "licences.revoke", licence, f"注销 {licence.licence_type.name} {licence.number}：{licence.revoke_reason}",
          {"identifier": licence.identifier}, object_id=licence.identifier)
    return licence


# -- from a completed case ------------------------------------------------------------------------

def type_for_result(name: str) -> LicenceType | None:
    for t in LicenceType.objects.filter(active=True).order_by("code"):
        if name == t.name or name in (t.result_names or []):
            return t
    return None


def _template_data(licence_type: LicenceType, case: Case) -> dict:
    """Each template field from the first of its form keys the applicant filled, choices as labels."""
    labels = {}
    for f in effective_form(case.matter_version):
        if f.get("options"):
            labels[f["key"]] = {str(o["value"]): o["label"] for o in f["options"]}
    answers = case.answers or {}
    data = {}
    for f in licence_type.fields or []:
        for key in f.get("from") or [f["key"]]:
            value = answers.get(key)
            if value in (None, "", []):
                continue
            names = labels.get(key, {})
            if isinstance(value, list):
                value = "、".join(names.get(str(v), str(v)) for v in value)
            elif isinstance(value, bool):
                value = "是" if value else "否"
            else:
                value = names.get(str(value), str(value))
            data[f["key"]] = value
            break
    return data


def issue_for_results(case: Case, results: list[CaseResult], actor=None) -> list[Licence]:
    """Called when a case's results are registered (cases.signals.results_registered): one licence per
    result of kind "licence" whose name a licence type claims. Runs in the deciding transaction, so a
    licence exists exactly when the decision does; results no type claims are left to paper."""
    if case.outcome != "approved":
        return []
    made = []
    for result in results:
        if result.kind != "licence":
            continue
        licence_type = type_for_result(result.name)
        if licence_type is None:
            audit(SYSTEM, "licences.not_issued", case, f"{case.number} “{result.name}”没有对应的证照类型，未签发电子证照",
                  object_id=case.number)
            continue
        kind = HolderKind.ORGANISATION if case.applicant_kind == ApplicantKind.ORGANISATION else HolderKind.PERSON
        try:
            with transaction.atomic():  # a licence that cannot be made must not undo the decision
                made.append(issue_licence(
                    None, licence_type=licence_type, issuer=case.department, holder_kind=kind,
                    holder_name=case.applicant_name, holder_id_number=case.applicant_id_number,
                    issued_on=_as_date(result.issued_on), valid_until=_as_date(result.valid_until),
                    number=result.number, data=_template_data(licence_type, case), case=case))
        except ValidationError as exc:
            audit(SYSTEM, "licences.not_issued", case,
                  f"{case.number} “{result.name}”未能签发电子证照：{'；'.join(exc.messages)}", object_id=case.number)
    return made


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
