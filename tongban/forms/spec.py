"""The application form of a matter version, as data (申请表单).

A form spec is a JSON list of field dicts, stored on the matter version so that every case keeps the
exact form it was filled in with. A field:

    {"key": "applicant_name",          # ASCII identifier, unique in the form; the answer's key
     "type": "text",                    # one of FIELD_TYPES
     "label": "申请人姓名",              # what the applicant reads (Chinese)
     "required": true,                  # optional, default false
     "options": [{"value": "1", "label": "男"}],   # select / radio / checkbox only
     "help": "…", "placeholder": "…",  # optional
     "min": 1, "max": 50,               # number/money: value; date: "2025-01-01" or "today", "today-30";
                                        # text types: length; checkbox: how many ticked
     "integer": true,                   # number only: whole numbers
     "mobile_only": true,               # phone only: a mobile number (for SMS), no landline
     "pattern": "^[A-Z]{2}\\d+$", "pattern_message": "…",   # text types: Python regex, full match
     "default": …,                      # initial answer, must itself be valid
     "applies_to": ["1"],               # 服务对象 codes; only in a form shared by persons and organisations
     "prefill": "applicant.name"}       # the cases app fills it from the logged-in account

A "section" field is a heading (label, optional help) and has no answer.
`validate_form_spec()` lists the problems in Chinese; the catalogue refuses to publish a version
whose form has any.
"""

import re
from collections.abc import Iterable
from datetime import date, timedelta

FIELD_TYPES = {
    "section": "分节标题",
    "text": "单行文本",
    "textarea": "多行文本",
    "number": "数字",
    "money": "金额（元）",
    "date": "日期",
    "select": "下拉选择",
    "radio": "单选",
    "checkbox": "多选",
    "boolean": "勾选确认",
    "id_number": "公民身份号码",
    "credit_code": "统一社会信用代码",
    "phone": "电话号码",
    "email": "电子邮箱",
    "address": "地址",
}
CHOICE_TYPES = frozenset({"select", "radio", "checkbox"})
TEXT_TYPES = frozenset({"text", "textarea", "address"})
# Default maximum lengths (characters) when a text field sets none.
DEFAULT_MAX_LENGTH = {"text": 200, "textarea": 2000, "address": 200}

# 服务对象 codes (GB/T 39046): 1 自然人, 2 企业法人, 3 事业法人, 4 社会组织法人, 5 行政机关, 6 其他组织.
SERVICE_OBJECTS = {"1": "自然人", "2": "企业法人", "3": "事业法人", "4": "社会组织法人", "5": "行政机关", "6": "其他组织"}
PERSON = "1"
# The answer that says which kind of applicant fills a shared form; `applies_to` is checked against it.
APPLICANT_TYPE_KEY = "applicant_type"

# What the cases app can prefill from the account of the person applying.
PREFILL_SOURCES = {
    "applicant.name": "申请人（账号）姓名",
    "applicant.id_number": "申请人公民身份号码",
    "applicant.phone": "申请人手机号码",
    "applicant.email": "申请人电子邮箱",
    "applicant.address": "申请人联系地址",
    "organisation.name": "单位名称",
    "organisation.credit_code": "单位统一社会信用代码",
    "organisation.legal_representative": "法定代表人",
    "organisation.address": "单位地址",
}
# A form must say who applies: the cases app copies these onto the case (name shown in every list).
APPLICANT_PREFILLS = frozenset({"applicant.name", "organisation.name"})

FIELD_KEYS = frozenset({"key", "type", "label", "required", "options", "help", "placeholder", "min", "max",
                        "integer", "mobile_only", "pattern", "pattern_message", "default", "applies_to",
                        "prefill"})
SECTION_KEYS = frozenset({"key", "type", "label", "help", "applies_to"})
KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,49}$")
DATE_BOUND_RE = re.compile(r"^today(?:([+-])(\d{1,5}))?$")


def fields(spec: Iterable[dict]) -> list[dict]:
    """The fields that take an answer (sections left out)."""
    return [f for f in spec if f.get("type") != "section"]


def field_by_key(spec: Iterable[dict]) -> dict[str, dict]:
    return {f["key"]: f for f in spec if f.get("type") != "section" and f.get("key")}


def resolve_date_bound(bound, today: date | None = None) -> date | None:
    """A date field's min/max: an ISO date, "today", or "today+N"/"today-N" days."""
    if bound in (None, ""):
        return None
    text = str(bound).strip()
    match = DATE_BOUND_RE.match(text)
    if match:
        today = today or date.today()
        sign, days = match.groups()
        if not days:
            return today
        return today + timedelta(days=int(days)) * (1 if sign == "+" else -1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_bounds(f: dict, where: str, problems: list[str]) -> None:
    kind = f.get("type")
    lo, hi = f.get("min"), f.get("max")
    if kind == "date":
        for name, bound in (("min", lo), ("max", hi)):
            if bound is not None and resolve_date_bound(bound) is None:
                problems.append(f"{where}：{name} 应为日期（如 2025-01-01）或 today、today-30 这样的相对日期")
        lo_d, hi_d = resolve_date_bound(lo), resolve_date_bound(hi)
        if lo_d and hi_d and lo_d > hi_d:
            problems.append(f"{where}：最早日期（min）晚于最晚日期（max）")
        return
    for name, bound in (("min", lo), ("max", hi)):
        if bound is None:
            continue
        if not _is_number(bound):
            problems.append(f"{where}：{name} 应为数字")
            return
        if kind != "number" and kind != "money" and (bound < 0 or int(bound) != bound):
            problems.append(f"{where}：{name} 表示长度或个数，应为非负整数")
            return
    if lo is not None and hi is not None and lo > hi:
        problems.append(f"{where}：min 大于 max")
    if kind in ("boolean", "select", "radio", "id_number", "credit_code", "phone", "email") and (
            lo is not None or hi is not None):
        problems.append(f"{where}：{FIELD_TYPES[kind]}类型不使用 min/max")


def _check_options(f: dict, where: str, problems: list[str]) -> None:
    options = f.get("options")
    if f.get("type") not in CHOICE_TYPES:
        if options:
            problems.append(f"{where}：只有下拉选择、单选、多选类型可以设置选项（options）")
        return
    if not isinstance(options, list) or not options:
        problems.append(f"{where}：请设置选项（options），如 [{{\"value\": \"1\", \"label\": \"是\"}}]")
        return
    seen = set()
    for i, option in enumerate(options, start=1):
        if not isinstance(option, dict) or set(option) - {"value", "label"}:
            problems.append(f"{where}：第{i}个选项应为 {{\"value\": …, \"label\": …}}")
            continue
        value, label = option.get("value"), option.get("label")
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}：第{i}个选项的 value 应为非空文字")
        elif value in seen:
            problems.append(f"{where}：选项值“{value}”重复")
        else:
            seen.add(value)
        if not isinstance(label, str) or not label.strip():
            problems.append(f"{where}：第{i}个选项缺少显示文字（label）")


def _check_pattern(f: dict, where: str, problems: list[str]) -> None:
    pattern = f.get("pattern")
    if pattern is None:
        if f.get("pattern_message"):
            problems.append(f"{where}：设置了 pattern_message 但没有 pattern")
        return
    if f.get("type") not in TEXT_TYPES:
        problems.append(f"{where}：只有文本、多行文本和地址类型可以设置格式（pattern）")
        return
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        problems.append(f"{where}：格式（pattern）不是有效的正则表达式：{exc}")
        return
    if not str(f.get("pattern_message") or "").strip():
        problems.append(f"{where}：设置了格式（pattern）时请填写不符合格式时的提示（pattern_message）")


def _check_field(f: dict, where: str, problems: list[str]) -> None:
    kind = f["type"]
    allowed = SECTION_KEYS if kind == "section" else FIELD_KEYS
    unknown = sorted(set(f) - allowed)
    if unknown:
        problems.append(f"{where}：不认识的属性 {', '.join(unknown)}")
    for text_key in ("help", "placeholder", "pattern_message"):
        if f.get(text_key) is not None and not isinstance(f[text_key], str):
            problems.append(f"{where}：{text_key} 应为文字")
    if "required" in f and not isinstance(f["required"], bool):
        problems.append(f"{where}：required 应为 true 或 false")
    applies_to = f.get("applies_to")
    if applies_to is not None:
        if not isinstance(applies_to, list) or not applies_to or any(c not in SERVICE_OBJECTS for c in applies_to):
            problems.append(f"{where}：applies_to 应为服务对象代码列表（1 自然人、2 企业法人……6 其他组织）")
    if kind == "section":
        return
    if f.get("prefill") is not None and f["prefill"] not in PREFILL_SOURCES:
        problems.append(f"{where}：预填来源“{f['prefill']}”不存在，可用：{', '.join(PREFILL_SOURCES)}")
    if "integer" in f and (kind != "number" or not isinstance(f["integer"], bool)):
        problems.append(f"{where}：integer 只用于数字类型，取值 true 或 false")
    if "mobile_only" in f and (kind != "phone" or not isinstance(f["mobile_only"], bool)):
        problems.append(f"{where}：mobile_only 只用于电话号码类型，取值 true 或 false")
    _check_options(f, where, problems)
    _check_bounds(f, where, problems)
    _check_pattern(f, where, problems)


def validate_form_spec(spec) -> list[str]:
    """Every problem of a form spec, in Chinese, naming the field; [] when it can be published.

    An empty form is valid: the version then uses the default applicant form (forms.defaults)."""
    if spec in (None, ""):
        return []
    if not isinstance(spec, list):
        return ["申请表单应为字段列表（JSON 数组）"]
    problems: list[str] = []
    keys: set[str] = set()
    has_applicant = False
    for i, f in enumerate(spec, start=1):
        if not isinstance(f, dict):
            problems.append(f"第{i}项应为一个字段（JSON 对象）")
            continue
        label = f.get("label")
        where = f"第{i}项“{label}”" if isinstance(label, str) and label.strip() else f"第{i}项"
        key, kind = f.get("key"), f.get("type")
        if not isinstance(key, str) or not KEY_RE.match(key):
            problems.append(f"{where}：字段标识（key）应为英文字母开头、由字母数字下划线组成（不超过50个字符）")
        elif key in keys:
            problems.append(f"{where}：字段标识“{key}”重复")
        else:
            keys.add(key)
        if not isinstance(label, str) or not label.strip():
            problems.append(f"{where}：缺少字段名称（label）")
        elif len(label) > 100:
            problems.append(f"{where}：字段名称过长（不超过100个字符）")
        if kind not in FIELD_TYPES:
            problems.append(f"{where}：字段类型“{kind}”不存在，可用：{', '.join(FIELD_TYPES)}")
            continue
        _check_field(f, where, problems)
        if f.get("prefill") in APPLICANT_PREFILLS:
            has_applicant = True
    if not problems:
        problems += _check_defaults(spec)
        problems += _check_applicant_type(spec)
    if spec and not has_applicant:
        problems.append("申请表单缺少申请人信息：请包含预填来源为 applicant.name（申请人姓名）"
                        "或 organisation.name（单位名称）的字段")
    return problems


def _check_defaults(spec: list[dict]) -> list[str]:
    from tongban.forms.validation import clean_value

    problems = []
    for i, f in enumerate(spec, start=1):
        if f["type"] == "section" or f.get("default") in (None, "", []):
            continue
        error = clean_value(f, f["default"])[1]
        if error:
            problems.append(f"第{i}项“{f['label']}”：默认值无效（{error}）")
    return problems


def _check_applicant_type(spec: list[dict]) -> list[str]:
    """`applies_to` needs an answer to be checked against: the applicant_type radio/select."""
    if not any(f.get("applies_to") for f in spec):
        return []
    chooser = field_by_key(spec).get(APPLICANT_TYPE_KEY)
    if chooser is None or chooser["type"] not in ("radio", "select"):
        return [f"使用 applies_to 的表单需要一个标识为“{APPLICANT_TYPE_KEY}”的单选字段，让申请人选择申请人类型"]
    values = {o["value"] for o in chooser["options"]}
    problems = []
    for i, f in enumerate(spec, start=1):
        stray = sorted(set(f.get("applies_to") or ()) - values)
        if stray:
            problems.append(f"第{i}项“{f['label']}”：applies_to 中的 {', '.join(stray)} 不是申请人类型的选项")
    return problems


def describe_field(f: dict) -> str:
    """One line for the admin's read-only preview: 类型, 必填, 选项."""
    parts = [FIELD_TYPES.get(f.get("type"), str(f.get("type")))]
    if f.get("required"):
        parts.append("必填")
    if f.get("options"):
        parts.append("选项：" + "、".join(str(o.get("label")) for o in f["options"] if isinstance(o, dict)))
    if f.get("applies_to"):
        parts.append("适用：" + "、".join(SERVICE_OBJECTS.get(c, c) for c in f["applies_to"]))
    if f.get("prefill"):
        parts.append("预填：" + PREFILL_SOURCES.get(f["prefill"], f["prefill"]))
    return "；".join(parts)
