"""Reads for the theme pages (guide, journey, joint case): shaped for templates, built only on the
backend's own reads (selectors, definition_of, plan) so the pages and the API say the same thing."""

from tongban.cases import deadlines
from tongban.cases import selectors as case_selectors
from tongban.cases.models import BundleMemberState, BundlePhase, CaseBundle, Phase
from tongban.forms.rendering import answers_for_display
from tongban.themes.definition import definition_of
from tongban.themes.models import Theme
from tongban.themes.planning import plan
from tongban.themes.selectors import FIGURES, published_themes, reduction_report

MODE_LABELS = {"always": "必办", "rule": "按情形办理", "optional": "可选"}


def theme_cards() -> list[dict]:
    """The published themes with the figures a citizen compares: promised days as a theme vs the sum
    of its members' promised days when done one by one."""
    cards = []
    for theme in published_themes():
        definition = definition_of(theme)
        members = definition["members"]
        cards.append({
            "theme": theme, "members": members, "member_count": len(members),
            "departments": list(dict.fromkeys(m["department"] for m in members)),
            "sum_days": sum(m["promised_days"] for m in members),
        })
    return cards


def guide(theme: Theme) -> dict:
    """办事指南 of one theme: members (with mode and what each waits for), questions, materials after
    sharing in the typical situation, and the reduction report (typical situation)."""
    definition = definition_of(theme)
    names = {m["code"]: m["name"] for m in definition["members"]}
    needs: dict[str, list[str]] = {}
    for dep in definition["dependencies"]:
        needs.setdefault(dep["member"], []).append(names.get(dep["requires"], dep["requires"]))
    members = [{**m, "mode_label": MODE_LABELS.get(m["mode"], m["mode"]), "waits_for": needs.get(m["code"], [])}
               for m in definition["members"]]
    report = reduction_report(definition)
    rows = [{"key": k, "label": report["labels"][k], "separately": report["separately"].get(k),
             "as_theme": report["as_theme"].get(k), "saved": report["reduction"].get(k, {}).get("saved"),
             "percent": report["reduction"].get(k, {}).get("percent")} for k in FIGURES] if report["members"] else []
    return {"definition": definition, "members": members, "report": report, "report_rows": rows,
            "questions": definition["questions"], "typical_materials": _typical_materials(theme, definition)}


def _typical_materials(theme: Theme, definition: dict) -> list[dict]:
    from tongban.themes.selection import typical_situation

    _, _, merged, _ = plan(definition, typical_situation(definition), None, partial=True)
    return [m.as_dict() for m in merged.materials] if merged else []


# -- the joint case --------------------------------------------------------------------------------

def member_rows(bundle: CaseBundle) -> list[dict]:
    """Each sub-case as the applicant and the window read it: matter, department, state, deadline
    state (正常/预警/超期 once its clock runs), results, and the open 补正 of a department."""
    rows = case_selectors.bundle_members(bundle)
    names = {r.code: r.name for r in rows}
    out = []
    for r in rows:
        case = r.case
        correction = case.corrections.filter(resolved_at__isnull=True).order_by("-requested_at").first() \
            if case.phase == Phase.CORRECTION else None
        out.append({
            "member": r, "case": case, "code": r.code, "name": r.name, "department": case.department.name,
            "state": BundleMemberState(r.state).label, "phase": case.get_phase_display(),
            "step": case.state.name if case.state_id else "",
            "outcome": case.get_outcome_display() if case.outcome else "",
            "clock": deadlines.clock(case) if case.number else None,
            "waits_for": [names.get(c, c) for c in r.requires],
            "results": list(case.results.all()), "correction": correction,
            "dispatched": r.state == BundleMemberState.DISPATCHED,
        })
    return out


def joint_timeline(bundle: CaseBundle, *, for_applicant: bool) -> list[dict]:
    """One timeline: the joint case's own events and every dispatched sub-case's, by time."""
    items = [{"at": e.at, "label": e.label, "who": e.actor_label, "comment": e.comment, "matter": ""}
             for e in case_selectors.bundle_timeline(bundle, for_applicant=for_applicant)]
    for r in case_selectors.bundle_members(bundle):
        if not r.case.number:
            continue
        for e in case_selectors.timeline(r.case, for_applicant=for_applicant):
            items.append({"at": e.at, "label": e.label, "who": e.actor_label, "comment": e.comment, "matter": r.name})
    items.sort(key=lambda x: x["at"])
    return items


def joint_merged_spec(bundle: CaseBundle) -> list[dict]:
    """The one form the applicant filled, rebuilt from the joint case's own snapshot (definition,
    answers to the questions and the members chosen), for 补正 and for display."""
    definition = bundle.definition or {}
    if not definition.get("members"):
        return []
    chosen = set((bundle.layout or {}).get("chosen") or [])
    optional = [m["code"] for m in definition["members"] if m["mode"] == "optional" and m["code"] in chosen]
    _, _, merged, _ = plan(definition, bundle.situation, optional, partial=True)
    if merged is None:
        return []
    sources = (bundle.layout or {}).get("fields") or {}
    # Keep only the fields the joint case was filed with (the same keys the correction service accepts).
    return [f for f in merged.spec if f.get("type") == "section" or f["key"] in sources]


def members_to_fix(bundle: CaseBundle) -> set[str] | None:
    """Which members the applicant may change now: all of them (None) while the window's 一次性告知 is
    open; once accepted, only the sub-cases a department sent back for 补正 — a decided or running
    sub-case keeps what its department is working on."""
    if bundle.phase == BundlePhase.CORRECTION:
        return None
    return {m.code for m in bundle.members.filter(case__phase=Phase.CORRECTION).only("code")}


def spec_to_fix(bundle: CaseBundle, codes: set[str] | None) -> list[dict]:
    """The one form, limited to the fields some member in `codes` uses (None: the whole form)."""
    spec = joint_merged_spec(bundle)
    if codes is None:
        return spec
    sources = (bundle.layout or {}).get("fields") or {}
    kept: list[dict] = []
    for f in spec:
        if f.get("type") == "section":
            if kept and kept[-1].get("type") == "section":
                kept.pop()  # a section none of whose fields is kept
            kept.append(f)
        elif any(code in codes for code, _key in sources.get(f["key"], [])):
            kept.append(f)
    if kept and kept[-1].get("type") == "section":
        kept.pop()
    return kept


def uploads_to_fix(bundle: CaseBundle, codes: set[str] | None) -> list[dict]:
    """The shared uploads (one per material group) a member in `codes` uses (None: all of them)."""
    groups = [m for m in (bundle.layout or {}).get("materials", []) if m.get("upload")]
    if codes is None:
        return groups
    return [m for m in groups if any(p["member"] in codes for p in m.get("parts", []))]


def joint_answers(bundle: CaseBundle, *, mask: bool) -> list[tuple[str, str]]:
    return answers_for_display(joint_merged_spec(bundle), bundle.answers, mask=mask, skip_empty=True)


def situation_rows(definition: dict, situation: dict) -> list[tuple[str, str]]:
    """(question, answer) as a person reads them."""
    out = []
    for q in definition.get("questions", []):
        if q["key"] in situation:
            out.append((q["text"], answer_label(q, situation[q["key"]])))
    return out


def answer_label(question: dict, value) -> str:
    if value is None or value == "":
        return "未回答"
    if question["kind"] == "yes_no":
        return "是" if value is True else "否"
    if question["kind"] == "choice":
        labels = {str(o.get("value")): o.get("label") for o in question.get("options") or []}
        return labels.get(str(value), str(value))
    unit = question.get("unit") or ""
    return f"{value:g}{unit}" if isinstance(value, int | float) else f"{value}{unit}"
