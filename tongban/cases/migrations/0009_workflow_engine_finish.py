"""(3 of 3) Cases and joint cases move onto the workflow engine: the new links become the case's
`workflow` and `state`, required; cases' own workflow tables go (their rows live on in tongban.workflow).
A schema change may not share a transaction with the data moves of 0008 on PostgreSQL (pending
trigger events of the deferred foreign keys), hence three migrations."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("cases", "0008_workflow_engine_data")]

    operations = [
        migrations.RemoveField("case", "workflow"),
        migrations.RemoveField("case", "state"),
        migrations.RenameField("case", "new_workflow", "workflow"),
        migrations.RenameField("case", "new_state", "state"),
        migrations.AlterField("case", "workflow", models.ForeignKey(
            on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.processversion",
            verbose_name="流程版本")),
        migrations.AlterField("case", "state", models.ForeignKey(
            on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.state",
            verbose_name="当前环节")),
        migrations.AlterField("casebundle", "workflow", models.ForeignKey(
            on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.processversion",
            verbose_name="流程版本")),
        migrations.AlterField("casebundle", "state", models.ForeignKey(
            on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.state",
            verbose_name="当前环节")),
        migrations.DeleteModel("WorkflowTransition"),
        migrations.DeleteModel("WorkflowState"),
        migrations.DeleteModel("Workflow"),
    ]
