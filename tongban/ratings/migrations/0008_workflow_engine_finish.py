"""(3 of 3) Reviews and tickets must run on a process; the loop's own step table goes (its rows live
on as the bad-rating process's states). Separate from 0007: on PostgreSQL a schema change may not
share a transaction with its data moves (pending trigger events of the deferred foreign keys)."""

import django.db.models.deletion
from django.db import migrations, models


def _required(model, field, target, label):
    return migrations.AlterField(model, field, models.ForeignKey(
        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=target, verbose_name=label))


class Migration(migrations.Migration):

    dependencies = [("ratings", "0007_workflow_engine_data")]

    operations = [
        migrations.RemoveField("badratingreview", "step"),
        migrations.DeleteModel("LoopStep"),
        _required("badratingreview", "workflow", "workflow.processversion", "流程版本"),
        _required("badratingreview", "state", "workflow.state", "当前环节"),
        _required("cannotdoticket", "workflow", "workflow.processversion", "流程版本"),
        _required("cannotdoticket", "state", "workflow.state", "当前环节"),
    ]
