from django.db import migrations

# The default processing procedure used to be installed here into cases' own workflow tables. Cases
# now run on tongban.workflow: 0007_workflow_engine installs the default process there (and carries
# over any workflow an earlier database holds), so this step does nothing on a new database.


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = []
