"""(2 of 3) The loop's steps (LoopStep rows, as an administrator left them: names, working days, what
the rater sees, who acts) become the states of the bad-rating process, its actions the transitions
between them (where they led was code until now); every review is put at the state of its step, a
closed or voided one at its final state. "办不成事" reports get their process, at the state of their
status, with the 5-working-day limit of an ordinary order. Frozen copies of ratings/process.py."""

from django.db import migrations
from django.utils import timezone

STEPS = [  # code, name, role, days, public label — the defaults where no LoopStep row says otherwise
    ("verify", "核实回访", "approver", 2, "核实中"), ("handle", "确定处理方式", "approver", 2, "核实中"),
    ("rectify", "整改", "approver", 10, "整改中"), ("appeal", "申诉裁决", "supervisor", 5, "复核中"),
    ("department_review", "部门复核", "approver", 2, "复核中"),
    ("bureau_review", "政务服务管理局复核", "supervisor", 3, "复核中"),
    ("supervisor_review", "督办复核办结", "supervisor", 3, "复核中"),
]
LOOP_TRANSITIONS = [  # from, action, label, to (roles: those of the step it leaves)
    ("verify", "verify", "核实回访", "handle"), ("handle", "rectify", "整改", "rectify"),
    ("handle", "explain", "解释说明", "department_review"), ("handle", "appeal", "申诉（误评或恶意评价）", "appeal"),
    ("rectify", "rectified", "整改完成并反馈", "department_review"), ("appeal", "uphold_appeal", "申诉成立", "voided"),
    ("appeal", "refuse_appeal", "申诉不成立，退回部门", "handle"),
    ("department_review", "approve", "部门复核通过", "bureau_review"), ("department_review", "send_back", "退回重办", "handle"),
    ("bureau_review", "approve", "政务服务管理局复核通过", "supervisor_review"),
    ("bureau_review", "send_back", "退回重办", "handle"),
    ("supervisor_review", "approve", "复核通过并办结", "closed"), ("supervisor_review", "send_back", "退回重办", "handle"),
]
TICKET_STATES = [("new", "待分派", "start"), ("assigned", "办理中", "work"), ("answered", "已答复", "work"),
                 ("closed", "已办结", "final")]
TICKET_TRANSITIONS = [
    ("new", "assign", "分派承办部门", "assigned", ["supervisor"]), ("assigned", "assign", "改派", "assigned", ["supervisor"]),
    ("assigned", "answer", "答复", "answered", ["approver"]), ("answered", "assign", "改派", "assigned", ["supervisor"]),
    ("answered", "close", "办结", "closed", ["supervisor"]),
    ("answered", "send_back", "答复不到位，退回重办", "assigned", ["supervisor"]),
]


def _process(apps, code, name, subject, sla=("", None)):
    Process, Version = apps.get_model("workflow", "Process"), apps.get_model("workflow", "ProcessVersion")
    process = Process.objects.create(code=code, name=name, subject=subject, is_default=True)
    return Version.objects.create(process=process, number=1, status="published", note="初始版本",
                                  published_at=timezone.now(), sla_unit=sla[0], sla_value=sla[1])


def forwards(apps, schema_editor):
    State, Transition = apps.get_model("workflow", "State"), apps.get_model("workflow", "Transition")
    Review, Ticket = apps.get_model("ratings", "BadRatingReview"), apps.get_model("ratings", "CannotDoTicket")
    kept = {s.code: s for s in apps.get_model("ratings", "LoopStep").objects.all()}
    version = _process(apps, "bad_rating", "差评整改闭环（核实回访→整改/说明/申诉→三级复核）", "bad_rating")
    states, roles = {}, {}
    for order, (code, name, role, days, public) in enumerate(STEPS, start=1):
        row = kept.get(code)
        states[code] = State.objects.create(
            version=version, code=code, name=row.name if row else name, kind="start" if order == 1 else "work",
            order=order, status="open", public_label=row.public_label if row else public,
            sla_unit="working_days", sla_value=row.days if row else days)
        roles[code] = row.role if row else role
    states["closed"] = State.objects.create(version=version, code="closed", name="已办结", kind="final", order=8,
                                            status="closed")
    states["voided"] = State.objects.create(version=version, code="voided", name="申诉成立（评价无效）", kind="final",
                                            order=9, status="voided")
    for order, (src, action, label, dst) in enumerate(LOOP_TRANSITIONS, start=1):
        Transition.objects.create(version=version, from_state=states[src], action=action, label=label,
                                  to_state=states[dst], roles=[roles[src]], order=order)
    for code, step in kept.items():
        if code in states:
            Review.objects.filter(step=step, status="open").update(workflow=version, state=states[code])
    for status in ("closed", "voided"):
        Review.objects.filter(status=status).update(workflow=version, state=states[status])
    Review.objects.filter(state__isnull=True).update(workflow=version, state=states["verify"])

    version = _process(apps, "cannot_do", "“办不成事”反映（分派→答复→督办办结）", "cannot_do", ("working_days", 5))
    by_code = {}
    for order, (code, name, kind) in enumerate(TICKET_STATES, start=1):
        by_code[code] = State.objects.create(version=version, code=code, name=name, kind=kind, order=order,
                                             status=code)
    for order, (src, action, label, dst, who) in enumerate(TICKET_TRANSITIONS, start=1):
        Transition.objects.create(version=version, from_state=by_code[src], action=action, label=label,
                                  to_state=by_code[dst], roles=who, order=order)
    for code, state in by_code.items():
        Ticket.objects.filter(status=code).update(workflow=version, state=state)


class Migration(migrations.Migration):

    dependencies = [("ratings", "0006_workflow_engine")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
