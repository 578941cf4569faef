"""One plain-data shape for a matter's standard elements.

The Excel import/export, the demo loader, the API's guide JSON and the "did anything change?"
comparison all use `version_spec()`; `apply_spec()` writes a spec into a draft version.
Comparing two specs is how re-importing the same file changes nothing.

The application form (`form_spec`, tongban/forms/spec.py) is part of the spec, so a new version
copies it and a published one keeps it. The Excel workbook has no column for it: a spec without
the key means "keep the current form" (`carry_form()`), so a re-import never drops a form.
"""

import json

from tongban.catalog.models import (
    Category,
    Faq,
    FeeItem,
    Material,
    MatterResult,
    MatterVersion,
    ProcessStep,
    ServiceObject,
)

SCALAR_FIELDS = (
    "name", "matter_type", "legal_basis", "conditions", "levels", "case_kind", "legal_limit_days",
    "promised_limit_days", "limit_note", "has_fee", "visits_required", "online_depth",
    "supports_appointment", "supports_online_payment", "supports_express", "tongban_scope",
    "intermediary", "quantity_limit", "result_delivery",
)
MATERIAL_FIELDS = ("name", "form", "copies", "required", "necessity_note", "source", "source_note",
                   "rongque_allowed", "paper_spec", "notes")
STEP_FIELDS = ("name", "actor", "description", "limit_days")
FEE_FIELDS = ("name", "standard", "basis", "amount_cents", "reducible")
RESULT_FIELDS = ("name", "kind", "validity")
FAQ_FIELDS = ("question", "answer")
FORM_KEY = "form_spec"

CHILDREN = {
    # spec key: (model, related_name, fields)
    "materials": (Material, "materials", MATERIAL_FIELDS),
    "steps": (ProcessStep, "steps", STEP_FIELDS),
    "fees": (FeeItem, "fees", FEE_FIELDS),
    "results": (MatterResult, "results", RESULT_FIELDS),
    "faqs": (Faq, "faqs", FAQ_FIELDS),
}


def version_spec(version: MatterVersion) -> dict:
    spec = {f: getattr(version, f) for f in SCALAR_FIELDS}
    spec["service_objects"] = sorted(o.code for o in version.service_objects.all())
    spec["categories"] = sorted(c.code for c in version.categories.all())
    for key, (_model, related, fields) in CHILDREN.items():
        spec[key] = [{f: getattr(row, f) for f in fields} for row in getattr(version, related).all()]
    spec[FORM_KEY] = normalise_form(version.form_spec)
    return spec


def normalise_form(form) -> list:
    """Plain JSON (lists, not tuples) so that a stored form compares equal to the one given."""
    return json.loads(json.dumps(form or [], ensure_ascii=False))


def carry_form(spec: dict, current: MatterVersion | None) -> dict:
    """`spec` with the current version's form when it does not bring its own (the Excel workbook)."""
    if FORM_KEY in spec or current is None:
        return spec
    return {**spec, FORM_KEY: normalise_form(current.form_spec)}


def normalise_spec(spec: dict) -> dict:
    """Fill defaults so that a partial spec (from Excel or demo data) compares equal to a stored one."""
    defaults = {f: MatterVersion._meta.get_field(f).get_default() for f in SCALAR_FIELDS}
    out = {f: spec.get(f, defaults[f]) for f in SCALAR_FIELDS}
    for f in ("limit_note", "tongban_scope", "intermediary", "quantity_limit", "result_delivery"):
        out[f] = out[f] if out[f] is not None else ""
    out["levels"] = ",".join(str(x) for x in sorted({int(v) for v in str(out["levels"]).split(",") if v.strip()}))
    out["service_objects"] = sorted(spec.get("service_objects", []))
    out["categories"] = sorted(spec.get("categories", []))
    for key, (model, _related, fields) in CHILDREN.items():
        rows = []
        for row in spec.get(key, []):
            full = {}
            for f in fields:
                field = model._meta.get_field(f)
                value = row.get(f, field.get_default())
                full[f] = "" if value is None and not field.null else value
            rows.append(full)
        out[key] = rows
    out[FORM_KEY] = normalise_form(spec.get(FORM_KEY))
    return out


def apply_spec(version: MatterVersion, spec: dict) -> None:
    """Write `spec` into a draft version (replacing its children)."""
    if not version.is_editable:
        from tongban.catalog.models import ImmutableVersionError

        raise ImmutableVersionError("只有草稿版本可以修改")
    spec = normalise_spec(spec)
    for f in SCALAR_FIELDS:
        setattr(version, f, spec[f])
    version.form_spec = spec[FORM_KEY]
    version.full_clean(exclude=["matter", "number"])  # also checks the form (validate_form_spec)
    version.save()
    version.service_objects.set(ServiceObject.objects.filter(code__in=spec["service_objects"]))
    version.categories.set(Category.objects.filter(code__in=spec["categories"]))
    for key, (model, related, _fields) in CHILDREN.items():
        getattr(version, related).all().delete()
        model.objects.bulk_create(
            [model(version=version, order=i, **row) for i, row in enumerate(spec[key], start=1)]
        )
