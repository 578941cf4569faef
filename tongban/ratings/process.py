"""The processes of 好差评 on the one workflow engine (tongban.workflow): the bad-rating loop
(差评整改闭环: verify and call back, rectify / explain / appeal, three reviews — docs/domain.md §7,
国办发〔2019〕51号) and "办不成事" reports (handled like a 12345 work order, §8). Names, roles and
time limits are data a platform admin edits (新建修订版本 in 流程引擎); what each action does is
code (services/loop.py, services/tickets.py).
"""

from tongban.ratings.models import ReviewStatus, TicketStatus
from tongban.workflow.definitions import Definition
from tongban.workflow.subjects import Subject

LOOP_ACTIONS = {
    "verify": "核实回访", "rectify": "确定整改", "explain": "解释说明", "appeal": "提出申诉",
    "rectified": "整改完成并反馈", "uphold_appeal": "申诉成立", "refuse_appeal": "申诉不成立",
    "approve": "复核通过", "send_back": "退回重办",
}
BAD_RATING = Subject("bad_rating", "差评整改", actions=LOOP_ACTIONS, statuses=dict(ReviewStatus.choices))

TICKET_ACTIONS = {"assign": "分派", "answer": "答复", "close": "办结", "send_back": "退回重办"}
CANNOT_DO = Subject("cannot_do", "“办不成事”反映", actions=TICKET_ACTIONS, statuses=dict(TicketStatus.choices))

# The loop's forms (pages and API) and the process actions each one takes: the form shows while one
# of its actions can be taken from where the review stands.
FORMS = {
    "verify": ("verify",),
    "handle": ("rectify", "explain", "appeal"),
    "rectified": ("rectified",),
    "decide_appeal": ("uphold_appeal", "refuse_appeal"),
    "review": ("approve", "send_back"),
}
FORM_LABELS = {"verify": "核实回访", "handle": "确定处理方式", "rectified": "整改完成并反馈",
               "decide_appeal": "申诉裁决", "review": "复核"}
REVIEW_STATES = ("department_review", "bureau_review", "supervisor_review")

DEPT, SUP = ["approver"], ["supervisor"]
OPEN = ReviewStatus.OPEN

# Local rules give 5–15 working days to rectify (10 by default); 三级复核: department, bureau
# (政务服务管理局), supervisor. A real-name bad rating is called back at 核实回访 without exception.
LOOP = Definition(
    code="bad_rating", name="差评整改闭环（核实回访→整改/说明/申诉→三级复核）", subject="bad_rating", is_default=True,
    states=[
        {"code": "verify", "name": "核实回访", "kind": "start", "status": OPEN, "public_label": "核实中",
         "sla": ("working_days", 2)},
        {"code": "handle", "name": "确定处理方式", "kind": "work", "status": OPEN, "public_label": "核实中",
         "sla": ("working_days", 2)},
        {"code": "rectify", "name": "整改", "kind": "work", "status": OPEN, "public_label": "整改中",
         "sla": ("working_days", 10)},
        {"code": "appeal", "name": "申诉裁决", "kind": "work", "status": OPEN, "public_label": "复核中",
         "sla": ("working_days", 5)},
        {"code": "department_review", "name": "部门复核", "kind": "work", "status": OPEN, "public_label": "复核中",
         "sla": ("working_days", 2)},
        {"code": "bureau_review", "name": "政务服务管理局复核", "kind": "work", "status": OPEN,
         "public_label": "复核中", "sla": ("working_days", 3)},
        {"code": "supervisor_review", "name": "督办复核办结", "kind": "work", "status": OPEN,
         "public_label": "复核中", "sla": ("working_days", 3)},
        {"code": "closed", "name": "已办结", "kind": "final", "status": ReviewStatus.CLOSED},
        {"code": "voided", "name": "申诉成立（评价无效）", "kind": "final", "status": ReviewStatus.VOIDED},
    ],
    transitions=[
        ("verify", "verify", "核实回访", "handle", DEPT),
        ("handle", "rectify", "整改", "rectify", DEPT),
        ("handle", "explain", "解释说明", "department_review", DEPT),
        ("handle", "appeal", "申诉（误评或恶意评价）", "appeal", DEPT),
        ("rectify", "rectified", "整改完成并反馈", "department_review", DEPT),
        ("appeal", "uphold_appeal", "申诉成立", "voided", SUP),
        ("appeal", "refuse_appeal", "申诉不成立，退回部门", "handle", SUP),
        ("department_review", "approve", "部门复核通过", "bureau_review", DEPT),
        ("department_review", "send_back", "退回重办", "handle", DEPT),
        ("bureau_review", "approve", "政务服务管理局复核通过", "supervisor_review", SUP),
        ("bureau_review", "send_back", "退回重办", "handle", SUP),
        ("supervisor_review", "approve", "复核通过并办结", "closed", SUP),
        ("supervisor_review", "send_back", "退回重办", "handle", SUP),
    ])

# An ordinary 12345 order is answered within 5 working days (docs/domain.md §8): the whole report's limit.
TICKETS = Definition(
    code="cannot_do", name="“办不成事”反映（分派→答复→督办办结）", subject="cannot_do", is_default=True,
    sla=("working_days", 5),
    states=[
        {"code": "new", "name": "待分派", "kind": "start", "status": TicketStatus.NEW},
        {"code": "assigned", "name": "办理中", "kind": "work", "status": TicketStatus.ASSIGNED},
        {"code": "answered", "name": "已答复", "kind": "work", "status": TicketStatus.ANSWERED},
        {"code": "closed", "name": "已办结", "kind": "final", "status": TicketStatus.CLOSED},
    ],
    transitions=[
        ("new", "assign", "分派承办部门", "assigned", SUP),
        ("assigned", "assign", "改派", "assigned", SUP),
        ("assigned", "answer", "答复", "answered", DEPT),
        ("answered", "assign", "改派", "assigned", SUP),
        ("answered", "close", "办结", "closed", SUP),
        ("answered", "send_back", "答复不到位，退回重办", "assigned", SUP),
    ])
