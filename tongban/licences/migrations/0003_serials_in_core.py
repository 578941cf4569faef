"""Licence serials (per type and issuer, never restarting) are drawn from core's Serial instead of
max + 1 under a lock: seed each counter with the highest serial issued so far."""

from django.db import migrations
from django.db.models import Max


def seed(apps, schema_editor):
    Serial = apps.get_model("core", "Serial")
    highest = (apps.get_model("licences", "Licence").objects.values("licence_type_id", "issuer_id")
               .annotate(last=Max("serial")))
    Serial.objects.bulk_create(
        [Serial(scope=f"licence:{r['licence_type_id']}:{r['issuer_id']}", period="", last=r["last"])
         for r in highest], ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("licences", "0002_material_rules"),
        ("core", "0002_serials"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
