"""Conditions of the situational rules (情形规则), as data, with a small safe evaluator (no eval()).

A condition is JSON:

    {"q": "area", "op": "gt", "value": 300}          a comparison with the answer to question "area"
    {"q": "has_licence", "op": "is", "value": true}    yes/no questions
    {"all": [c1, c2]}  {"any": [c1, c2]}  {"not": c}  combinations
    {"member": "tobacco"}                              the applicant ticked optional member "tobacco"
    true                                               always

Operators: eq, ne, gt, ge, lt, le, in, not_in, is, answered. A comparison with a question that was
not answered is false (so "not answered" never includes a member by accident).
`condition_problems()` lists what is wrong with a condition in Chinese, naming the question.
"""

from decimal import Decimal, InvalidOperation

OPS = {
    "eq": "等于", "ne": "不等于", "gt": "大于", "ge": "大于等于", "lt": "小于", "le": "小于等于",
    "in": "属于", "not_in": "不属于", "is": "是/否", "answered": "已作答",
}
NUMERIC_OPS = {"gt", "ge", "lt", "le"}
MAX_DEPTH = 8


def _number(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def evaluate(condition, answers: dict, chosen_optional=frozenset(), _depth: int = 0) -> bool:
    """True when `condition` holds for `answers` (question key → cleaned answer)."""
    if _depth > MAX_DEPTH:
        return False
    if condition is True:
        return True
    if not isinstance(condition, dict):
        return False
    if "all" in condition:
        return all(evaluate(c, answers, chosen_optional, _depth + 1) for c in condition["all"])
    if "any" in condition:
        return any(evaluate(c, answers, chosen_optional, _depth + 1) for c in condition["any"])
    if "not" in condition:
        return not evaluate(condition["not"], answers, chosen_optional, _depth + 1)
    if "member" in condition:
        return condition["member"] in chosen_optional
    op, expected = condition.get("op"), condition.get("value")
    answer = answers.get(condition.get("q"))
    if op == "answered":
        return answer not in (None, "")
    if answer in (None, ""):
        return False
    if op == "is":
        return bool(answer) is bool(expected)
    if op in ("in", "not_in"):
        inside = str(answer) in {str(v) for v in (expected or [])}
        return inside if op == "in" else not inside
    if op in NUMERIC_OPS:
        a, b = _number(answer), _number(expected)
        if a is None or b is None:
            return False
        return {"gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[op]
    if op in ("eq", "ne"):
        a, b = _number(answer), _number(expected)
        same = a == b if a is not None and b is not None else str(answer) == str(expected)
        if isinstance(answer, bool) or isinstance(expected, bool):
            same = bool(answer) is bool(expected)
        return same if op == "eq" else not same
    return False


def questions_used(condition) -> set[str]:
    if isinstance(condition, dict):
        used = {condition["q"]} if isinstance(condition.get("q"), str) else set()
        for key in ("all", "any"):
            for c in condition.get(key) or []:
                used |= questions_used(c)
        if "not" in condition:
            used |= questions_used(condition["not"])
        return used
    return set()


def condition_problems(condition, questions: dict[str, dict], optional_members: set[str], where: str,
                       _depth: int = 0) -> list[str]:
    """Every problem of `condition`; `questions` maps key → {"kind", "options"}."""
    if _depth > MAX_DEPTH:
        return [f"{where}：条件嵌套过深（不超过{MAX_DEPTH}层）"]
    if condition is True:
        return []
    if not isinstance(condition, dict) or not condition:
        return [f"{where}：条件应为 JSON 对象，如 {{\"q\": \"area\", \"op\": \"gt\", \"value\": 300}}"]
    for key in ("all", "any"):
        if key in condition:
            parts = condition[key]
            if len(condition) != 1 or not isinstance(parts, list) or not parts:
                return [f"{where}：“{key}”应为非空的条件列表，且不与其他属性同用"]
            return [p for i, c in enumerate(parts, start=1)
                    for p in condition_problems(c, questions, optional_members, f"{where}第{i}项", _depth + 1)]
    if "not" in condition:
        if len(condition) != 1:
            return [f"{where}：“not”不与其他属性同用"]
        return condition_problems(condition["not"], questions, optional_members, where, _depth + 1)
    if "member" in condition:
        if condition["member"] not in optional_members:
            return [f"{where}：事项“{condition['member']}”不是本主题的可选事项"]
        return []
    unknown = sorted(set(condition) - {"q", "op", "value"})
    if unknown:
        return [f"{where}：不认识的属性 {', '.join(unknown)}（可用 q、op、value、all、any、not、member）"]
    key, op, value = condition.get("q"), condition.get("op"), condition.get("value")
    if key not in questions:
        return [f"{where}：问题“{key}”不存在，请先在情形引导中添加该问题"]
    if op not in OPS:
        return [f"{where}：运算“{op}”不存在，可用：{', '.join(OPS)}"]
    kind, label = questions[key].get("kind"), questions[key].get("text") or key
    if op == "answered":
        return []
    if kind == "yes_no" and op not in ("is", "eq", "ne"):
        return [f"{where}：是/否题“{label}”只能用 is（value 为 true 或 false）"]
    if kind == "yes_no" and not isinstance(value, bool):
        return [f"{where}：是/否题“{label}”的 value 应为 true 或 false"]
    if op in NUMERIC_OPS and (kind != "number" or _number(value) is None):
        return [f"{where}：“{OPS[op]}”只用于数字题，value 应为数字"]
    if kind == "choice":
        allowed = {str(o.get("value")) for o in questions[key].get("options") or []}
        values = value if op in ("in", "not_in") else [value]
        if not isinstance(values, list) or not values:
            return [f"{where}：“{OPS[op]}”的 value 应为选项值列表"]
        stray = [str(v) for v in values if str(v) not in allowed]
        if stray:
            return [f"{where}：“{'、'.join(stray)}”不是问题“{label}”的选项"]
    if kind == "number" and op in ("eq", "ne") and _number(value) is None:
        return [f"{where}：数字题“{label}”的 value 应为数字"]
    return []
