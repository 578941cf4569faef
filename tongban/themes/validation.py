"""Checking a theme before it is published: every problem in Chinese, naming what is wrong.

Unknown questions or members in a rule, a dependency cycle, a member whose matter is not published,
an alias naming a field no member asks, a fixed answer the member's form would refuse …
"""

from tongban.catalog.codes import MaterialSource
from tongban.catalog.models import MatterVersion
from tongban.forms.defaults import effective_form
from tongban.forms.spec import field_by_key
from tongban.forms.validation import clean_value
from tongban.themes.conditions import condition_problems
from tongban.themes.definition import member_by_code

QUESTION_KINDS = {"yes_no", "choice", "number"}


def _questions(definition: dict, problems: list[str]) -> dict:
    by_key = {}
    for i, q in enumerate(definition["questions"], start=1):
        where = f"情形引导第{i}题“{q['text'] or q['key']}”"
        if q["key"] in by_key:
            problems.append(f"{where}：问题代码“{q['key']}”重复")
        by_key[q["key"]] = q
        if q["kind"] not in QUESTION_KINDS:
            problems.append(f"{where}：题型应为是/否、单项选择或数字")
        if not (q["text"] or "").strip():
            problems.append(f"{where}：请填写问题")
        options = q.get("options") or []
        if q["kind"] == "choice":
            values = [o.get("value") for o in options if isinstance(o, dict)]
            if len(values) < 2 or len(values) != len(options) or any(
                    not isinstance(v, str) or not v for v in values) or len(set(values)) != len(values):
                problems.append(f"{where}：单项选择题至少要有两个选项，每项为 {{\"value\": …, \"label\": …}}，值不重复")
        elif options:
            problems.append(f"{where}：只有单项选择题可以设置选项")
        if q["kind"] == "number" and q["min"] is not None and q["max"] is not None and q["min"] > q["max"]:
            problems.append(f"{where}：最小值大于最大值")
    return by_key


def _members(definition: dict, problems: list[str]) -> dict[str, dict]:
    """Member code → its form as a key → field dict (for alias and fill checks)."""
    forms, seen = {}, set()
    if len(definition["members"]) < 2:
        problems.append("一件事主题至少应包含两个事项")
    for m in definition["members"]:
        where = f"事项“{m['code']}”（{m['name']}）"
        if m["code"] in seen:
            problems.append(f"{where}：成员代码重复")
        seen.add(m["code"])
        if not m["active"]:
            problems.append(f"{where}：事项未发布或实施清单已取消，不能纳入主题")
            continue
        spec = effective_form(MatterVersion.objects.get(pk=m["matter_version_id"]))
        forms[m["code"]] = field_by_key(spec)
        for key, value in (m.get("fixed_answers") or {}).items():
            f = forms[m["code"]].get(key)
            if f is None:
                problems.append(f"{where}：预设答案中的字段“{key}”不在该事项的申请表中")
            elif clean_value(f, value)[1]:
                problems.append(f"{where}：预设答案“{f['label']}”无效（{clean_value(f, value)[1]}）")
    return forms


def _material_names(member: dict) -> dict[str, dict]:
    return {x["name"]: x for x in member["materials"]}


def _rules(definition, questions, members, problems) -> None:
    optional = {m["code"] for m in definition["members"] if m["mode"] == "optional"}
    included = set()
    for i, rule in enumerate(definition["rules"], start=1):
        where = f"第{i}条规则"
        problems += condition_problems(rule["condition"], questions, optional, f"{where}的条件")
        member = members.get(rule["member"])
        if member is None:
            problems.append(f"{where}：事项不存在")
            continue
        if rule["effect"] == "include":
            included.add(member["code"])
        names = _material_names(member)
        if rule["effect"] in ("waive", "require"):
            if not rule["materials"]:
                problems.append(f"{where}：请填写要{'免提交' if rule['effect'] == 'waive' else '提交'}的材料名称")
            for name in rule["materials"]:
                found = names.get(name)
                if found is None:
                    problems.append(f"{where}：“{member['name']}”没有名为“{name}”的材料")
                elif rule["effect"] == "waive" and found["required"] and found["source"] == MaterialSource.APPLICANT:
                    # 四级十同: a theme cannot drop what the matter's standard requires; only the
                    # department maintaining the matter can (a new matter version).
                    problems.append(f"{where}：“{name}”是“{member['name']}”的必要材料，主题不能免提交")
    for m in definition["members"]:
        if m["mode"] == "rule" and m["code"] not in included:
            problems.append(f"事项“{m['code']}”（{m['name']}）按情形办理，但没有任何规则选入它")


def _dependencies(definition, members, forms, problems) -> None:
    edges: dict[str, set] = {}
    for i, dep in enumerate(definition["dependencies"], start=1):
        where = f"第{i}条前后置关系"
        b, a = members.get(dep["member"]), members.get(dep["requires"])
        if a is None or b is None:
            problems.append(f"{where}：前置或后置事项不存在")
            continue
        if a["code"] == b["code"]:
            problems.append(f"{where}：事项不能以自身为前置")
            continue
        edges.setdefault(b["code"], set()).add(a["code"])
        for key, source in (dep.get("fills") or {}).items():
            if key not in forms.get(b["code"], {}):
                problems.append(f"{where}：“{b['name']}”的申请表没有字段“{key}”")
            if source not in ("result_number", "result_name"):
                problems.append(f"{where}：字段“{key}”的来源应为 result_number（证照编号）或 result_name（结果名称）")
        names = _material_names(b)
        for name in dep.get("provides_materials") or []:
            if name not in names:
                problems.append(f"{where}：“{b['name']}”没有名为“{name}”的材料")
    cycle = _find_cycle(edges)
    if cycle:
        problems.append("前后置关系存在循环：" + " → ".join(members[c]["name"] for c in cycle))


def _find_cycle(edges: dict[str, set]) -> list[str]:
    state, stack = {}, []

    def visit(node) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return []


def _aliases(definition, members, forms, problems) -> None:
    for kind, groups in (("字段", definition["field_aliases"]), ("材料", definition["material_aliases"])):
        if not isinstance(groups, list):
            problems.append(f"{kind}对照表应为列表的列表")
            continue
        for i, group in enumerate(groups, start=1):
            if not isinstance(group, list) or len(group) < 2:
                problems.append(f"{kind}对照表第{i}组：至少要有两项")
                continue
            types = set()
            for position, entry in enumerate(group):
                entry = str(entry)
                if kind == "材料" and position == 0 and "." not in entry:
                    continue  # the first entry of a material group may be just its name (e.g. 父母居民身份证)
                codes = [entry.split(".", 1)[0]] if "." in entry else list(forms)
                name = entry.split(".", 1)[-1]
                if "." in entry and codes[0] not in members:
                    problems.append(f"{kind}对照表第{i}组：事项“{codes[0]}”不存在")
                    continue
                if kind == "字段":
                    hits = [forms[c][name] for c in codes if c in forms and name in forms[c]]
                    types |= {h["type"] for h in hits}
                else:
                    hits = [c for c in codes if name in _material_names(members[c])]
                if not hits:
                    problems.append(f"{kind}对照表第{i}组：没有事项的{'申请表有字段' if kind == '字段' else '材料名为'}“{name}”")
            if len(types) > 1:
                problems.append(f"字段对照表第{i}组：字段类型不一致，不能合并为一项")


def validate_definition(definition: dict) -> list[str]:
    """Every problem of a theme definition; [] when it can be published."""
    problems: list[str] = []
    if not definition["promised_days"] and definition["promised_days"] != 0:
        problems.append("请填写主题承诺办结时限")
    questions = _questions(definition, problems)
    forms = _members(definition, problems)
    members = member_by_code(definition)
    _rules(definition, questions, members, problems)
    _dependencies(definition, members, forms, problems)
    _aliases(definition, members, forms, problems)
    return list(dict.fromkeys(problems))
