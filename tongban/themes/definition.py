"""A theme as one plain, JSON-ready definition: what the evaluator, the merger, the report and the joint
case use. Built from the rows when a theme is read or applied for; stored on the joint case as the
snapshot it was filed under (matter versions are immutable, so their ids pin the forms and materials).
"""

from tongban.catalog.models import MatterVersion
from tongban.themes.models import Theme

DEFAULT_STEPS = ["一次申请", "一窗受理", "并联审批", "统一出件"]


def _handout(theme: Theme) -> dict:
    window = theme.handout_window
    if window is None:
        return {"window_id": None, "place": ""}
    site = window.site
    return {"window_id": window.pk,
            "place": f"{site.address} {site.name}{window.number}号窗口（{window.name}）"[:300]}


def _member(m) -> dict:
    impl = m.implementation
    version: MatterVersion | None = impl.matter.current_version
    row = {
        "code": m.code, "mode": m.mode, "preselected": m.preselected, "fixed_answers": m.fixed_answers or {},
        "note": m.note, "implementation_id": impl.pk, "implementation_code": impl.code,
        "department_id": impl.department_id, "department": impl.department.name, "level": impl.level,
        "active": impl.status == impl.Status.ACTIVE and version is not None,
        "name": version.name if version else impl.matter.name,
    }
    if version is None:
        return {**row, "matter_version_id": None, "materials": [], "results": [], "steps": 0,
                "promised_days": 0, "legal_days": None, "visits": 0, "case_kind": 2}
    return {
        **row,
        "matter_version_id": version.pk, "version_number": version.number,
        "promised_days": version.promised_limit_days, "legal_days": version.legal_limit_days,
        "visits": version.visits_required, "case_kind": version.case_kind,
        "steps": version.steps.count(),
        "materials": [{"id": x.pk, "name": x.name, "required": x.required, "source": x.source,
                       "source_label": x.get_source_display(), "necessity": x.necessity_note}
                      for x in version.materials.all()],
        "results": [r.name for r in version.results.all()],
    }


def definition_of(theme: Theme) -> dict:
    members = list(theme.members.select_related(
        "implementation", "implementation__department", "implementation__matter",
        "implementation__matter__current_version").order_by("order", "id"))
    codes = {m.pk: m.code for m in members}
    return {
        "code": theme.code, "name": theme.name, "version": theme.version, "status": theme.status,
        "service_object": theme.service_object, "summary": theme.summary, "keywords": theme.keywords,
        "promised_days": theme.promised_days, "visits": theme.visits,
        "steps": list(theme.steps or DEFAULT_STEPS),
        "division": {"id": theme.division_id, "code": theme.division.code, "name": theme.division.name},
        "lead_department": {"id": theme.lead_department_id, "name": theme.lead_department.name},
        "category": theme.category.name if theme.category_id else "",
        "handout": _handout(theme),
        "questions": [
            {"key": q.key, "kind": q.kind, "text": q.text, "help": q.help, "options": q.options or [],
             "min": float(q.minimum) if q.minimum is not None else None,
             "max": float(q.maximum) if q.maximum is not None else None,
             "unit": q.unit, "required": q.required, "default": q.default}
            for q in theme.questions.order_by("order", "id")],
        "members": [_member(m) for m in members],
        "rules": [{"condition": r.condition, "effect": r.effect, "member": codes.get(r.member_id),
                   "materials": list(r.materials or []), "note": r.note}
                  for r in theme.rules.order_by("order", "id")],
        "dependencies": [{"member": codes.get(d.member_id), "requires": codes.get(d.requires_id),
                          "fills": d.fills or {}, "provides_materials": list(d.provides_materials or []),
                          "note": d.note}
                         for d in theme.dependencies.order_by("order", "id")],
        "field_aliases": theme.field_aliases or [],
        "material_aliases": theme.material_aliases or [],
    }


def member_by_code(definition: dict) -> dict[str, dict]:
    return {m["code"]: m for m in definition["members"]}
