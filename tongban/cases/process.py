"""The processes cases and joint cases run on (tongban.workflow), as their subjects and default
definitions: 受理 → 审查 → 决定 → 办结 for a case (docs/domain.md §4), one window acceptance and
parallel handling for a joint case (§5). Editors change these as data in the admin (新建修订版本);
a matter with its own procedure (e.g. 现场核查 between 审查 and 决定) gets its own process
(MatterProcess). What each action does is code: services/processing.py EFFECTS, services/bundles.py.
"""

from tongban.cases.models import ActionKind, BundlePhase
from tongban.workflow.definitions import Definition
from tongban.workflow.subjects import Subject

CASE = Subject("case", "办件", actions=dict(ActionKind.choices))

# A joint case's actions (services/bundles.py), its phase following the state.
JOINT_ACTIONS = {"accept": "一窗受理", "request_correction": "一次性告知补正", "resubmit": "申请人提交补正",
                 "refuse": "不予受理", "complete": "全部事项办结"}
JOINT_CASE = Subject("joint_case", "联办件", actions=JOINT_ACTIONS, statuses=dict(BundlePhase.choices))

WINDOW = ["clerk", "approver"]

STANDARD = Definition(
    code="standard", name="标准审批流程（受理→审查→决定→办结）", subject="case", is_default=True,
    states=[
        {"code": "accept", "name": "受理", "kind": "start", "sla": ("share", 10)},
        {"code": "review", "name": "审查", "kind": "work", "sla": ("share", 50)},
        {"code": "decide", "name": "决定", "kind": "work", "sla": ("share", 40)},
        {"code": "done", "name": "办结", "kind": "final"},
    ],
    transitions=[
        ("accept", ActionKind.ACCEPT, "受理", "review", WINDOW),
        ("accept", ActionKind.ACCEPT_RONGQUE, "容缺受理", "review", WINDOW),
        ("accept", ActionKind.ACCEPT_COMMITMENT, "告知承诺受理并办结", "done", WINDOW),
        ("accept", ActionKind.ACCEPT_IMMEDIATE, "即办（受理即办结）", "done", WINDOW),
        ("accept", ActionKind.REQUEST_CORRECTION, "一次性告知补正", "accept", WINDOW),
        ("accept", ActionKind.REFUSE, "不予受理", "done", WINDOW),
        ("review", ActionKind.ADVANCE, "审查通过，提交决定", "decide", ["approver"]),
        ("review", ActionKind.REQUEST_CORRECTION, "要求补正（暂停计时）", "review", ["approver"]),
        ("decide", ActionKind.APPROVE, "准予", "done", ["approver"]),
        ("decide", ActionKind.DENY, "不予", "done", ["approver"]),
        ("decide", ActionKind.SEND_BACK, "退回审查", "review", ["approver"]),
    ])

JOINT = Definition(
    code="joint_case", name="联办件（一窗受理、并联办理、统一出件）", subject="joint_case", is_default=True,
    # 行政许可法 §42 ¶2: 统一办理、联合办理、集中办理 within 45 working days (docs/domain.md §5).
    sla=("working_days", 45),
    states=[
        {"code": "submitted", "name": "待受理", "kind": "start", "status": BundlePhase.SUBMITTED},
        {"code": "correction", "name": "待补正", "kind": "work", "status": BundlePhase.CORRECTION},
        {"code": "processing", "name": "并联办理", "kind": "work", "status": BundlePhase.PROCESSING,
         "sla": ("share", 100)},
        {"code": "refused", "name": "不予受理", "kind": "final", "status": BundlePhase.REFUSED},
        {"code": "completed", "name": "已办结", "kind": "final", "status": BundlePhase.COMPLETED},
    ],
    transitions=[
        ("submitted", "accept", "受理全部事项", "processing", ["clerk"]),
        ("submitted", "request_correction", "一次性告知补正", "correction", ["clerk"]),
        ("submitted", "refuse", "不予受理", "refused", ["clerk"]),
        ("correction", "resubmit", "提交补正材料", "submitted", ["applicant"]),
        ("correction", "refuse", "不予受理", "refused", ["clerk"]),
        ("processing", "complete", "全部事项办结", "completed", ["system"]),
    ])
