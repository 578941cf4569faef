"""Demo e-licences for 云川市: licence types for the demo matters' licence results, seals for the
issuing departments, and a few licences the demo citizen and the agent's company already hold.

`load_demo_licences(stdout=None)` runs before the demo cases, so that the completed demo cases
(食品经营许可, 护照 …) issue their licences through the real path (cases → signal → licences).
Type codes are the demo's own short codes; a real deployment uses the codes of its 电子证照目录.

免证办 (issue 5): the 电子证照库 is entered in the data-resource catalogue (owned by the 大数据局),
the rules say which licence stands for which material of which matter, and the departments handling
those matters are granted the library's fields for them. So the agent's food-licence cases take the
company's 营业执照 from its e-licence, and the citizen applying for 出生登记 is not asked for the
出生医学证明 she holds; walk-ins without e-licences are asked for the paper at the window.
Safe to run again: types are updated in place, seals, licences, rules and grants are made once.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from tongban.catalog.models import Implementation, Matter
from tongban.demo.data.accounts import ACCOUNTS, company_credit_code
from tongban.licences.models import HolderKind, Licence, LicenceMaterialRule, RuleScope
from tongban.licences.services.exemptions import READ_FIELDS, register_library, save_material_rule
from tongban.licences.services.issuance import change_licence, issue_licence
from tongban.licences.services.seals import active_seal
from tongban.licences.services.types import save_licence_type
from tongban.org.models import Department
from tongban.registries import services as registry_services
from tongban.registries.models import Grant

ACTOR = "演示数据加载程序"
CITY, FURONG = "431400", "431402"


def _f(key, label, *sources):
    return {"key": key, "label": label, "from": list(sources) or [key]}


OPERATOR = [_f("operator", "经营者名称", "operator_name", "company_name", "trade_name", "org_name", "applicant_name"),
            _f("credit_code", "社会信用代码", "operator_credit_code", "org_credit_code")]
PREMISES = _f("premises", "经营场所", "premises", "company_address", "org_address", "applicant_address")

# (code, name, result names in the matters, validity in years or None = 长期, holder kind, printed fields)
TYPES = [
    ("SPJYXK", "食品经营许可证", ["食品经营许可证"], 5, "",
     [*OPERATOR, PREMISES, _f("business_form", "主体业态"), _f("business_items", "经营项目")]),
    ("SPXJYXK", "食品小经营许可证", ["食品小经营许可证"], 5, "", [*OPERATOR, PREMISES]),
    ("YYZZ", "营业执照", ["营业执照（含电子营业执照）", "营业执照（个体工商户）", "营业执照（变更后换发）"], None, "",
     [_f("name", "名称", "company_name", "trade_name", "org_name"), _f("kind", "类型", "company_type", "organisation_form"),
      _f("legal_rep", "法定代表人（经营者）", "legal_rep_name", "operator_name", "legal_representative"),
      _f("capital", "注册资本（元）", "registered_capital", "capital"),
      _f("address", "住所（经营场所）", "company_address", "premises", "org_address"),
      _f("scope", "经营范围", "business_scope")]),
    ("GGCSWSXK", "公共场所卫生许可证", ["公共场所卫生许可证"], 4, "", [*OPERATOR, PREMISES]),
    ("YPJYXK", "药品经营许可证", ["药品经营许可证"], 5, HolderKind.ORGANISATION, [*OPERATOR, PREMISES]),
    ("PWXK", "排污许可证", ["排污许可证"], 5, HolderKind.ORGANISATION, [*OPERATOR, PREMISES]),
    ("YCLSXK", "烟草专卖零售许可证", ["烟草专卖零售许可证"], 5, "", [*OPERATOR, PREMISES]),
    ("JHZ", "结婚证", ["结婚证"], None, HolderKind.PERSON,
     [_f("spouse", "配偶姓名", "spouse_name", "partner_name"), _f("spouse_id", "配偶身份证件号", "spouse_id_number",
                                                                  "partner_id_number")]),
    ("LHZ", "离婚证", ["离婚证"], None, HolderKind.PERSON, []),
    ("PTHZ", "中华人民共和国普通护照", ["中华人民共和国普通护照"], 10, HolderKind.PERSON, []),
    ("CSYXZM", "出生医学证明", ["出生医学证明"], None, HolderKind.PERSON,
     [_f("baby_name", "新生儿姓名"), _f("baby_birth_date", "出生日期"), _f("birth_hospital", "出生地点")]),
    ("BDCQZS", "不动产权证书", ["不动产权证书", "不动产权证书（含电子证照）", "不动产权证书（宅基地使用权/房屋所有权）"],
     None, "", []),
    ("SHBZK", "中华人民共和国社会保障卡", ["中华人民共和国社会保障卡（第三代）", "中华人民共和国社会保障卡（补换）"], 10,
     HolderKind.PERSON, []),
    ("CJRZ", "中华人民共和国残疾人证", ["中华人民共和国残疾人证"], 10, HolderKind.PERSON, []),
]

# Departments that issue the demo's licences get their seals up front: (division, sector).
ISSUERS = [(CITY, "market"), (FURONG, "market"), (FURONG, "civil_affairs"), (CITY, "public_security"),
           (FURONG, "health")]

# 免证办: (material name contains, licence type code, scope, matters by name). Matter by matter, not
# for every material that mentions a licence: "抵押权人营业执照" is the bank's, not the applicant's.
MATERIAL_RULES = [
    ("营业执照", "YYZZ", RuleScope.ISSUED,
     ["食品经营许可（新办）", "食品小经营许可（小餐饮、小食品店）", "仅销售预包装食品备案",
      "公众聚集场所投入使用、营业前消防安全检查", "药品经营许可（零售）", "公共场所卫生许可（不含饭馆、咖啡馆、酒吧、茶座）",
      "烟草专卖零售许可证核发"]),
    ("出生医学证明", "CSYXZM", RuleScope.ISSUED, ["出生登记（出生户口登记）"]),
    # Both guides ask married parents for a copy of the 结婚证: the e-licence stands for it too.
    ("结婚证", "JHZ", RuleScope.ANY, ["出生登记（出生户口登记）", "出生医学证明办理"]),
]
SHARING_BASIS = ("《国务院办公厅关于加快推进电子证照扩大应用领域和全国互通互认的意见》（国办发〔2022〕3号）；"
                 "《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）")


def load_demo_licences(stdout=None) -> dict:
    departments = {(d.division.code, d.sector): d for d in Department.objects.select_related("division")
                   .filter(division__code__in=[CITY, FURONG])}
    with transaction.atomic():
        types = {code: save_licence_type(ACTOR, code=code, name=name, result_names=names, validity_years=years,
                                         holder_kind=kind, fields=fields, active=True)[0]
                 for code, name, names, years, kind, fields in TYPES}
        seals = [active_seal(departments[key], actor=ACTOR) for key in ISSUERS if key in departments]
        issued = _held_licences(types, departments)
        rules, grants = _licences_stand_for_materials(types)
    if stdout is not None:
        stdout.write(f"证照类型 {len(types)} 类，电子印章 {len(seals)} 枚，演示证照 {issued} 张，"
                     f"电子证照免提交规则 {rules} 条（共享授权 {grants} 条）\n")
    return {"types": len(types), "seals": len(seals), "licences": issued, "material_rules": rules,
            "library_grants": grants}


def _licences_stand_for_materials(types) -> tuple[int, int]:
    """The 电子证照库 as a shared resource, the rules, and each handling department's grant."""
    office = Department.objects.filter(division__code=CITY, sector="gov_service").first()
    if office is None:
        return 0, 0
    library = register_library(ACTOR, office)
    wanted = {}  # department → matters whose materials the library stands for
    for name_contains, type_code, scope, matter_names in MATERIAL_RULES:
        for matter in Matter.objects.filter(name__in=matter_names):
            if not LicenceMaterialRule.objects.filter(name_contains=name_contains, matter=matter,
                                                      licence_type=types[type_code]).exists():
                save_material_rule(ACTOR, name_contains=name_contains, licence_type=types[type_code], matter=matter,
                                   scope=scope)
            for impl in Implementation.objects.filter(matter=matter, status=Implementation.Status.ACTIVE) \
                    .select_related("department"):
                wanted.setdefault(impl.department, set()).add(matter)
    granted = set(Grant.objects.filter(resource=library, revoked_at__isnull=True).values_list("consumer_id", flat=True))
    start = timezone.localdate().replace(month=1, day=1)
    made = 0
    for department, matters in sorted(wanted.items(), key=lambda kv: kv[0].pk):
        if department.pk in granted:
            continue
        registry_services.grant_access(ACTOR, resource=library, consumer=department, fields=READ_FIELDS,
                                       matters=sorted(matters, key=lambda m: m.basic_code), basis=SHARING_BASIS,
                                       valid_from=start,
                                       valid_until=start.replace(year=start.year + 3) - timedelta(days=1))
        made += 1
    return LicenceMaterialRule.objects.count(), made


def _held_licences(types, departments) -> int:
    """结婚证, the 营业执照 of her 个体工商户 (甜品店) and her newborn's 出生医学证明 for the citizen;
    营业执照 (changed once: new address) and an expired 食品经营许可证 for the agent's company."""
    citizen = next(a for a in ACCOUNTS if a["username"] == "citizen")
    agent = next(a for a in ACCOUNTS if a["username"] == "agent")
    company = {"holder_kind": HolderKind.ORGANISATION, "holder_name": agent["company"],
               "holder_id_number": agent["company_credit_code"]}
    wanted = [
        ("J431402-2018-001520", types["JHZ"], (FURONG, "civil_affairs"), date(2018, 5, 20),
         {"holder_kind": HolderKind.PERSON, "holder_name": citizen["display_name"],
          "holder_id_number": citizen["id_number"]},
         {"spouse": "王志强", "spouse_id": "4301**********3516"}),
        # A 个体工商户's licence is held by its operator (the platform issues it so from a person's case).
        (company_credit_code("92431402MA4TA1B2C"), types["YYZZ"], (FURONG, "market"), date(2022, 4, 12),
         {"holder_kind": HolderKind.PERSON, "holder_name": citizen["display_name"],
          "holder_id_number": citizen["id_number"]},
         {"name": "云川市芙蓉区晓梅甜品店", "kind": "个体工商户", "legal_rep": citizen["display_name"],
          "address": "云川市芙蓉区五一大道218号", "scope": "糕点、饮品制售；预包装食品销售"}),
        # Born three weeks ago at the district's maternal and child health hospital: 出生登记 is due.
        ("S431402567", types["CSYXZM"], (FURONG, "health"), timezone.localdate() - timedelta(days=21),
         {"holder_kind": HolderKind.PERSON, "holder_name": citizen["display_name"],
          "holder_id_number": citizen["id_number"]},
         {"baby_name": "王小满", "baby_birth_date": f"{timezone.localdate() - timedelta(days=21):%Y-%m-%d}",
          "birth_hospital": "云川市芙蓉区妇幼保健院"}),
        ("431402000202103180017", types["YYZZ"], (FURONG, "market"), date(2021, 3, 18), company,
         {"name": agent["company"], "kind": "有限责任公司（自然人投资或控股）", "legal_rep": "李建国",
          "capital": "500000.00", "address": "云川市芙蓉区蔡锷中路96号",
          "scope": "餐饮服务；食品销售（仅销售预包装食品）；外卖递送服务"}),
        ("JY14314020000035", types["SPJYXK"], (FURONG, "market"), date(2020, 6, 1), company,
         {"operator": agent["company"], "credit_code": agent["company_credit_code"],
          "premises": "云川市芙蓉区蔡锷中路96号", "business_form": "餐饮服务经营者", "business_items": "热食类食品制售"}),
    ]
    made = 0
    for number, licence_type, issuer_key, issued_on, holder, data in wanted:
        issuer = departments.get(issuer_key)
        if issuer is None or Licence.objects.filter(number=number).exists():
            continue
        licence = issue_licence(ACTOR, licence_type=licence_type, issuer=issuer, issued_on=issued_on, number=number,
                                data=data, **holder)
        made += 1
        if licence_type.code == "YYZZ":
            change_licence(ACTOR, licence, reason="住所变更（迁至蔡锷中路98号）",
                           data={"address": "云川市芙蓉区蔡锷中路98号"})
    return made
