"""(2 of 3) Cases and joint cases move onto the one workflow engine (tongban.workflow).

Each workflow of cases' own tables becomes a process of subject "case" with one published version
(states, their time shares as SLA "share", transitions with their roles as a checked list); every
case is pointed at the copy of its state; a matter's own workflow becomes a MatterProcess. Joint
cases get the joint-case process, at the state of their phase. On a new database the default
processes are installed here. The tables are frozen copies of cases/process.py as it stood at this
migration (a migration must not follow later edits of the code).
"""

from django.db import migrations
from django.utils import timezone

KIND = {"intake": "start", "work": "work", "done": "final"}

STANDARD_STATES = [("accept", "受理", "start", 10), ("review", "审查", "work", 50), ("decide", "决定", "work", 40),
                   ("done", "办结", "final", 0)]
STANDARD_TRANSITIONS = [
    ("accept", "accept", "受理", "review", ["clerk", "approver"]),
    ("accept", "accept_rongque", "容缺受理", "review", ["clerk", "approver"]),
    ("accept", "accept_commitment", "告知承诺受理并办结", "done", ["clerk", "approver"]),
    ("accept", "accept_immediate", "即办（受理即办结）", "done", ["clerk", "approver"]),
    ("accept", "request_correction", "一次性告知补正", "accept", ["clerk", "approver"]),
    ("accept", "refuse", "不予受理", "done", ["clerk", "approver"]),
    ("review", "advance", "审查通过，提交决定", "decide", ["approver"]),
    ("review", "request_correction", "要求补正（暂停计时）", "review", ["approver"]),
    ("decide", "approve", "准予", "done", ["approver"]),
    ("decide", "deny", "不予", "done", ["approver"]),
    ("decide", "send_back", "退回审查", "review", ["approver"]),
]
JOINT_STATES = [("submitted", "待受理", "start", "submitted", None), ("correction", "待补正", "work", "correction", None),
                ("processing", "并联办理", "work", "processing", 100), ("refused", "不予受理", "final", "refused", None),
                ("completed", "已办结", "final", "completed", None)]
JOINT_TRANSITIONS = [
    ("submitted", "accept", "受理全部事项", "processing", ["clerk"]),
    ("submitted", "request_correction", "一次性告知补正", "correction", ["clerk"]),
    ("submitted", "refuse", "不予受理", "refused", ["clerk"]),
    ("correction", "resubmit", "提交补正材料", "submitted", ["applicant"]),
    ("correction", "refuse", "不予受理", "refused", ["clerk"]),
    ("processing", "complete", "全部事项办结", "completed", ["system"]),
]


def _version(apps, code, name, subject, is_default, states, transitions):
    Process, Version = apps.get_model("workflow", "Process"), apps.get_model("workflow", "ProcessVersion")
    State, Transition = apps.get_model("workflow", "State"), apps.get_model("workflow", "Transition")
    process = Process.objects.create(code=code, name=name, subject=subject, is_default=is_default)
    version = Version.objects.create(process=process, number=1, status="published", note="初始版本",
                                     published_at=timezone.now())
    by_code = {}
    for order, (scode, sname, kind, status, share) in enumerate(states, start=1):
        by_code[scode] = State.objects.create(version=version, code=scode, name=sname, kind=kind, order=order,
                                              status=status, sla_unit="share" if share else "", sla_value=share or None)
    for order, (src, action, label, dst, roles) in enumerate(transitions, start=1):
        Transition.objects.create(version=version, from_state=by_code[src], action=action, label=label,
                                  to_state=by_code[dst], roles=roles, order=order)
    return version, by_code


def forwards(apps, schema_editor):
    Workflow = apps.get_model("cases", "Workflow")
    Case, Bundle = apps.get_model("cases", "Case"), apps.get_model("cases", "CaseBundle")
    MatterProcess = apps.get_model("cases", "MatterProcess")
    has_default = Workflow.objects.filter(is_default=True).exists()
    for wf in Workflow.objects.all():
        old_states = list(wf.states.order_by("order", "id"))
        states = [(s.code, s.name, KIND.get(s.kind, "work"), "", s.time_share) for s in old_states]
        transitions = [(t.from_state.code, t.action, t.label, t.to_state.code,
                        [r.strip() for r in t.roles.split(",") if r.strip()])
                       for t in wf.transitions.select_related("from_state", "to_state").order_by("order", "id")]
        version, by_code = _version(apps, wf.code, wf.name, "case", wf.is_default, states, transitions)
        for s in old_states:
            Case.objects.filter(state_id=s.pk).update(new_workflow=version, new_state=by_code[s.code])
        for matter_id in wf.matters.values_list("pk", flat=True):
            MatterProcess.objects.update_or_create(matter_id=matter_id, defaults={"process_id": version.process_id})
    if not has_default:
        _version(apps, "standard", "标准审批流程（受理→审查→决定→办结）", "case", True,
                 [(c, n, k, "", share) for c, n, k, share in STANDARD_STATES], STANDARD_TRANSITIONS)
    version, by_code = _version(apps, "joint_case", "联办件（一窗受理、并联办理、统一出件）", "joint_case", True,
                                JOINT_STATES, JOINT_TRANSITIONS)
    for code in by_code:
        Bundle.objects.filter(phase=code).update(workflow=version, state=by_code[code])


class Migration(migrations.Migration):

    dependencies = [("cases", "0007_workflow_engine")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
