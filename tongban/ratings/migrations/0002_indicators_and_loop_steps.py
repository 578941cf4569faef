"""Code tables as data: the indicator sets (docs/domain.md §7) and the steps of the 差评 loop.

A platform admin edits both in the admin (a province may add an indicator, a city may shorten a
time limit); the services read them, so no code changes for a local rule.
"""

from django.db import migrations

INDICATORS = [
    # 网上办理 ("一事一评")
    ("online", "overall", "整体满意度", 1, True),
    ("online", "efficiency", "办事效率", 2, False),
    ("online", "guide_accuracy", "办事指南精确度", 3, False),
    ("online", "convenience", "办事便捷度", 4, False),
    ("online", "usability", "平台操作性", 5, False),
    # 窗口办理 ("一次一评")
    ("window", "overall", "整体满意度", 1, True),
    ("window", "service_efficiency", "服务效率", 2, False),
    ("window", "service_level", "服务水平", 3, False),
    ("window", "attitude", "服务态度", 4, False),
]

# (code, name, order, role, working days, what the rater sees). Local rules give 5–15 working days
# to rectify; 10 is the default (issue 6). 三级复核: department, bureau (政务服务管理局), supervisor.
STEPS = [
    ("verify", "核实回访", 1, "approver", 2, "核实中"),
    ("handle", "确定处理方式", 2, "approver", 2, "核实中"),
    ("rectify", "整改", 3, "approver", 10, "整改中"),
    ("appeal", "申诉裁决", 4, "supervisor", 5, "复核中"),
    ("department_review", "部门复核", 5, "approver", 2, "复核中"),
    ("bureau_review", "政务服务管理局复核", 6, "supervisor", 3, "复核中"),
    ("supervisor_review", "督办复核办结", 7, "supervisor", 3, "复核中"),
]


def load(apps, schema_editor):
    Indicator = apps.get_model("ratings", "Indicator")
    LoopStep = apps.get_model("ratings", "LoopStep")
    for mode, code, name, order, overall in INDICATORS:
        Indicator.objects.update_or_create(mode=mode, code=code, defaults={
            "name": name, "order": order, "is_overall": overall, "active": True})
    for code, name, order, role, days, public_label in STEPS:
        LoopStep.objects.update_or_create(code=code, defaults={
            "name": name, "order": order, "role": role, "days": days, "public_label": public_label})


class Migration(migrations.Migration):
    dependencies = [("ratings", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
