"""情形引导: check the answers to a theme's questions, then let the rules pick members and materials.

Members: 必办 ones always apply; 按情形 ones apply when an include rule holds; 可选 ones when the
applicant ticks them; an exclude rule removes a member whatever its mode. Material rules waive a
material of a member (免提交) or make an optional one required. A member whose prerequisite
(dependency) is also chosen waits for it: the fields its result fills are not asked, and the
materials it provides are not uploaded.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from tongban.themes.conditions import evaluate

_YES = {"true", "1", "yes", "y", "是", "on"}
_NO = {"false", "0", "no", "n", "否", "off"}


def _clean_one(q: dict, raw):
    """(value, Chinese error or None) for one question; (None, None) when unanswered."""
    label = f"“{q['text']}”"
    if raw is None or raw == "" or raw == []:
        return None, None
    kind = q["kind"]
    if kind == "yes_no":
        if isinstance(raw, bool):
            return raw, None
        text = str(raw).strip().lower()
        if text in _YES:
            return True, None
        if text in _NO:
            return False, None
        return None, f"{label}请回答“是”或“否”"
    if kind == "choice":
        value = str(raw).strip()
        if value not in {str(o.get("value")) for o in q.get("options") or []}:
            return None, f"{label}的选择无效，请从列出的选项中选择"
        return value, None
    if isinstance(raw, bool):
        return None, f"{label}应为数字"
    try:
        number = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        return None, f"{label}应为数字{('（' + q['unit'] + '）') if q.get('unit') else ''}"
    if not number.is_finite():
        return None, f"{label}应为数字"
    unit = q.get("unit") or ""
    if q.get("min") is not None and number < Decimal(str(q["min"])):
        return None, f"{label}不能小于{q['min']:g}{unit}"
    if q.get("max") is not None and number > Decimal(str(q["max"])):
        return None, f"{label}不能大于{q['max']:g}{unit}"
    return (int(number) if number == number.to_integral_value() else float(number)), None


def clean_situation(definition: dict, raw: dict | None, *, partial: bool = False) -> tuple[dict, dict]:
    """(answers, errors keyed by question key). partial=True (evaluating as the applicant goes) skips
    "required"; unknown keys are reported."""
    raw = raw or {}
    answers, errors = {}, {}
    questions = {q["key"]: q for q in definition["questions"]}
    for key in raw:
        if key not in questions:
            errors[key] = f"问题“{key}”不存在"
    for key, q in questions.items():
        value, error = _clean_one(q, raw.get(key))
        if error:
            errors[key] = error
        elif value is None:
            if q.get("required") and not partial:
                errors[key] = f"请回答“{q['text']}”"
        else:
            answers[key] = value
    return answers, errors


def typical_situation(definition: dict) -> dict:
    """The answers the report's typical case uses (each question's 典型答案)."""
    return {q["key"]: q["default"] for q in definition["questions"] if q.get("default") is not None}


@dataclass
class Selection:
    members: list[dict]                       # chosen members, in the theme's order
    reasons: dict[str, str]                   # member code → why it applies
    skipped: dict[str, str]                   # member code → why not
    waived: dict[str, set] = field(default_factory=dict)       # member → material names not needed
    required: dict[str, set] = field(default_factory=dict)     # member → optional materials made required
    waits: dict[str, list] = field(default_factory=dict)       # member → chosen prerequisites
    fills: dict[str, dict] = field(default_factory=dict)       # member → {field: source} while waiting
    provided: dict[str, dict] = field(default_factory=dict)    # member → {material name: prerequisite code}

    @property
    def codes(self) -> list[str]:
        return [m["code"] for m in self.members]


def choose(definition: dict, answers: dict, optional=None) -> tuple[Selection, dict]:
    """(selection, errors keyed "optional"/"members") for cleaned situational answers and the
    optional members ticked (None = each one's 默认勾选)."""
    members = definition["members"]
    optional_codes = {m["code"] for m in members if m["mode"] == "optional"}
    errors = {}
    if optional is None:
        ticked = {m["code"] for m in members if m["mode"] == "optional" and m.get("preselected")}
    else:
        ticked = set(optional)
        stray = sorted(ticked - optional_codes)
        if stray:
            errors["optional"] = f"“{'、'.join(stray)}”不是本主题的可选事项"
    included, excluded = {}, {}
    waived, required = {}, {}
    for rule in definition["rules"]:
        if not evaluate(rule["condition"], answers, ticked):
            continue
        code, note = rule["member"], rule.get("note") or ""
        if rule["effect"] == "include":
            included.setdefault(code, note)
        elif rule["effect"] == "exclude":
            excluded.setdefault(code, note)
        elif rule["effect"] == "waive":
            waived.setdefault(code, set()).update(rule["materials"])
        elif rule["effect"] == "require":
            required.setdefault(code, set()).update(rule["materials"])
    chosen, reasons, skipped = [], {}, {}
    for m in members:
        code = m["code"]
        if code in excluded:
            skipped[code] = excluded[code] or "根据您的情形无需办理"
        elif m["mode"] == "always":
            chosen.append(m)
            reasons[code] = "必办事项"
        elif m["mode"] == "rule" and code in included:
            chosen.append(m)
            reasons[code] = included[code] or "根据您的情形需要办理"
        elif m["mode"] == "optional" and code in ticked:
            chosen.append(m)
            reasons[code] = "您选择办理"
        else:
            skipped[code] = "未选择" if m["mode"] == "optional" else "根据您的情形无需办理"
    selection = Selection(chosen, reasons, skipped, waived, required)
    picked = set(selection.codes)
    for dep in definition["dependencies"]:
        if dep["member"] in picked and dep["requires"] in picked:
            code = dep["member"]
            selection.waits.setdefault(code, []).append(dep["requires"])
            selection.fills.setdefault(code, {}).update(dep.get("fills") or {})
            for name in dep.get("provides_materials") or []:
                selection.provided.setdefault(code, {})[name] = dep["requires"]
    if not chosen:
        errors["members"] = "根据您的回答没有需要办理的事项，请检查情形选择或勾选要办理的事项"
    return selection, errors
