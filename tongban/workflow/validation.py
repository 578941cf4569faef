"""A process version is checked before it is used (published or installed): every state reachable
from the start, every state but the final ones able to end, every action one its subject has an
effect for, every role one of the platform's. The messages name the state or action at fault."""

from collections import deque

from django.core.exceptions import ValidationError

from tongban.workflow.models import ROLE_LABELS, SlaUnit, StateKind
from tongban.workflow.subjects import subject as find_subject


class ProcessInvalid(ValidationError):
    """The definition cannot be used; `messages` lists every fault found."""


def problems(process_subject: str, states: list, transitions: list) -> list[str]:
    """Faults of a definition given as rows (or anything with the same attributes): states with
    code, name, kind, status, sla_unit, sla_value; transitions with from_state, to_state, action,
    label, roles (states as objects)."""
    found = []
    subject = find_subject(process_subject)
    if subject is None:
        return [f"未知的适用对象“{process_subject}”"]
    if not states:
        return ["流程没有任何环节"]
    starts = [s for s in states if s.kind == StateKind.START]
    finals = [s for s in states if s.kind == StateKind.FINAL]
    if len(starts) != 1:
        found.append(f"流程应有且只有一个开始环节（现有 {len(starts)} 个）")
    if not finals:
        found.append("流程没有结束环节")
    for s in states:
        if s.status and subject.statuses and s.status not in subject.statuses:
            found.append(f"环节“{s.name}”的对应状态“{s.status}”不是{subject.name}的状态"
                         f"（可选：{'、'.join(subject.statuses)}）")
        found.extend(f"环节“{s.name}”：{m}" for m in _sla_problems(s.sla_unit, s.sla_value))
    codes = {id(s) for s in states}
    for t in transitions:
        where = f"动作“{t.label}”（{t.from_state.name} → {t.to_state.name}）"
        if id(t.from_state) not in codes or id(t.to_state) not in codes:
            found.append(f"{where}连接了本版本以外的环节")
        if t.action not in subject.actions:
            found.append(f"{where}的动作代码“{t.action}”没有对应的办理效果（{subject.name}可用："
                         f"{'、'.join(subject.actions)}）")
        roles = t.roles if isinstance(t.roles, list) else []
        unknown = [str(r) for r in roles if r not in ROLE_LABELS]
        if not roles:
            found.append(f"{where}没有指定可执行角色")
        if unknown:
            found.append(f"{where}含未知角色：{'、'.join(unknown)}")
        if t.from_state.kind == StateKind.FINAL:
            found.append(f"{where}从结束环节出发：结束环节不能再有动作")
    if len(starts) == 1:
        reached = _walk(starts[0], {id(s): [] for s in states}, transitions, forward=True)
        for s in states:
            if id(s) not in reached:
                found.append(f"环节“{s.name}”从开始环节无法到达")
    if finals:
        ending = set()
        for f in finals:
            ending |= _walk(f, {id(s): [] for s in states}, transitions, forward=False)
        for s in states:
            if s.kind != StateKind.FINAL and id(s) not in ending:
                found.append(f"环节“{s.name}”无法走到任何结束环节")
    return found


def _walk(origin, graph: dict, transitions: list, *, forward: bool) -> set:
    for t in transitions:
        a, b = (t.from_state, t.to_state) if forward else (t.to_state, t.from_state)
        if id(a) in graph:
            graph[id(a)].append(b)
    seen, queue = {id(origin)}, deque([origin])
    while queue:
        for nxt in graph.get(id(queue.popleft()), []):
            if id(nxt) not in seen:
                seen.add(id(nxt))
                queue.append(nxt)
    return seen


def _sla_problems(unit: str, value) -> list[str]:
    if unit and unit not in SlaUnit.values:
        return [f"未知的时限单位“{unit}”"]
    if unit and not value:
        return ["设置了时限单位，请填写时限"]
    if not unit and value:
        return ["填写了时限，请选择时限单位"]
    if unit == SlaUnit.SHARE and value > 100:
        return ["占总时限的百分比不能超过100"]
    return []


def check_version(version) -> None:
    """Raise ProcessInvalid listing every fault of a saved version."""
    states = list(version.states.all())
    by_id = {s.pk: s for s in states}
    transitions = list(version.transitions.all())
    for t in transitions:  # the same objects as `states`, so the walks compare identities
        t.from_state, t.to_state = by_id.get(t.from_state_id, t.from_state), by_id.get(t.to_state_id, t.to_state)
    found = problems(version.process.subject, states, transitions)
    found += [f"流程总时限：{m}" for m in _sla_problems(version.sla_unit, version.sla_value)]
    if found:
        raise ProcessInvalid(found)
