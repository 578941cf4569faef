"""申请表预填 of the one merged form from the base registries ("数据多跑路，群众少跑腿").

A single matter's draft is prefilled by registries.prefill.prefill_from_registries: only the fields
the implementing department is granted for that matter are read, each read is logged (who, whose
data, why: the case), and the page says where each answer came from. A theme's merged form does the
same member by member: each chosen member's department reads, under its own grant for its own matter,
the fields of its form that the merged form still asks; a field another member already answered is
not read again (data minimisation, 《个人信息保护法》第六条).

The reads are logged with the joint case's reference (`ref`): the journey draws the future joint
case's uid before it exists, and submitting creates the joint case with it, so the applicant's
"谁用了我的数据" page shows the joint case number for them (docs/decisions/0009).
"""

from tongban.catalog.models import Implementation
from tongban.registries.prefill import prefill_from_registries
from tongban.themes.merge import MergedForm
from tongban.themes.selection import Selection

SOURCE_KEYS = ("label", "resource", "field", "owner")


def registry_answers(merged: MergedForm, read: dict) -> tuple[dict, dict]:
    """(answers, sources) by merged key, from the members' reads kept in `read`
    ({member code: {"answers": {member key: value}, "sources": {member key: source}}})."""
    answers, sources = {}, {}
    for key, parts in merged.sources.items():
        for code, member_key in parts:
            got = read.get(code) or {}
            if member_key in got.get("answers", {}):
                answers[key] = got["answers"][member_key]
                sources[key] = got["sources"].get(member_key, {})
                break
    return answers, sources


def read_registries(actor, merged: MergedForm, selection: Selection, *, ref: str, read: dict) -> bool:
    """Read for the chosen members not read yet (in the theme's order); `read` is updated in place.
    Returns whether anything new was read (the caller keeps `read` in the journey's draft)."""
    if not getattr(actor, "is_authenticated", False) or merged is None:
        return False
    answered = set(registry_answers(merged, read)[0])
    changed = False
    for member in selection.members:
        code = member["code"]
        if code in read:
            continue
        asked = {member_key: key for key, parts in merged.sources.items() for c, member_key in parts
                 if c == code and key not in answered}
        spec = [f for f in merged.member_specs.get(code, []) if f.get("key") in asked and f.get("prefill")]
        if not spec:
            continue  # nothing this member could add: no read, nothing to remember
        implementation = Implementation.objects.select_related("department", "matter").get(
            pk=member["implementation_id"])
        answers, sources = prefill_from_registries(actor, implementation, spec, case_ref=ref)
        read[code] = {"answers": answers,
                      "sources": {k: {s: v.get(s, "") for s in SOURCE_KEYS} for k, v in sources.items()}}
        answered |= {asked[k] for k in answers}
        changed = True
    return changed


def shown_sources(fields: list[dict], answers: dict, sources: dict, shown: dict) -> list[dict]:
    """The "from where" lines of the fields on a page that still show the registry's answer (one the
    applicant changed is hers, not the registry's), shaped like registries' PrefillSource rows for
    the shared template registries/_case_sources.html."""
    out = []
    for f in fields:
        key = f.get("key")
        src = sources.get(key)
        if src and key in answers and str(shown.get(key, "")) == str(answers[key]):
            out.append({"form_label": f.get("label") or src.get("label", key), "field_name": src.get("field", ""),
                        "resource": {"name": src.get("resource", ""), "owner": {"name": src.get("owner", "")}}})
    return out
