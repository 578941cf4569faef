"""Writes of themes: maintaining a theme (editors), and applying for one (applicants).

Maintaining: a theme is saved as a draft from a plain spec (save_theme_spec, used by the demo loader and
tests; the admin edits the same rows), checked and published (publish_theme), revised (revise_theme:
back to draft; joint cases keep their snapshot) or retired. Only editors whose scope covers the lead
department may do so. Applying: apply_for_theme turns the situational answers, the one form and the one
set of uploads into a joint case (cases.services.bundles), mapping errors back to what the applicant
filled in.
"""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.cases.models import BundleMemberState, CaseBundle, Channel, Phase
from tongban.cases.services import bundles
from tongban.catalog.models import Implementation, Material
from tongban.catalog.staff_selectors import can_edit_for_department
from tongban.core.services import audit
from tongban.forms.validation import clean_answers
from tongban.themes import exemptions
from tongban.themes.definition import definition_of, member_by_code
from tongban.themes.merge import MergedForm
from tongban.themes.models import (
    Theme,
    ThemeDependency,
    ThemeMember,
    ThemeQuestion,
    ThemeRule,
    ThemeStatus,
)
from tongban.themes.planning import plan
from tongban.themes.selection import Selection
from tongban.themes.validation import validate_definition

THEME_FIELDS = ("name", "division", "service_object", "lead_department", "handout_window", "promised_days",
                "visits", "steps", "summary", "category", "keywords", "field_aliases", "material_aliases")


def _require_editor(actor, department) -> None:
    # Loader and migrations pass a label, not a user: they are trusted.
    if isinstance(actor, str) or actor is None:
        return
    if not can_edit_for_department(actor, department.pk):
        raise PermissionDenied(f"您无权维护牵头部门为{department.name}的主题")


# -- maintaining ----------------------------------------------------------------------------------

@transaction.atomic
def save_theme_spec(actor, spec: dict) -> Theme:
    """Create or replace a draft theme from a spec: the THEME_FIELDS plus code, and the lists members
    [{code, implementation, mode, preselected, fixed_answers, note}], questions [{key, kind, text, …}],
    rules [{condition, effect, member, materials, note}] and dependencies [{member, requires, fills,
    provides_materials, note}] (member references by code)."""
    theme = Theme.objects.select_for_update().filter(code=spec["code"]).first()
    _require_editor(actor, spec["lead_department"])
    if theme is not None:
        _require_editor(actor, theme.lead_department)
        if theme.status != ThemeStatus.DRAFT:
            raise ValidationError("已发布的主题不可修改，请先“撤回修订”")
        theme.rules.all().delete()
        theme.dependencies.all().delete()
        theme.members.all().delete()
        theme.questions.all().delete()
        for name in THEME_FIELDS:
            if name in spec:
                setattr(theme, name, spec[name])
    else:
        theme = Theme(code=spec["code"], **{k: spec[k] for k in THEME_FIELDS if k in spec})
    theme.full_clean()
    theme.save()
    members = {}
    for order, m in enumerate(spec.get("members", []), start=1):
        impl = m["implementation"]
        if not isinstance(impl, Implementation):
            impl = Implementation.objects.get(code=impl)
        members[m["code"]] = ThemeMember.objects.create(
            theme=theme, order=order, code=m["code"], implementation=impl, mode=m.get("mode", "always"),
            preselected=m.get("preselected", True), fixed_answers=m.get("fixed_answers", {}), note=m.get("note", ""))
    for order, q in enumerate(spec.get("questions", []), start=1):
        ThemeQuestion.objects.create(
            theme=theme, order=order, key=q["key"], kind=q["kind"], text=q["text"], help=q.get("help", ""),
            options=q.get("options", []), minimum=q.get("min"), maximum=q.get("max"), unit=q.get("unit", ""),
            required=q.get("required", True), default=q.get("default"))
    for order, r in enumerate(spec.get("rules", []), start=1):
        ThemeRule.objects.create(theme=theme, order=order, condition=r["condition"], effect=r["effect"],
                                 member=members[r["member"]], materials=r.get("materials", []),
                                 note=r.get("note", ""))
    for order, d in enumerate(spec.get("dependencies", []), start=1):
        ThemeDependency.objects.create(theme=theme, order=order, member=members[d["member"]],
                                       requires=members[d["requires"]], fills=d.get("fills", {}),
                                       provides_materials=d.get("provides_materials", []), note=d.get("note", ""))
    audit(actor, "themes.save", theme, f"保存主题草稿 {theme.name}", {"members": list(members)})
    return theme


@transaction.atomic
def publish_theme(actor, theme: Theme) -> Theme:
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    _require_editor(actor, theme.lead_department)
    if theme.status == ThemeStatus.PUBLISHED:
        return theme
    problems = validate_definition(definition_of(theme))
    if problems:
        raise ValidationError(problems)
    theme.status = ThemeStatus.PUBLISHED
    theme.version += 1
    theme.published_at = timezone.now()
    theme.published_by = actor if getattr(actor, "is_authenticated", False) else None
    theme.save(update_fields=["status", "version", "published_at", "published_by", "updated_at"])
    audit(actor, "themes.publish", theme, f"发布主题 {theme.name} 第{theme.version}版")
    return theme


@transaction.atomic
def revise_theme(actor, theme: Theme, note: str = "") -> Theme:
    """Back to draft for changes; joint cases filed before keep the definition they used."""
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    _require_editor(actor, theme.lead_department)
    if theme.status == ThemeStatus.DRAFT:
        return theme
    theme.status = ThemeStatus.DRAFT
    theme.save(update_fields=["status", "updated_at"])
    audit(actor, "themes.revise", theme, f"撤回修订主题 {theme.name}", {"note": note[:200]})
    return theme


@transaction.atomic
def retire_theme(actor, theme: Theme, reason: str) -> Theme:
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    _require_editor(actor, theme.lead_department)
    if not (reason or "").strip():
        raise ValidationError({"reason": "请填写停用原因"})
    theme.status = ThemeStatus.RETIRED
    theme.save(update_fields=["status", "updated_at"])
    audit(actor, "themes.retire", theme, f"停用主题 {theme.name}", {"reason": reason.strip()[:200]})
    return theme


# -- applying -------------------------------------------------------------------------------------

def _upload_errors(merged: MergedForm, uploads: dict, outcomes: dict) -> dict:
    errors = {}
    rows = {r.key: r for r in exemptions.material_rows(merged, outcomes)}
    for key in uploads:
        row = rows.get(key)
        # A file for a material found 免提交 is taken all the same (a client may upload before asking).
        if row is None or (not row.upload and not row.exempt):
            errors[f"materials.{key}"] = f"材料“{key}”不属于本次申请（请按材料清单上传）"
    for row in rows.values():
        if row.upload and row.required and row.key not in uploads:
            errors[f"materials.{row.key}"] = row.problems[0] if row.problems else f"请上传“{row.name}”"
    return errors


def _member_specs(definition: dict, selection: Selection, merged: MergedForm, answers: dict, outcomes: dict
                  ) -> list[bundles.MemberSpec]:
    per_member = merged.member_answers(answers)
    to_upload = [r for r in exemptions.material_rows(merged, outcomes) if r.upload or r.exempt]
    out = []
    for m in selection.members:
        code = m["code"]
        files = []
        for row in to_upload:
            files += [(Material.objects.get(pk=mid), row.key) for c, mid in row.material.parts if c == code]
        provided_names = set(selection.provided.get(code, {}))
        provided = [x["id"] for x in m["materials"] if x["name"] in provided_names]
        found = outcomes[code].as_data() if code in outcomes else []
        out.append(bundles.MemberSpec(
            code=code, name=m["name"], implementation=Implementation.objects.get(pk=m["implementation_id"]),
            answers=per_member[code], requires=selection.waits.get(code, []), fills=selection.fills.get(code, {}),
            files=files, provided=provided, found=found))
    return out


def _rename(merged: MergedForm, error_key: str) -> str:
    """members.<code>.<field> / members.<code>.material_<id> → what the applicant filled in."""
    parts = error_key.split(".", 2)
    if len(parts) != 3 or parts[0] != "members":
        return error_key
    code, key = parts[1], parts[2]
    if key.startswith("material_") and key[9:].isdigit():
        found = merged.material_of(code, int(key[9:]))
        return f"materials.{found.key}" if found else error_key
    found = merged.field_of(code, key)
    return f"answers.{found}" if found else error_key


def apply_for_theme(actor, theme: Theme, *, situation: dict, answers: dict, uploads: dict | None = None,
                    optional=None, channel: str = Channel.WEB, idempotency_key: str | None = None,
                    ref: str | None = None, found: dict | None = None) -> tuple[CaseBundle, bool]:
    """One application for a published theme → (joint case, created). Every problem is raised at once
    as a ValidationError keyed situation.<q>, answers.<field>, materials.<key>, optional or members.
    `ref`: the uid the journey drew for the joint case (its registry reads are logged with it).
    `found`: the journey's 免提交 findings per member (exemptions.kept), reused while still true."""
    if theme.status != ThemeStatus.PUBLISHED:
        raise ValidationError("该主题当前未发布，暂不能申请。")
    uploads = uploads or {}
    if idempotency_key and getattr(actor, "is_authenticated", False):
        existing = CaseBundle.objects.filter(applicant=actor, idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    definition = definition_of(theme)
    situation_answers, selection, merged, errors = plan(definition, situation, optional)
    registries_read, ref = ref is not None, ref or str(uuid.uuid4())
    cleaned, outcomes = {}, exemptions.restored(found)
    if merged is not None:
        cleaned, form_errors = clean_answers(merged.spec, answers or {})
        errors.update({f"answers.{k}": v for k, v in form_errors.items()})
        if not errors:  # the sources are asked about the holder the form names, once it is valid
            outcomes = exemptions.probe_members(actor, merged, selection, cleaned, ref=ref, known=found)
        errors.update(_upload_errors(merged, uploads, outcomes))
    if errors:
        raise ValidationError(errors)
    spec = bundles.BundleSpec(
        source_code=theme.code, title=theme.name, definition=definition, lead_department=theme.lead_department,
        division=theme.division, promised_days=theme.promised_days, handout_place=definition["handout"]["place"],
        uid=ref, registries_read=registries_read,
        layout={"fields": {k: [list(s) for s in v] for k, v in merged.sources.items()},
                "materials": [m.as_dict() for m in merged.materials],
                "chosen": selection.codes, "skipped": selection.skipped})
    try:
        return bundles.submit_bundle(actor, spec, _member_specs(definition, selection, merged, cleaned, outcomes),
                                     uploads=uploads, situation=situation_answers, answers=cleaned, channel=channel,
                                     idempotency_key=idempotency_key)
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        renamed = {}
        for key, messages in exc.message_dict.items():
            renamed.setdefault(_rename(merged, key), []).extend(messages)
        raise ValidationError(renamed) from None


def correct_joint_application(actor, bundle: CaseBundle, *, answers: dict | None = None,
                              uploads: dict | None = None) -> dict:
    """The applicant's 补正 in the terms of the one form: answers by merged key, uploads by material
    key; both are mapped to every member that uses them. Returns errors by merged key (the rest saved)."""
    layout = bundle.layout or {}
    sources = layout.get("fields") or {}
    materials = {m["key"]: m for m in layout.get("materials") or []}
    errors = {}
    if answers:
        unknown = [k for k in answers if k not in sources]
        if unknown:
            raise ValidationError({f"answers.{k}": f"申请表没有字段“{k}”" for k in unknown})
        # Once accepted, only a sub-case its department sent back may change; a running or decided one
        # keeps what its department works on (the rest of the answers is still saved).
        open_codes = {m.code for m in bundle.members.select_related("case")
                      if m.state != BundleMemberState.CANCELLED and m.case.phase in (Phase.DRAFT, Phase.CORRECTION)}
        for key in [k for k in answers if not any(code in open_codes for code, _ in sources[k])]:
            errors[f"answers.{key}"] = "该项所属事项已在办理中或已办结，当前无需补正，不能修改"
            answers = {k: v for k, v in answers.items() if k != key}
        per_member: dict[str, dict] = {}
        for key, value in answers.items():
            for code, member_key in sources[key]:
                per_member.setdefault(code, {})[member_key] = value
        found = bundles.update_answers(actor, bundle, per_member, merged=answers)
        for code, member_errors in found.items():
            for member_key, message in member_errors.items():
                key = next((k for k, s in sources.items() if [code, member_key] in s), member_key)
                errors[f"answers.{key}"] = message
    for key, uploaded in (uploads or {}).items():
        group = materials.get(key)
        if group is None or not group["upload"]:
            raise ValidationError({f"materials.{key}": f"材料“{key}”不属于本联办件"})
        parts = [(p["member"], Material.objects.get(pk=p["material_id"])) for p in group["parts"]]
        bundles.replace_material(actor, bundle, parts, uploaded)
    return errors


def members_of(definition: dict) -> dict[str, dict]:
    return member_by_code(definition)
