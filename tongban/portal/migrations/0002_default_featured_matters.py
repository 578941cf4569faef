"""A default 热门事项 list: the high-frequency matters city portals put on their home page (identity
card, social security card, housing fund withdrawal, birth, marriage, school enrolment, second-hand
housing, retirement, opening a business or a restaurant, moving a hukou). Named by standard name;
administrators change it in the admin, and names the catalogue lacks are skipped."""

from django.db import migrations

DEFAULTS = [
    "社会保障卡申领",
    "住房公积金提取（租赁住房）",
    "居民身份证换领",
    "出生医学证明办理",
    "内地居民结婚登记",
    "义务教育阶段新生入学登记",
    "国有建设用地使用权及房屋所有权转移登记（买卖）",
    "职工正常退休（职）申请",
    "企业设立登记",
    "个体工商户设立登记",
    "食品经营许可（新办）",
    "户口迁移（迁入）",
]


def load(apps, schema_editor):
    FeaturedMatter = apps.get_model("portal", "FeaturedMatter")
    for order, name in enumerate(DEFAULTS, start=1):
        FeaturedMatter.objects.get_or_create(name=name, defaults={"order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_featured_matter")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
