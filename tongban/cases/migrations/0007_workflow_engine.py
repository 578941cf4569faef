"""(1 of 3) Cases and joint cases move onto the one workflow engine (tongban.workflow).

Each workflow of cases' own tables becomes a process of subject "case" with one published version
(states, their time shares as SLA "share", transitions with their roles as a checked list); every
case is pointed at the copy of its state; a matter's own workflow becomes a MatterProcess. Joint
cases get the joint-case process, at the state of their phase. On a new database the default
processes are installed here. The tables are frozen copies of cases/process.py as it stood at this
migration (a migration must not follow later edits of the code).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0006_history_base"),
        ("catalog", "0001_initial"),
        ("workflow", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="MatterProcess",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("matter", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                to="catalog.matter", verbose_name="事项")),
                ("process", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                              to="workflow.process", verbose_name="办理流程")),
            ],
            options={"verbose_name": "事项办理流程", "verbose_name_plural": "事项办理流程"},
        ),
        migrations.AddField("case", "new_workflow", models.ForeignKey(
            null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.processversion")),
        migrations.AddField("case", "new_state", models.ForeignKey(
            null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.state")),
        migrations.AddField("casebundle", "workflow", models.ForeignKey(
            null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.processversion",
            verbose_name="流程版本")),
        migrations.AddField("casebundle", "state", models.ForeignKey(
            null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="workflow.state",
            verbose_name="当前环节")),
    ]
