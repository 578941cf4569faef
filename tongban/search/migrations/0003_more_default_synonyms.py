"""Synonyms found missing or misleading when the acceptance searches were tried on the demo city.

The first expansion is the one that ranks first (Synonym.expansions: "越靠前越优先"), so it names the
matter most people mean: 退休 is first of all the retirement application, 公积金 a withdrawal,
落户 moving a hukou in. A default a staff member has already edited is left as they set it.
"""

from django.db import migrations

# term: (old default or None, new expansions, note)
CHANGED = {
    "退休": ("养老保险待遇、退休", "正常退休、养老保险待遇、退休", "退休一件事"),
    "公积金": ("住房公积金", "住房公积金提取、住房公积金", ""),
    "落户": ("户口登记、户口迁入", "户口迁入、户口迁移", ""),
    "上户口": ("户口登记、出生登记", "出生登记、户口迁入", ""),
    "社保": ("社会保险", "社会保障卡、社会保险", ""),
    "医保": ("医疗保险、医保", "医疗保险参保登记、医疗保险、医保", ""),
}
ADDED = [
    # 便利店: prepackaged food only needs a filing (《食品安全法》第三十五条), then a licence to sell tobacco.
    ("开便利店", "仅销售预包装食品备案、个体工商户设立登记、烟草专卖零售许可证、食品经营许可", "我要开便利店"),
    ("便利店", "仅销售预包装食品备案、个体工商户设立登记、烟草专卖零售许可证、食品经营许可", "我要开便利店"),
    ("开超市", "仅销售预包装食品备案、食品经营许可、个体工商户设立登记、烟草专卖零售许可证", ""),
    ("小卖部", "仅销售预包装食品备案、个体工商户设立登记、烟草专卖零售许可证", ""),
    ("开药店", "药品经营许可（零售）、药品经营许可", ""),
    ("开诊所", "诊所备案、医疗机构执业登记", ""),
    ("开网吧", "互联网上网服务营业场所", ""),
    ("出生证", "出生医学证明", ""),
    ("出生证明", "出生医学证明", ""),
    ("身故", "死亡、丧葬、殡葬", "身后一件事"),
    ("卖烟", "烟草专卖零售许可证", ""),
]


def load(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    IndexState = apps.get_model("search", "IndexState")
    for term, (old, new, note) in CHANGED.items():
        row = Synonym.objects.filter(term=term).first()
        if row is None:
            Synonym.objects.create(term=term, expansions=new, note=note)
        elif row.expansions == old:
            row.expansions = new
            row.save(update_fields=["expansions"])
    for term, expansions, note in ADDED:
        Synonym.objects.get_or_create(term=term, defaults={"expansions": expansions, "note": note})
    # Every process reloads its in-memory index (and with it the synonyms) on a new token.
    IndexState.objects.filter(pk=1).update(token="")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_default_synonyms")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
