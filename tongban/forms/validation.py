"""Server-side checking of application answers against a form spec (forms.spec).

`clean_answers()` takes what a browser posted (a QueryDict: several values per key, unticked boxes
absent) or what the API received (a JSON dict) and returns JSON-ready answers plus one Chinese
message per field that is wrong, naming the field ("“公民身份号码”校验位不正确"). Drafts are checked
with partial=True: nothing is required yet, but what is filled must be well-formed, so that a draft
never stores an impossible ID number.
"""

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from tongban.core.validators import id_number_problem, is_valid_mobile, validate_credit_code
from tongban.forms.spec import (
    APPLICANT_TYPE_KEY,
    CHOICE_TYPES,
    DEFAULT_MAX_LENGTH,
    TEXT_TYPES,
    field_by_key,
    resolve_date_bound,
)

MISSING = object()
# Hidden input the rendered form adds for each checkbox/boolean field: a browser does not send an
# unticked box, so this is how "untick" is told apart from "not on this page".
SHOWN_MARKER = "_form_fields"
MONEY_MAX = Decimal("1000000000000")  # 1万亿元: beyond any application
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # PostgreSQL jsonb refuses \u0000
_DATE_RES = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
_LANDLINE_RE = re.compile(r"^(0\d{2,3})(\d{7,8})(\d{0,6})$")
_TRUE = {"1", "true", "on", "yes", "y", "是", "checked"}
_FALSE = {"0", "false", "off", "no", "n", "否", ""}
_email = EmailValidator()


def empty_value(field: dict):
    """What an unanswered field stores."""
    kind = field.get("type")
    if kind == "checkbox":
        return []
    if kind == "boolean":
        return False
    if kind == "number":
        return None
    return ""


def is_empty(value) -> bool:
    return value is None or value is False or value == "" or value == []


def _label(field: dict) -> str:
    return f"“{field.get('label') or field.get('key')}”"


def _nfkc(raw) -> str:
    """Full-width digits and letters (１２３, ＡＢＣ) typed on Chinese keyboards become ASCII."""
    return unicodedata.normalize("NFKC", str(raw)).strip()


def _text(field: dict, raw) -> tuple[Any, str | None]:
    text = str(raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text).strip()
    if field["type"] != "textarea":
        text = " ".join(text.split())
    if not text:
        return "", None
    lo, hi = field.get("min"), field.get("max") or DEFAULT_MAX_LENGTH.get(field["type"], 200)
    if lo and len(text) < lo:
        return text, f"{_label(field)}至少填写{lo}个字"
    if len(text) > hi:
        return text, f"{_label(field)}不能超过{hi}个字，当前{len(text)}个字"
    pattern = field.get("pattern")
    if pattern and not re.fullmatch(pattern, text):
        message = field.get("pattern_message") or "格式不正确"
        return text, message if _label(field) in message else f"{_label(field)}{message}"
    return text, None


def _decimal(raw) -> Decimal | None:
    text = _nfkc(raw).replace(",", "").replace(" ", "")
    for mark in ("¥", "￥", "元", "RMB", "CNY"):
        text = text.replace(mark, "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _bounds(field: dict, value, shown) -> str | None:
    lo, hi = field.get("min"), field.get("max")
    if lo is not None and value < lo:
        return f"{_label(field)}不能小于{shown(lo)}"
    if hi is not None and value > hi:
        return f"{_label(field)}不能大于{shown(hi)}"
    return None


def _number(field: dict, raw) -> tuple[Any, str | None]:
    if isinstance(raw, bool):
        return None, f"{_label(field)}应为数字"
    if isinstance(raw, int | float):
        value = Decimal(str(raw))
    else:
        if not _nfkc(raw):
            return None, None
        value = _decimal(raw)
        if value is None:
            return str(raw), f"{_label(field)}应为数字"
    if field.get("integer") and value != value.to_integral_value():
        return str(raw), f"{_label(field)}应为整数"
    error = _bounds(field, value, lambda b: f"{b:g}")
    stored = int(value) if value == value.to_integral_value() else float(value)
    return stored, error


def _money(field: dict, raw) -> tuple[Any, str | None]:
    if isinstance(raw, bool):
        return "", f"{_label(field)}应为金额（元），如 5000 或 5000.50"
    if not isinstance(raw, int | float) and not _nfkc(raw):
        return "", None
    value = _decimal(raw)
    if value is None:
        return str(raw), f"{_label(field)}应为金额（元），如 5000 或 5000.50"
    if value != value.quantize(Decimal("0.01")):
        return str(raw), f"{_label(field)}最多保留两位小数（分）"
    if value < 0 and (field.get("min") is None or field["min"] >= 0):
        return str(raw), f"{_label(field)}不能为负数"
    if abs(value) >= MONEY_MAX:
        return str(raw), f"{_label(field)}金额过大，请核对单位是否为元"
    error = _bounds(field, value, lambda b: f"{Decimal(str(b)):,.2f}元")
    return f"{value:.2f}", error


def parse_date(raw) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = _nfkc(raw).replace(" ", "")
    for regex in _DATE_RES:
        match = regex.match(text)
        if match:
            try:
                return date(*(int(x) for x in match.groups()))
            except ValueError:
                return None
    return None


def _date(field: dict, raw) -> tuple[Any, str | None]:
    if not isinstance(raw, date) and not _nfkc(raw):
        return "", None
    value = parse_date(raw)
    if value is None:
        return str(raw), f"{_label(field)}应为有效日期，如 2025-03-01"
    lo, hi = resolve_date_bound(field.get("min")), resolve_date_bound(field.get("max"))
    if lo and value < lo:
        return value.isoformat(), f"{_label(field)}不能早于{lo:%Y-%m-%d}"
    if hi and value > hi:
        return value.isoformat(), f"{_label(field)}不能晚于{hi:%Y-%m-%d}"
    return value.isoformat(), None


def _choice(field: dict, raw) -> tuple[Any, str | None]:
    value = str(raw).strip()
    if not value:
        return "", None
    if value not in {o["value"] for o in field.get("options") or ()}:
        return value, f"{_label(field)}的选择无效，请从列出的选项中选择"
    return value, None


def _checkbox(field: dict, raw) -> tuple[Any, str | None]:
    if isinstance(raw, str):
        raw = [raw] if raw.strip() else []
    elif not isinstance(raw, list | tuple):
        raw = [] if raw is None else [raw]
    picked = {str(v).strip() for v in raw if str(v).strip()}
    order = [o["value"] for o in field.get("options") or ()]
    unknown = picked - set(order)
    value = [v for v in order if v in picked]
    if unknown:
        return value, f"{_label(field)}中有无效的选项，请从列出的选项中选择"
    if value:
        lo, hi = field.get("min"), field.get("max")
        if lo and len(value) < lo:
            return value, f"{_label(field)}至少选择{lo}项"
        if hi is not None and len(value) > hi:
            return value, f"{_label(field)}最多选择{hi}项"
    return value, None


def _boolean(field: dict, raw) -> tuple[Any, str | None]:
    if isinstance(raw, bool):
        return raw, None
    if raw is None:
        return False, None
    text = _nfkc(raw).lower()
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    return False, f"{_label(field)}应为“是”或“否”"


_ID_MESSAGES = {  # GB 11643-1999, by the part that is wrong (core/validators.py id_number_problem)
    "id_format": "{label}应为18位（前17位为数字，末位为数字或X），当前为{n}位",
    "id_address": "{label}中的地址码（第1至6位）无效，请核对",
    "id_birth_date": "{label}中的出生日期（第7至14位）无效，请核对",
    "id_check": "{label}校验位不正确，请核对是否输错",
}


def _id_number(field: dict, raw) -> tuple[Any, str | None]:
    value = _nfkc(raw).upper().replace(" ", "")
    if not value:
        return "", None
    problem = id_number_problem(value)
    if problem is None:
        return value, None
    return value, _ID_MESSAGES[problem.code].format(label=_label(field), n=len(value))


def _credit_code(field: dict, raw) -> tuple[Any, str | None]:
    value = _nfkc(raw).upper().replace(" ", "")
    if not value:
        return "", None
    try:
        validate_credit_code(value)  # GB 32100-2015
    except ValidationError as exc:
        code = exc.error_list[0].code
        message = {
            "credit_length": f"应为18位，当前为{len(value)}位",
            "credit_chars": "含有不允许的字符（不使用 I、O、Z、S、V）",
            "credit_check": "校验位不正确，请核对是否输错",
        }.get(code, "格式不正确")
        return value, f"{_label(field)}{message}"
    return value, None


def normalise_phone(raw) -> tuple[str, str | None]:
    """(normalised number, "mobile"/"landline" or None when it is neither)."""
    text = _nfkc(raw)
    digits = re.sub(r"[\s\-()（）]", "", text)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
    if len(digits) == 13 and digits.startswith("86") and is_valid_mobile(digits[2:]):
        digits = digits[2:]
    if is_valid_mobile(digits):
        return digits, "mobile"
    # Landline: 区号 010 and 02X have 3 digits, every other area code 4; the number 7 or 8 digits,
    # then an optional extension (分机) the person separated with a hyphen or space.
    if digits.isdigit() and len(digits) > 3 and digits.startswith("0"):
        area = digits[:3] if digits[1] in "12" else digits[:4]
        rest = digits[len(area):]
        parts = [p for p in re.split(r"[\s\-()（）]+", text) if p]
        if len(parts) >= 2 and parts[0] == area:
            number, ext = parts[1], "".join(parts[2:])
        else:
            number, ext = rest, ""
        if len(number) in (7, 8) and number[0] not in "01" and len(ext) <= 6:
            return "-".join(p for p in (area, number, ext) if p), "landline"
    return text, None


def _phone(field: dict, raw) -> tuple[Any, str | None]:
    if not _nfkc(raw):
        return "", None
    value, kind = normalise_phone(raw)
    if field.get("mobile_only"):
        if kind != "mobile":
            return value, f"{_label(field)}应为11位手机号码"
    elif kind is None:
        return value, f"{_label(field)}应为11位手机号码或带区号的固定电话（如 0739-5201234）"
    return value, None


def _email_value(field: dict, raw) -> tuple[Any, str | None]:
    value = _nfkc(raw)
    if not value:
        return "", None
    try:
        _email(value)
    except ValidationError:
        return value, f"{_label(field)}格式不正确，应如 name@example.cn"
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}", None


CLEANERS = {
    "text": _text, "textarea": _text, "address": _text,
    "number": _number, "money": _money, "date": _date,
    "select": _choice, "radio": _choice, "checkbox": _checkbox, "boolean": _boolean,
    "id_number": _id_number, "credit_code": _credit_code, "phone": _phone, "email": _email_value,
}


def clean_value(field: dict, raw) -> tuple[Any, str | None]:
    """(JSON-ready value, Chinese error or None) for one field; an empty answer is not an error here."""
    if raw is None:
        return empty_value(field), None
    if field["type"] != "checkbox" and isinstance(raw, list | tuple):
        raw = raw[-1] if raw else ""
    if field["type"] in TEXT_TYPES and not isinstance(raw, str):
        raw = str(raw)
    return CLEANERS[field["type"]](field, raw)


def required_message(field: dict) -> str:
    kind = field["type"]
    if kind == "boolean":
        return f"请勾选{_label(field)}"
    if kind == "checkbox":
        return f"请至少选择一项{_label(field)}"
    if kind in CHOICE_TYPES:
        return f"请选择{_label(field)}"
    return f"请填写{_label(field)}"


def _raw(data, field: dict, html: bool):
    key = field["key"]
    if not html:
        return data.get(key, MISSING)
    if field["type"] in ("checkbox", "boolean"):
        shown = data.getlist(SHOWN_MARKER)
        if key not in data and shown and key not in shown:
            return MISSING  # this page did not show the box: leave the stored answer alone
        if field["type"] == "checkbox":
            return data.getlist(key)
        return data.get(key) if key in data else False
    if key not in data:
        return MISSING
    values = data.getlist(key)
    return values[-1] if values else ""


def applicability(spec, answers: Mapping[str, Any]) -> dict[str, bool | None]:
    """For each field key: True (asked), False (not for this kind of applicant) or None (not known
    yet: the applicant has not chosen 申请人类型). A section's `applies_to` covers the fields under it."""
    chosen = answers.get(APPLICANT_TYPE_KEY) if APPLICANT_TYPE_KEY in field_by_key(spec) else None
    if isinstance(chosen, list):
        chosen = chosen[-1] if chosen else None
    out, section_scope = {}, None
    for f in spec:
        if f.get("type") == "section":
            section_scope = f.get("applies_to")
            continue
        scope = f.get("applies_to") or section_scope
        if not scope or f.get("key") == APPLICANT_TYPE_KEY:
            out[f.get("key")] = True
        elif not chosen:
            out[f.get("key")] = None
        else:
            out[f.get("key")] = str(chosen) in scope
    return out


def clean_answers(spec, data: Mapping[str, Any], *, partial: bool = False) -> tuple[dict, dict[str, str]]:
    """Check `data` against the form `spec`.

    Returns (answers, errors). `answers` holds every field present in `data`, normalised (ID numbers
    upper-case, phones without spaces, money as "1234.50", dates ISO) — also the wrong ones, so a page
    can show back what was typed; `errors` maps field key → Chinese message naming the field.
    partial=True (a draft) skips "required". Fields that do not apply to the chosen kind of applicant
    come back empty, so a stale answer is cleared. Keys not in the spec are dropped.
    """
    spec = list(spec or ())
    html = hasattr(data, "getlist")
    by_key = field_by_key(spec)
    answers, errors = {}, {}
    chooser = by_key.get(APPLICANT_TYPE_KEY)
    if chooser is not None:  # first: it decides which other fields apply
        raw = _raw(data, chooser, html)
        if raw is not MISSING:
            answers[APPLICANT_TYPE_KEY] = clean_value(chooser, raw)[0]
    scope = applicability(spec, answers)
    for key, field in by_key.items():
        applies = scope.get(key, True)
        if applies is False:
            answers[key] = empty_value(field)
            continue
        raw = _raw(data, field, html)
        if raw is MISSING:
            if not partial and field.get("required") and applies:
                errors[key] = required_message(field)
            continue
        value, error = clean_value(field, raw)
        answers[key] = value
        if error:
            errors[key] = error
        elif is_empty(value) and field.get("required") and not partial and applies:
            errors[key] = required_message(field)
    return answers, errors


def initial_answers(spec) -> dict:
    """The defaults of a form (for a new application, before prefill from the account)."""
    return {f["key"]: f["default"] for f in spec
            if f.get("type") != "section" and f.get("default") not in (None, "", [])}
