"""(1 of 3) The bad-rating loop and "办不成事" reports move onto the one workflow engine
(tongban.workflow): reviews and tickets gain their process version and state."""

import django.db.models.deletion
from django.db import migrations, models


def _link(model, field, target, label):
    return migrations.AddField(model, field, models.ForeignKey(
        null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=target, verbose_name=label))


class Migration(migrations.Migration):

    dependencies = [
        ("ratings", "0005_history_base"),
        ("workflow", "0001_initial"),
    ]

    operations = [
        _link("badratingreview", "workflow", "workflow.processversion", "流程版本"),
        _link("badratingreview", "state", "workflow.state", "当前环节"),
        _link("cannotdoticket", "workflow", "workflow.processversion", "流程版本"),
        _link("cannotdoticket", "state", "workflow.state", "当前环节"),
    ]
