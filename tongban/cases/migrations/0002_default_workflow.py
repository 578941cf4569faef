from django.db import migrations


def install_default(apps, schema_editor):
    from tongban.cases.workflow import install

    install(apps.get_model("cases", "Workflow"), apps.get_model("cases", "WorkflowState"),
            apps.get_model("cases", "WorkflowTransition"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(install_default, migrations.RunPython.noop)]
