"""One form and one set of materials for the chosen members ("一份申请表格、一套申报资料").

Fields: every member's form (forms/spec.py) is read; a field with the same key in several members, or
in the same group of the theme's alias table, is asked once — provided the members ask it the same
way (same type, same options); otherwise each keeps its own, prefixed with the member code. Answers
the theme fixes (fixed_answers, the applicant type of a 个人/法人 theme) and fields a prerequisite's
result fills are not asked. Materials: the same name, or the same alias group, is uploaded once.
`member_answers()` and the material `parts` map the one form and the one set back to each member.
"""

from dataclasses import dataclass, field

from tongban.cases.answers import prefill_from_account
from tongban.catalog.codes import MaterialSource
from tongban.catalog.models import MatterVersion
from tongban.forms.defaults import effective_form
from tongban.forms.spec import APPLICANT_TYPE_KEY, CHOICE_TYPES, PERSON
from tongban.themes.selection import Selection

SHARED_SECTION = "theme_shared"


def _alias_map(groups) -> tuple[dict, dict]:
    """(per (member, name) → canonical, per bare name → canonical) from alias groups."""
    scoped, bare = {}, {}
    for group in groups or []:
        if not isinstance(group, list) or not group:
            continue
        canonical = str(group[0]).split(".", 1)[-1]
        for entry in group:
            entry = str(entry)
            if "." in entry:
                member, name = entry.split(".", 1)
                scoped[(member, name)] = canonical
            else:
                bare[entry] = canonical
    return scoped, bare


def _compatible(a: dict, b: dict) -> bool:
    if a.get("type") != b.get("type"):
        return False
    if a.get("type") in CHOICE_TYPES:
        return {o["value"] for o in a.get("options") or []} == {o["value"] for o in b.get("options") or []}
    return True


def theme_fixed_answers(definition: dict, member: dict, spec: list[dict]) -> dict:
    """What the theme answers for this member: its fixed_answers, and 申请人类型 “个人” in a theme for
    persons when the member's form asks for it."""
    fixed = dict(member.get("fixed_answers") or {})
    chooser = next((f for f in spec if f.get("key") == APPLICANT_TYPE_KEY), None)
    # A theme for organisations still asks: a 个体工商户 applies as a person.
    if chooser is not None and APPLICANT_TYPE_KEY not in fixed and definition.get("service_object") == "person":
        if PERSON in [o["value"] for o in chooser.get("options") or []]:
            fixed[APPLICANT_TYPE_KEY] = PERSON
    return fixed


def _scoped_fields(spec: list[dict], fixed_type: str | None) -> list[dict]:
    """Answerable fields with their effective applies_to (a section's scope covers its fields); with the
    applicant type fixed, fields for the other kind are dropped and the rest lose their scope."""
    out, section_scope = [], None
    for f in spec:
        if f.get("type") == "section":
            section_scope = f.get("applies_to")
            continue
        scope = f.get("applies_to") or section_scope
        row = {k: v for k, v in f.items() if k != "applies_to"}
        if scope and f.get("key") != APPLICANT_TYPE_KEY:
            if fixed_type:
                if str(fixed_type) not in scope:
                    continue
            else:
                row["applies_to"] = list(scope)
        out.append(row)
    return out


@dataclass
class MergedMaterial:
    key: str
    name: str
    upload: bool
    required: bool
    source: str
    parts: list[tuple[str, int]] = field(default_factory=list)     # (member code, material id)
    members: list[str] = field(default_factory=list)              # member names
    provided_by: str = ""                                         # prerequisite member code

    def as_dict(self) -> dict:
        return {"key": self.key, "name": self.name, "upload": self.upload, "required": self.required,
                "source": self.source, "members": self.members, "provided_by": self.provided_by,
                "parts": [{"member": m, "material_id": i} for m, i in self.parts]}


@dataclass
class MergedForm:
    spec: list[dict]                                   # forms/spec.py fields, sections included
    sources: dict[str, list[tuple[str, str]]]          # merged key → [(member code, member key)]
    fixed: dict[str, dict]                             # member code → answers the theme gives
    materials: list[MergedMaterial]
    member_specs: dict[str, list[dict]]                # member code → its own form
    versions: dict[str, MatterVersion]
    asked: dict[str, int] = field(default_factory=dict)  # member code → fields its own form asks this applicant

    def member_answers(self, answers: dict) -> dict[str, dict]:
        out = {code: dict(fixed) for code, fixed in self.fixed.items()}
        for key, sources in self.sources.items():
            if key in answers:
                for code, member_key in sources:
                    out[code][member_key] = answers[key]
        return out

    def field_of(self, member: str, member_key: str) -> str | None:
        for key, sources in self.sources.items():
            if (member, member_key) in sources:
                return key
        return None

    def material_of(self, member: str, material_id: int) -> MergedMaterial | None:
        return next((m for m in self.materials if (member, material_id) in m.parts), None)

    def uploads(self) -> list[MergedMaterial]:
        return [m for m in self.materials if m.upload]

    @property
    def shared_fields(self) -> int:
        return sum(1 for s in self.sources.values() if len(s) > 1)


def merge(definition: dict, selection: Selection) -> MergedForm:
    scoped, bare = _alias_map(definition.get("field_aliases"))
    versions = {m["code"]: MatterVersion.objects.prefetch_related("materials", "service_objects")
                .get(pk=m["matter_version_id"]) for m in selection.members}
    merged: dict[str, dict] = {}
    sources: dict[str, list] = {}
    fixed_all, member_specs, asked = {}, {}, {}
    for m in selection.members:
        code = m["code"]
        spec = effective_form(versions[code])
        member_specs[code] = spec
        fixed = theme_fixed_answers(definition, m, spec)
        fixed_all[code] = fixed
        filled = set(selection.fills.get(code, {}))
        own = _scoped_fields(spec, fixed.get(APPLICANT_TYPE_KEY))
        asked[code] = len(own)
        for f in own:
            key = f["key"]
            if key in fixed or key in filled:
                continue
            canonical = scoped.get((code, key)) or bare.get(key) or key
            if canonical in merged and not _compatible(merged[canonical], f):
                canonical = f"{code}__{key}"
            if canonical in merged:
                known = merged[canonical]
                known["required"] = bool(known.get("required") or f.get("required"))
                if "applies_to" in known:
                    if "applies_to" not in f:
                        known.pop("applies_to")
                    else:
                        known["applies_to"] = sorted(set(known["applies_to"]) | set(f["applies_to"]))
            else:
                merged[canonical] = {**f, "key": canonical}
            sources.setdefault(canonical, []).append((code, key))
    spec = _arrange(merged, sources, selection)
    return MergedForm(spec, sources, fixed_all, _materials(definition, selection, versions), member_specs, versions,
                      asked)


def _arrange(merged: dict, sources: dict, selection: Selection) -> list[dict]:
    """Shared fields first (asked once for every member), then each member's own."""
    names = {m["code"]: m["name"] for m in selection.members}
    shared = [k for k in merged if len({c for c, _ in sources[k]}) > 1 or k == APPLICANT_TYPE_KEY]
    shared.sort(key=lambda k: k != APPLICANT_TYPE_KEY)
    spec = []
    if shared:
        used_by = "、".join(names[c] for c in dict.fromkeys(c for k in shared for c, _ in sources[k]))
        spec.append({"key": SHARED_SECTION, "type": "section", "label": "共同信息（只需填写一次）",
                     "help": f"以下信息同时用于：{used_by}"})
        spec += [merged[k] for k in shared]
    for m in selection.members:
        own = [k for k in merged if k not in shared and sources[k][0][0] == m["code"]]
        if own:
            spec.append({"key": f"section_{m['code']}", "type": "section", "label": m["name"],
                         "help": f"{m['department']}办理所需的其他信息"})
            spec += [merged[k] for k in own]
    return spec


def _materials(definition: dict, selection: Selection, versions: dict) -> list[MergedMaterial]:
    scoped, bare = _alias_map(definition.get("material_aliases"))
    groups: dict[str, MergedMaterial] = {}
    for m in selection.members:
        code = m["code"]
        waived = selection.waived.get(code, set())
        extra = selection.required.get(code, set())
        provided = selection.provided.get(code, {})
        for mat in versions[code].materials.all():
            if mat.name in waived:
                continue
            required = mat.required or mat.name in extra
            canonical = scoped.get((code, mat.name)) or bare.get(mat.name) or mat.name
            if mat.name in provided:
                canonical = f"{code}:{mat.name}"  # comes with the prerequisite's result: its own line
            group = groups.get(canonical)
            if group is None:
                group = groups[canonical] = MergedMaterial(
                    key=f"m{mat.pk}", name=mat.name if mat.name in provided else canonical, upload=False,
                    required=False, source=mat.source, provided_by=provided.get(mat.name, ""))
            group.parts.append((code, mat.pk))
            if m["name"] not in group.members:
                group.members.append(m["name"])
            group.required = group.required or required
            if mat.source == MaterialSource.APPLICANT and not group.provided_by:
                group.upload = True
                group.source = MaterialSource.APPLICANT
    return list(groups.values())


def prefill(spec: list[dict], user) -> dict:
    """Answers from the account, as the cases app prefills a draft."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return prefill_from_account(spec, user)
