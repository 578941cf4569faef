from django.core.management.base import BaseCommand

from tongban.search import services


class Command(BaseCommand):
    help = "重建搜索索引（所有已注册的文档类型，或 --kind 指定的类型）"

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", help="文档类型，如 matter；可重复")

    def handle(self, *args, kind=None, **options):
        counts = services.rebuild_index("命令行", kind)
        for k, n in counts.items():
            self.stdout.write(f"{k}: {n}")
