"""Demo e-licences for 云川市: licence types for the demo matters' licence results, seals for the
issuing departments, and a few licences the demo citizen and the agent's company already hold.

`load_demo_licences(stdout=None)` runs before the demo cases, so that the completed demo cases
(食品经营许可, 护照 …) issue their licences through the real path (cases → signal → licences).
Type codes are the demo's own short codes; a real deployment uses the codes of its 电子证照目录.
Safe to run again: types are updated in place, seals and licences are made once.
"""

from datetime import date

from django.db import transaction

from tongban.demo.data.accounts import ACCOUNTS
from tongban.licences.models import HolderKind, Licence
from tongban.licences.services.issuance import change_licence, issue_licence
from tongban.licences.services.seals import active_seal
from tongban.licences.services.types import save_licence_type
from tongban.org.models import Department

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
ISSUERS = [(CITY, "market"), (FURONG, "market"), (FURONG, "civil_affairs"), (CITY, "public_security")]


def load_demo_licences(stdout=None) -> dict:
    departments = {(d.division.code, d.sector): d for d in Department.objects.select_related("division")
                   .filter(division__code__in=[CITY, FURONG])}
    with transaction.atomic():
        types = {code: save_licence_type(ACTOR, code=code, name=name, result_names=names, validity_years=years,
                                         holder_kind=kind, fields=fields, active=True)[0]
                 for code, name, names, years, kind, fields in TYPES}
        seals = [active_seal(departments[key], actor=ACTOR) for key in ISSUERS if key in departments]
        issued = _held_licences(types, departments)
    if stdout is not None:
        stdout.write(f"证照类型 {len(types)} 类，电子印章 {len(seals)} 枚，演示证照 {issued} 张\n")
    return {"types": len(types), "seals": len(seals), "licences": issued}


def _held_licences(types, departments) -> int:
    """结婚证 for the citizen; 营业执照 (changed once: new address) and an expired 食品经营许可证 for
    the agent's company."""
    citizen = next(a for a in ACCOUNTS if a["username"] == "citizen")
    agent = next(a for a in ACCOUNTS if a["username"] == "agent")
    company = {"holder_kind": HolderKind.ORGANISATION, "holder_name": agent["company"],
               "holder_id_number": agent["company_credit_code"]}
    wanted = [
        ("J431402-2018-001520", types["JHZ"], (FURONG, "civil_affairs"), date(2018, 5, 20),
         {"holder_kind": HolderKind.PERSON, "holder_name": citizen["display_name"],
          "holder_id_number": citizen["id_number"]},
         {"spouse": "王志强", "spouse_id": "4301**********3516"}),
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
