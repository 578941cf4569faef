"""Turning a form spec into what templates render, and answers into what case pages and PDFs show.

`form_groups()` prepares everything forms/_form.html needs (ids, aria links, input hints, the
current value as text), so the templates stay simple. `answers_for_display()` gives (label, value)
pairs in the form's order with option labels, 是/否 and money in 元.
"""

from datetime import date
from decimal import Decimal

from tongban.core.masking import mask_id_number, mask_phone
from tongban.forms.spec import APPLICANT_TYPE_KEY, CHOICE_TYPES, DEFAULT_MAX_LENGTH, resolve_date_bound
from tongban.forms.validation import SHOWN_MARKER, applicability, is_empty, parse_date

NOT_ANSWERED = "未填写"

# Hints for phones and mobiles: the right keyboard, and the browser's own autofill where a standard
# token exists (HTML autocomplete). There is no token for a 公民身份号码, so autofill stays off.
INPUT_HINTS = {
    "text": {"input_type": "text"},
    "address": {"input_type": "text", "autocomplete": "street-address"},
    "number": {"input_type": "text", "inputmode": "decimal"},
    "money": {"input_type": "text", "inputmode": "decimal", "suffix": "元"},
    "date": {"input_type": "date"},
    "id_number": {"input_type": "text", "inputmode": "text", "autocomplete": "off", "maxlength": 18,
                  "autocapitalize": "characters", "spellcheck": "false"},
    "credit_code": {"input_type": "text", "inputmode": "text", "autocomplete": "off", "maxlength": 18,
                    "autocapitalize": "characters", "spellcheck": "false"},
    "phone": {"input_type": "tel", "inputmode": "tel", "autocomplete": "tel", "maxlength": 20},
    "email": {"input_type": "email", "inputmode": "email", "autocomplete": "email", "maxlength": 254,
              "spellcheck": "false"},
}
PREFILL_AUTOCOMPLETE = {"applicant.name": "name", "organisation.name": "organization",
                        "applicant.email": "email", "applicant.phone": "tel"}


def _as_text(value) -> str:
    if value is None or value is False:
        return ""
    if isinstance(value, list):
        return ""
    return str(value)


def _row(field: dict, answers: dict, errors: dict, prefix: str, applies) -> dict:
    key, kind = field["key"], field["type"]
    value = answers.get(key, field.get("default"))
    dom_id = f"{prefix}{key}"
    row = {
        "field": field, "key": key, "type": kind, "id": dom_id, "label": field.get("label", key),
        "required": bool(field.get("required")), "help": field.get("help", ""),
        "placeholder": field.get("placeholder", ""), "error": errors.get(key, ""),
        "help_id": f"{dom_id}-help" if field.get("help") else "", "error_id": f"{dom_id}-error",
        "value": _as_text(value), "applies_to": " ".join(field.get("applies_to") or ()),
        "applies": applies, "marker": SHOWN_MARKER,
        **INPUT_HINTS.get(kind, {}),
    }
    if kind == "number" and field.get("integer"):
        row["inputmode"] = "numeric"
    if field.get("prefill") in PREFILL_AUTOCOMPLETE and kind in ("text", "phone", "email"):
        row["autocomplete"] = PREFILL_AUTOCOMPLETE[field["prefill"]]
    if kind in DEFAULT_MAX_LENGTH:
        row["maxlength"] = field.get("max") or DEFAULT_MAX_LENGTH[kind]
    if kind == "date":
        lo, hi = resolve_date_bound(field.get("min")), resolve_date_bound(field.get("max"))
        row["min"], row["max"] = (lo.isoformat() if lo else ""), (hi.isoformat() if hi else "")
    if kind in CHOICE_TYPES:
        chosen = set(value) if isinstance(value, list) else {_as_text(value)}
        # The first radio/checkbox carries the field's id: the error summary links there.
        row["options"] = [{"value": o["value"], "label": o["label"], "id": dom_id if i == 0 else f"{dom_id}-{i}",
                           "checked": o["value"] in chosen}
                          for i, o in enumerate(field.get("options") or ())]
        row["legend_id"] = f"{dom_id}-legend"
    if kind == "boolean":
        row["checked"] = value is True or str(value).lower() in ("1", "true", "on")
    row["describedby"] = " ".join(x for x in (row["help_id"], row["error_id"] if row["error"] else "") if x)
    return row


def form_groups(spec, answers: dict | None = None, errors: dict | None = None, prefix: str = "f-") -> list[dict]:
    """Fields grouped under their section headings: [{"key", "title", "help", "applies_to", "rows"}].

    Fields before the first section form an untitled group. A field or section with `applies_to`
    carries it as a space-separated data attribute, for the page to hide what does not apply."""
    answers, errors = answers or {}, errors or {}
    scope = applicability(spec or [], answers)
    groups = [{"key": "", "title": "", "help": "", "applies_to": "", "rows": []}]
    for field in spec or ():
        if field.get("type") == "section":
            groups.append({"key": field.get("key", ""), "title": field.get("label", ""),
                           "help": field.get("help", ""), "applies_to": " ".join(field.get("applies_to") or ()),
                           "rows": []})
            continue
        groups[-1]["rows"].append(_row(field, answers, errors, prefix, scope.get(field["key"], True)))
    return [g for g in groups if g["rows"] or g["title"]]


def error_summary(spec, errors: dict | None, prefix: str = "f-") -> list[dict]:
    """The errors in form order, each with the id of its input (for the summary's links)."""
    errors = errors or {}
    order = [f["key"] for f in spec or () if f.get("type") != "section"]
    known = [{"id": f"{prefix}{k}", "message": errors[k]} for k in order if k in errors]
    other = [{"id": "", "message": m} for k, m in errors.items() if k not in order]
    return known + other


def display_value(field: dict, value, *, mask: bool = False) -> str:
    """One answer as a person reads it."""
    kind = field.get("type")
    if kind == "boolean":
        return "是" if value is True else "否"
    if is_empty(value):
        return NOT_ANSWERED
    if kind in CHOICE_TYPES:
        labels = {o["value"]: o["label"] for o in field.get("options") or ()}
        values = value if isinstance(value, list) else [value]
        return "、".join(labels.get(str(v), str(v)) for v in values)
    if kind == "money":
        try:
            return f"{Decimal(str(value)):,.2f}元"
        except ArithmeticError:
            return str(value)
    if kind == "number":
        return f"{value:g}" if isinstance(value, int | float) else str(value)
    if kind == "date":
        day = parse_date(value)
        return f"{day.year}年{day.month}月{day.day}日" if isinstance(day, date) else str(value)
    if mask and kind == "id_number":
        return mask_id_number(str(value))
    if mask and kind == "phone":
        return mask_phone(str(value))
    return str(value)


def answers_for_display(spec, answers: dict | None, *, mask: bool = False,
                        skip_empty: bool = False) -> list[tuple[str, str]]:
    """[(label, display value)] in form order, for case pages and PDFs.

    Sections and fields that do not apply to the chosen kind of applicant are left out; the
    申请人类型 choice itself is kept. mask=True hides the middle of ID and phone numbers (pages
    that others may see)."""
    answers = answers or {}
    scope = applicability(spec or [], answers)
    out = []
    for field in spec or ():
        if field.get("type") == "section" or scope.get(field.get("key")) is False:
            continue
        value = answers.get(field["key"])
        if skip_empty and is_empty(value) and field.get("key") != APPLICANT_TYPE_KEY:
            continue
        out.append((field.get("label", field["key"]), display_value(field, value, mask=mask)))
    return out
