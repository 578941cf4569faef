"""Running numbers move to core's one Serial (tongban.core.serials). Numbers restart every day, so
only the counters of the last two days (today in any time zone) are carried over; older rows are history
nobody draws from again."""

from datetime import date, timedelta

from django.db import migrations


def carry_over(apps, schema_editor):
    Serial = apps.get_model("core", "Serial")
    since = date.today() - timedelta(days=2)
    rows = []
    for r in apps.get_model("cases", "CaseSerial").objects.filter(day__gte=since):
        rows.append(Serial(scope=f"case:{r.implementation_id}", period=r.day.isoformat(), last=r.last))
    for r in apps.get_model("cases", "BundleSerial").objects.filter(day__gte=since):
        rows.append(Serial(scope=f"bundle:{r.division_id}", period=r.day.isoformat(), last=r.last))
    Serial.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0004_bundles"),
        ("core", "0002_serials"),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="BundleSerial"),
        migrations.DeleteModel(name="CaseSerial"),
    ]
