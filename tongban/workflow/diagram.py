"""A process version drawn as an SVG, from its rows: states in columns by their distance from the
start, actions as arrows labelled with the button and the roles that may press it. For the admin,
so an administrator reads the process as a diagram, not as two tables."""

from collections import deque
from html import escape

from tongban.workflow.models import ROLE_LABELS, StateKind

BOX_W, BOX_H, COL_GAP, ROW_GAP, MARGIN = 150, 46, 150, 110, 30
FILL = {StateKind.START: "#e8f1fb", StateKind.WORK: "#ffffff", StateKind.FINAL: "#eaf6ec"}


def _columns(states: list, transitions: list) -> dict[int, int]:
    start = next((s for s in states if s.kind == StateKind.START), states[0] if states else None)
    column = {start.pk: 0} if start else {}
    queue = deque([start] if start else [])
    while queue:
        s = queue.popleft()
        for t in transitions:
            if t.from_state_id == s.pk and t.to_state_id not in column:
                column[t.to_state_id] = column[s.pk] + 1
                queue.append(t.to_state)
    last = max(column.values(), default=0) + 1
    return {s.pk: column.get(s.pk, last) for s in states}  # unreachable states stand apart, at the end


def svg(states: list, transitions: list) -> str:
    if not states:
        return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 40" role="img"><text x="10" y="25">（无环节）</text></svg>'
    column = _columns(states, transitions)
    rows: dict[int, int] = {}
    pos = {}
    for s in sorted(states, key=lambda s: (column[s.pk], s.order, s.pk)):
        row = rows.get(column[s.pk], 0)
        rows[column[s.pk]] = row + 1
        pos[s.pk] = (MARGIN + column[s.pk] * (BOX_W + COL_GAP), MARGIN + row * (BOX_H + ROW_GAP) + 90)
    width = MARGIN * 2 + (max(column.values()) + 1) * (BOX_W + COL_GAP)
    height = MARGIN * 2 + max(rows.values()) * (BOX_H + ROW_GAP) + 120
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" aria-label="流程图" font-family="sans-serif" font-size="12">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>']
    # Several actions between the same two states (告知承诺, 即办, 不予受理 all end a case at 受理) are
    # one arrow with their labels stacked, so the labels do not overprint each other.
    grouped: dict[tuple[int, int], list] = {}
    for t in transitions:
        grouped.setdefault((t.from_state_id, t.to_state_id), []).append(t)
    loops: dict[int, int] = {}
    for i, group in enumerate(grouped.values()):
        parts.append(_arrow(group, pos, loops, i))
    for s in states:
        x, y = pos[s.pk]
        stroke = 3 if s.kind == StateKind.FINAL else 1.5
        sla = f"时限 {s.sla_value}{_unit(s.sla_unit)}" if s.sla_unit and s.sla_value else ""
        parts.append(f'<g><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{FILL[s.kind]}" '
                     f'stroke="#333" stroke-width="{stroke}"/>'
                     f'<text x="{x + BOX_W / 2}" y="{y + 19}" text-anchor="middle" font-weight="bold">'
                     f'{escape(s.name)}</text>'
                     f'<text x="{x + BOX_W / 2}" y="{y + 36}" text-anchor="middle" fill="#555">'
                     f'{escape(s.get_kind_display())}{" · " + escape(sla) if sla else ""}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _unit(unit: str) -> str:
    return {"working_days": "个工作日", "calendar_days": "天", "hours": "小时", "share": "%"}.get(unit, "")


def _text(group) -> str:
    lines = []
    for t in group:
        roles = "、".join(ROLE_LABELS.get(r, r) for r in t.roles)
        lines.append(f'<tspan x="{{x}}" dy="13">{escape(t.label)}</tspan>'
                     f'<tspan x="{{x}}" dy="13" fill="#666">{escape(roles)}</tspan>')
    return "".join(lines)


def _arrow(group, pos, loops, i) -> str:
    t = group[0]
    (x1, y1), (x2, y2) = pos[t.from_state_id], pos[t.to_state_id]
    text, height = _text(group), 26 * len(group)
    if t.from_state_id == t.to_state_id:  # a loop back onto the same state, above its box
        n = loops[t.from_state_id] = loops.get(t.from_state_id, 0) + 1
        lx, top = x1 + 30 * n, y1 - 8 - 10 * n
        label_x = lx + 20
        return (f'<path d="M{lx},{y1} C{lx - 10},{top - 20} {lx + 40},{top - 20} {lx + 30},{y1}" fill="none" '
                f'stroke="#555" marker-end="url(#arrow)"/><text x="{label_x}" y="{top - 24 - height}" fill="#1a4d8f">'
                + text.format(x=label_x) + "</text>")
    forward = x2 > x1 or (x2 == x1 and y2 > y1)
    sx, sy = (x1 + BOX_W, y1 + BOX_H / 2) if x2 > x1 else (x1 + BOX_W / 2, y1 + BOX_H)
    ex, ey = (x2, y2 + BOX_H / 2) if x2 > x1 else (x2 + BOX_W / 2, y2 + (0 if y2 > y1 else BOX_H))
    if not forward:  # back to an earlier state: a curve below the boxes
        sx, sy, ex, ey = x1 + BOX_W / 2, y1 + BOX_H, x2 + BOX_W / 2, y2 + BOX_H
        bend = max(sy, ey) + 40 + 8 * (i % 3)
        mx = (sx + ex) / 2
        return (f'<path d="M{sx},{sy} C{sx},{bend} {ex},{bend} {ex},{ey}" fill="none" stroke="#999" '
                f'stroke-dasharray="4 3" marker-end="url(#arrow)"/><text x="{mx}" y="{bend - 4}" '
                f'text-anchor="middle" fill="#8a5a00">' + text.format(x=mx) + "</text>")
    mx, my = (sx + ex) / 2, (sy + ey) / 2 - 6 - height
    return (f'<line x1="{sx}" y1="{sy}" x2="{ex}" y2="{ey}" stroke="#555" marker-end="url(#arrow)"/>'
            f'<text x="{mx}" y="{my}" text-anchor="middle" fill="#1a4d8f">' + text.format(x=mx) + "</text>")
