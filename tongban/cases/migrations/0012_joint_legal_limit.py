"""Joint cases get the legal limit of 行政许可法 §42 ¶2: 45 working days for 统一办理、联合办理、集中办理
(docs/domain.md §5). The joint process's versions without a limit of their own get it; joint cases not
yet decided as a whole get legal_days = 45. Those already under way are marked for recounting
(due_provisional), so the cases sweep computes their legal due date with the working-day calendar, which
a migration cannot use."""

from django.db import migrations

JOINT_LEGAL_DAYS = 45


def forwards(apps, schema_editor):
    ProcessVersion = apps.get_model("workflow", "ProcessVersion")
    CaseBundle = apps.get_model("cases", "CaseBundle")
    ProcessVersion.objects.filter(process__code="joint_case", sla_unit="").update(
        sla_unit="working_days", sla_value=JOINT_LEGAL_DAYS)
    CaseBundle.objects.filter(legal_days__isnull=True, phase__in=["submitted", "correction"]).update(
        legal_days=JOINT_LEGAL_DAYS)
    CaseBundle.objects.filter(legal_days__isnull=True, phase="processing").update(
        legal_days=JOINT_LEGAL_DAYS, due_provisional=True)


class Migration(migrations.Migration):

    dependencies = [("cases", "0011_extension_approval"), ("workflow", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
