"""延期 records the approval the law names (行政许可法 §42; docs/domain.md §4.1): single-body or joint
handling, the approver's name and position, the date and the document number; the user who typed it
is the 录入人, not the 批准人. A joint case can be extended too (once, like a case)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0010_queue_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("extension", "approved_by", "entered_by"),
        migrations.RenameField("extension", "approved_at", "entered_at"),
        migrations.AlterField("extension", "entered_by", models.ForeignKey(
            blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
            to=settings.AUTH_USER_MODEL, verbose_name="录入人")),
        migrations.AlterField("extension", "entered_at", models.DateTimeField(
            default=django.utils.timezone.now, verbose_name="录入时间")),
        migrations.AlterField("extension", "case", models.ForeignKey(
            blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="extensions",
            to="cases.case", verbose_name="办件")),
        migrations.AddField("extension", "bundle", models.ForeignKey(
            blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="extensions",
            to="cases.casebundle", verbose_name="联办件")),
        migrations.AddField("extension", "kind", models.CharField(
            choices=[("single", "本行政机关负责人批准"), ("joint", "本级人民政府负责人批准（统一、联合、集中办理）")],
            default="single", max_length=10, verbose_name="延期类别")),
        migrations.AddField("extension", "approver_name", models.CharField(
            blank=True, max_length=60, verbose_name="批准人姓名")),
        migrations.AddField("extension", "approver_position", models.CharField(
            blank=True, max_length=100, verbose_name="批准人职务")),
        migrations.AddField("extension", "approved_on", models.DateField(
            blank=True, null=True, verbose_name="批准日期")),
        migrations.AddField("extension", "approval_document", models.CharField(
            blank=True, max_length=100, verbose_name="批准文件文号")),
        migrations.AddConstraint("extension", models.CheckConstraint(
            condition=models.Q(case__isnull=True) ^ models.Q(bundle__isnull=True), name="extension_of_case_or_bundle")),
        migrations.AddConstraint("extension", models.UniqueConstraint(
            condition=models.Q(case__isnull=False), fields=("case",), name="uniq_case_extension")),
        migrations.AddConstraint("extension", models.UniqueConstraint(
            condition=models.Q(bundle__isnull=False), fields=("bundle",), name="uniq_bundle_extension")),
    ]
