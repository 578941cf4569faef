"""A small process to try the engine on: the case subject's actions, four states."""

from tongban.workflow.definitions import Definition


def site_check(**over) -> Definition:
    spec = {
        "code": "with-site-check", "name": "含现场核查的审批流程", "subject": "case",
        "states": [
            {"code": "accept", "name": "受理", "kind": "start"},
            {"code": "site", "name": "现场核查", "kind": "work", "sla": ("working_days", 3)},
            {"code": "decide", "name": "决定", "kind": "work"},
            {"code": "done", "name": "办结", "kind": "final"},
        ],
        "transitions": [
            ("accept", "accept", "受理", "site", ["clerk", "approver"]),
            ("site", "advance", "核查通过", "decide", ["approver"]),
            ("decide", "approve", "准予", "done", ["approver"]),
            ("decide", "deny", "不予", "done", ["approver"]),
        ],
    }
    spec.update(over)
    return Definition(**spec)
