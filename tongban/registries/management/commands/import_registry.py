"""tongban import_registry RESOURCE FILE: import a CSV or Excel file into a registry (all rows or none)."""

from django.core.management.base import BaseCommand, CommandError

from tongban.registries.importing import import_records
from tongban.registries.models import DataResource


class Command(BaseCommand):
    help = "把 CSV 或 Excel 文件导入基础库或主题库（资源代码如 population、legal_entity、credit）；有错误时不导入任何数据"

    def add_arguments(self, parser):
        parser.add_argument("resource", help="数据资源代码，如 population")
        parser.add_argument("file", help="CSV（.csv）或 Excel（.xlsx）文件")

    def handle(self, *args, resource, file, **options):
        found = DataResource.objects.select_related("owner").filter(code=resource).first()
        if found is None:
            codes = "、".join(DataResource.objects.values_list("code", flat=True)) or "（无，请先登记数据资源）"
            raise CommandError(f"数据资源“{resource}”不存在。可用的资源代码：{codes}")
        try:
            report = import_records("命令行导入", found, file)
        except FileNotFoundError:
            raise CommandError(f"文件不存在：{file}") from None
        for error in report.errors:
            self.stderr.write(str(error))
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
