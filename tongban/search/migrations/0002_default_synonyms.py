"""A default synonym table: how citizens say it → the catalogue's words. Staff edit it in the admin."""

from django.db import migrations

SYNONYMS = [
    ("生孩子", "出生、生育、新生儿", "新生儿出生一件事"),
    ("生小孩", "出生、生育、新生儿", ""),
    ("准生证", "生育登记、生育服务", "现行为生育登记"),
    ("开饭店", "餐饮、食品经营许可、食品经营", "开办餐饮店一件事"),
    ("开饭馆", "餐饮、食品经营许可、食品经营", ""),
    ("开餐馆", "餐饮、食品经营许可、食品经营", ""),
    ("开小吃店", "小餐饮、餐饮、食品经营许可、食品经营", ""),
    ("开店", "设立登记、营业执照、个体工商户", "我要开店"),
    ("开公司", "企业设立、设立登记、营业执照", ""),
    ("办执照", "营业执照、设立登记", ""),
    ("上户口", "户口登记、出生登记", ""),
    ("落户", "户口登记、户口迁入", ""),
    ("迁户口", "户口迁移", ""),
    ("结婚", "结婚登记", ""),
    ("离婚", "离婚登记", ""),
    ("买房", "不动产转移登记、转移登记", ""),
    ("卖房", "不动产转移登记、转移登记", ""),
    ("二手房", "不动产转移登记、转移登记", "二手房转移登记一件事"),
    ("过户", "转移登记", ""),
    ("退休", "养老保险待遇、退休", "退休一件事"),
    ("身份证", "居民身份证", ""),
    ("公积金", "住房公积金", ""),
    ("医保", "医疗保险、医保", ""),
    ("社保", "社会保险", ""),
    ("社保卡", "社会保障卡", ""),
    ("失业金", "失业保险金", ""),
    ("驾照", "机动车驾驶证、驾驶证", ""),
    ("上学", "入学", "教育入学一件事"),
    ("低保", "最低生活保障", ""),
    ("残疾证", "残疾人证", ""),
    ("死亡证明", "死亡医学证明、死亡", "身后一件事"),
    ("办后事", "死亡、殡葬、丧葬", "身后一件事"),
]


def load(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    IndexState = apps.get_model("search", "IndexState")
    for term, expansions, note in SYNONYMS:
        Synonym.objects.get_or_create(term=term, defaults={"expansions": expansions, "note": note})
    IndexState.objects.get_or_create(pk=1, defaults={"token": ""})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
