"""申请表预填: answers the base registries hold, for the matters their grants name.

`prefill_from_registries(actor, implementation, spec)` looks at the form's prefill hints
(tongban/forms/spec.py PREFILL_SOURCES, e.g. "organisation.legal_representative"), finds the
PrefillRule for each (data: which resource and field answers it), and reads — through services.read,
so each read is logged — only what the implementing department is granted for this matter.
It returns the answers and, per form field, where the answer came from; with `case_ref` (the draft's
uid) the sources are also kept as PrefillSource rows so the applicant sees them on the form.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError

from tongban.registries.models import AccessLog, Party, PrefillRule, PrefillSource
from tongban.registries.purposes import Purpose
from tongban.registries.services import RegistryAccessDenied, granted_fields, read, represented_codes


def represented_organisation(user, matter=None) -> str:
    """The 统一社会信用代码 of the one organisation the person acts for in `matter` (法定代表人 in the 法人库,
    or an authorised agent); empty when none or several (the applicant then types it: guessing a
    company would be wrong)."""
    codes = represented_codes(user, matter)
    return next(iter(codes)) if len(codes) == 1 else ""


def _subject(user, party: str, matter) -> str:
    if party == Party.ORGANISATION:
        return represented_organisation(user, matter)
    return (getattr(user, "id_number", "") or "").upper()


def prefill_from_registries(actor, implementation, spec, *, case_ref: str = "") -> tuple[dict, dict]:
    """(answers, sources) for the form `spec` of `implementation`, filled by `actor` for themselves.

    sources: {form key: {"label", "resource", "field", "owner", "access_id"}}.
    """
    if not getattr(actor, "is_authenticated", False):
        return {}, {}
    hinted = [f for f in spec if f.get("type") != "section" and f.get("prefill") and f.get("key")]
    if not hinted:
        return {}, {}
    rules = {r.prefill: r for r in PrefillRule.objects.filter(prefill__in={f["prefill"] for f in hinted})
             .select_related("resource__owner")}
    groups = defaultdict(list)  # (resource, party) → [(form field, rule)]
    for f in hinted:
        rule = rules.get(f["prefill"])
        if rule is not None and rule.resource.is_published:
            groups[(rule.resource, rule.party)].append((f, rule))
    answers, sources, resource_of = {}, {}, {}
    department, matter = implementation.department, implementation.matter
    for (resource, party), wanted in groups.items():
        subject = _subject(actor, party, matter)
        if not subject:
            continue
        allowed = granted_fields(resource, department, matter)
        keys = list(dict.fromkeys(rule.field for _f, rule in wanted if rule.field in allowed))
        if not keys:
            continue  # not granted for this matter: nothing is read
        purpose = Purpose(kind=AccessLog.Purpose.PREFILL, matter=matter, department=department, case_ref=case_ref,
                          applicant_id=actor.pk, parties=frozenset({subject}))
        try:
            reading = read(actor, resource, subject, purpose=purpose, fields=keys)
        except (RegistryAccessDenied, ValidationError):
            continue  # a refusal is logged; the applicant types the answer
        record = reading.first
        if record is None:
            continue
        names = dict(resource.fields.values_list("key", "name"))
        for f, rule in wanted:
            value = record.get(rule.field)
            if rule.field in keys and value not in (None, ""):
                answers[f["key"]] = str(value)
                resource_of[f["key"]] = resource
                sources[f["key"]] = {"label": f.get("label", f["key"]), "resource": resource.name,
                                     "field": names.get(rule.field, rule.field), "owner": resource.owner.name,
                                     "access_id": reading.log.pk}
    if case_ref and sources:
        for key, src in sources.items():
            PrefillSource.objects.update_or_create(
                case_ref=case_ref, form_key=key,
                defaults={"form_label": src["label"][:100], "field_name": src["field"][:60],
                          "resource": resource_of[key], "access_id": src["access_id"]})
    return answers, sources
