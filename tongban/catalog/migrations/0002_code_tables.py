"""Code tables shipped with the platform; editors may add to them in the admin."""

from django.db import migrations

SERVICE_OBJECTS = [("1", "自然人"), ("2", "企业法人"), ("3", "事业法人"), ("4", "社会组织法人"),
                   ("5", "行政机关"), ("6", "其他组织")]

# The browsing categories national and provincial portals use (个人 and 法人 主题 and life stages).
CATEGORIES = [
    # (code, name, kind, audience)
    ("P-T01", "生育收养", "topic", "person"), ("P-T02", "户籍办理", "topic", "person"),
    ("P-T03", "教育科研", "topic", "person"), ("P-T04", "就业创业", "topic", "person"),
    ("P-T05", "婚姻登记", "topic", "person"), ("P-T06", "社会保障", "topic", "person"),
    ("P-T07", "医疗卫生", "topic", "person"), ("P-T08", "住房保障", "topic", "person"),
    ("P-T09", "交通出行", "topic", "person"), ("P-T10", "职业资格", "topic", "person"),
    ("P-T11", "民族宗教", "topic", "person"), ("P-T12", "优待抚恤", "topic", "person"),
    ("P-T13", "死亡殡葬", "topic", "person"), ("P-T14", "证件办理", "topic", "person"),
    ("P-T15", "公共安全", "topic", "person"), ("P-T16", "文化体育", "topic", "person"),
    ("P-T17", "税收财务", "topic", "person"), ("P-T18", "残疾人服务", "topic", "person"),
    ("P-T19", "房屋不动产", "topic", "person"), ("P-T20", "公用事业", "topic", "person"),
    ("P-L01", "出生", "life_event", "person"), ("P-L02", "上学", "life_event", "person"),
    ("P-L03", "工作", "life_event", "person"), ("P-L04", "结婚", "life_event", "person"),
    ("P-L05", "生育", "life_event", "person"), ("P-L06", "置业", "life_event", "person"),
    ("P-L07", "出行", "life_event", "person"), ("P-L08", "就医", "life_event", "person"),
    ("P-L09", "退休", "life_event", "person"), ("P-L10", "身后", "life_event", "person"),
    ("O-T01", "设立变更", "topic", "organisation"), ("O-T02", "准营准办", "topic", "organisation"),
    ("O-T03", "资质认证", "topic", "organisation"), ("O-T04", "年检年审", "topic", "organisation"),
    ("O-T05", "税收财务", "topic", "organisation"), ("O-T06", "人力资源", "topic", "organisation"),
    ("O-T07", "社会保障", "topic", "organisation"), ("O-T08", "投资审批", "topic", "organisation"),
    ("O-T09", "融资信贷", "topic", "organisation"), ("O-T10", "抵押质押", "topic", "organisation"),
    ("O-T11", "商务贸易", "topic", "organisation"), ("O-T12", "招标拍卖", "topic", "organisation"),
    ("O-T13", "建设施工", "topic", "organisation"), ("O-T14", "环保绿化", "topic", "organisation"),
    ("O-T15", "交通运输", "topic", "organisation"), ("O-T16", "农林牧渔", "topic", "organisation"),
    ("O-T17", "文化体育", "topic", "organisation"), ("O-T18", "医疗卫生", "topic", "organisation"),
    ("O-T19", "安全生产", "topic", "organisation"), ("O-T20", "知识产权", "topic", "organisation"),
    ("O-L01", "企业开办", "life_event", "organisation"), ("O-L02", "投资立项", "life_event", "organisation"),
    ("O-L03", "工程建设", "life_event", "organisation"), ("O-L04", "生产经营", "life_event", "organisation"),
    ("O-L05", "变更登记", "life_event", "organisation"), ("O-L06", "办理纳税", "life_event", "organisation"),
    ("O-L07", "破产注销", "life_event", "organisation"),
]


def load(apps, schema_editor):
    ServiceObject = apps.get_model("catalog", "ServiceObject")
    Category = apps.get_model("catalog", "Category")
    for code, name in SERVICE_OBJECTS:
        ServiceObject.objects.update_or_create(code=code, defaults={"name": name})
    for order, (code, name, kind, audience) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(code=code, defaults={"name": name, "kind": kind,
                                                               "audience": audience, "order": order})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
