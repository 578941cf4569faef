"""A process written as tables, the way contexts ship their default processes (and data migrations
install them): states as dicts, transitions as (from, action, label, to, roles) rows."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Definition:
    code: str
    name: str
    subject: str
    # {"code", "name", "kind": start|work|final, optional "status", "public_label", "sla": (unit, value)}
    states: list[dict]
    # (from code, action, label, to code, [roles])
    transitions: list[tuple]
    is_default: bool = False
    sla: tuple = ("", None)  # the limit of the whole instance
    description: str = ""
    note: str = field(default="初始版本")

    def state_rows(self):
        for order, s in enumerate(self.states, start=1):
            unit, value = s.get("sla", ("", None))
            yield {"code": s["code"], "name": s["name"], "kind": s["kind"], "order": order,
                   "status": s.get("status", ""), "public_label": s.get("public_label", ""),
                   "sla_unit": unit, "sla_value": value}
