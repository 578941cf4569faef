"""免证办: materials of a case that the base registries supply instead of the applicant.

A MaterialRule (data) says that a material whose name contains e.g. "居民户口簿" is checked against
the population registry for the applicant. `materials_satisfied(actor, case)` applies the rules to
the case's materials: when the case's department is granted the rule's fields for the case's
matter, it reads them through services.read (logged with the case) and records the outcome on the
case as a MaterialEvidence row. A material already satisfied is not read again; one that could not
be is tried again only when the subject changes (the applicant typed another credit code).

The cases app asks through its material-source hook (tongban/cases/materials.py), next to the
e-licence library's provider (tongban/licences/services/exemptions.py, docs/decisions/0011).

Ref.: 国务院办公厅《关于加快推进政务服务“跨省通办”的指导意见》, docs/domain.md §3 免提交 — a
material a government body holds is taken by data sharing instead of asking the applicant.
"""

from django.core.exceptions import ValidationError

from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.registries.codes import EntityStatus, HukouStatus
from tongban.registries.models import AccessLog, MaterialEvidence, MaterialRule, Party
from tongban.registries.purposes import Purpose
from tongban.registries.services import RegistryAccessDenied, granted_fields, read


def _subject(case, party: str) -> str:
    if party == Party.ORGANISATION:
        code = (case.applicant_id_number or "").upper()
        return code if is_valid_credit_code(code) else ""
    number = ""
    if case.applicant_id and case.channel != "window":
        number = case.applicant.id_number or ""
    number = (number or case.applicant_id_number or "").upper()
    return number if is_valid_id_number(number) else ""


def _judge(record: dict | None, case) -> tuple[bool, str]:
    """Is what the registry holds enough to stand for the material?"""
    if record is None:
        return False, "基础库中没有该主体的记录"
    name = record.get("name")
    if name and case.applicant_name and case.applicant_kind == "person" and name != case.applicant_name:
        return False, "基础库中的姓名与申请人不一致"
    if record.get("hukou_status") not in (None, HukouStatus.NORMAL.label):
        return False, f"户口状态为“{record['hukou_status']}”"
    if record.get("status") not in (None, EntityStatus.ACTIVE.label):
        return False, f"登记状态为“{record['status']}”"
    return True, "已通过数据共享核验，免提交"


def materials_satisfied(actor, case) -> list[tuple]:
    """[(material, MaterialEvidence)] of the case's materials the registries satisfied."""
    return [(material, evidence) for material, evidence in materials_checked(actor, case) if evidence.satisfied]


def _matched(case) -> list[tuple]:
    """[(material, rule)] of the case's materials a rule covers."""
    rules = list(MaterialRule.objects.filter(active=True).select_related("resource"))
    if not rules:
        return []
    matter_id = case.matter_version.matter_id
    matched = []
    for material in case.matter_version.materials.all():
        rule = next((r for r in rules if r.matches(material, matter_id)), None)
        if rule is not None:
            matched.append((material, rule))
    return matched


def materials_checked(actor, case) -> list[tuple]:
    """[(material, MaterialEvidence)] of every material a rule covers and that could be looked up,
    satisfied or not (the note says why not). The cases app asks through its material-source hook
    (tongban/cases/materials.py)."""
    if case.pk is None:
        return []  # a probe of a matter's materials, not a case
    matched = _matched(case)
    if not matched:
        return []
    case_ref = str(case.uid)
    evidence = {e.material_id: e for e in MaterialEvidence.objects.filter(case_ref=case_ref).select_related("resource")}
    out = []
    for material, rule in matched:
        subject = _subject(case, rule.party)
        known = evidence.get(material.pk)
        if known is None or not (known.satisfied or known.subject_key == subject):
            if not subject:
                continue  # nobody to look up yet (the form is not filled in)
            known = _record(case, _look_up(actor, case, material, rule, subject))
        out.append((material, known))
    return out


def materials_probed(actor, would_be, known: list[dict]) -> list[tuple]:
    """[(material, finding)] for a case not filed yet (material_sources.probe): looked up like
    materials_checked, logged with the would-be case's uid, but recorded nowhere — the finding (a
    JSON dict) is the caller's to keep. A finding in `known` for the same subject is not read again."""
    by_material = {k.get("material_id"): k for k in known}
    out = []
    for material, rule in _matched(would_be):
        subject = _subject(would_be, rule.party)
        finding = by_material.get(material.pk)
        if finding is None or finding.get("subject_key") != subject:
            if not subject:
                continue
            finding = _look_up(actor, would_be, material, rule, subject)
        out.append((material, finding))
    return out


def adopt_findings(case, findings: list[dict]) -> None:
    """A probe's findings become the new case's evidence, so checking it reads nothing again."""
    for finding in findings:
        _record(case, finding)


def _look_up(actor, case, material, rule: MaterialRule, subject: str) -> dict:
    """Read what the rule needs about `subject` and judge it: a JSON-able finding."""
    resource = rule.resource
    fields = list(rule.fields)
    access, satisfied = None, False
    if not resource.is_published or any(f not in granted_fields(resource, case.department, case.implementation.matter)
                                         for f in fields):
        note = f"“{case.department.name}”没有“{resource.name}”用于本事项的共享授权，需申请人提供"
    else:
        try:
            reading = read(actor, resource, subject, purpose=Purpose.of_case(case, AccessLog.Purpose.MATERIAL),
                           fields=fields)
        except RegistryAccessDenied as exc:
            note, access = str(exc.args[0]), exc.log
        except ValidationError as exc:  # a rule naming a field the resource no longer has
            note = "；".join(exc.messages)
        else:
            access = reading.log
            satisfied, note = _judge(reading.first, case)
            note = f"{resource.name}：{note}"
    return {"material_id": material.pk, "resource_id": resource.pk, "resource_name": resource.name,
            "subject_key": subject, "satisfied": satisfied, "note": note[:300],
            "access_id": access.pk if access is not None else None}


def _record(case, finding: dict) -> MaterialEvidence:
    evidence, _ = MaterialEvidence.objects.update_or_create(
        case_ref=str(case.uid), material_id=finding["material_id"],
        defaults={"resource_id": finding["resource_id"], "subject_key": finding["subject_key"],
                  "satisfied": finding["satisfied"], "note": finding["note"], "access_id": finding["access_id"]})
    return evidence
