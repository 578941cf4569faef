"""Base registries of the demo city 云川市: people, companies, credit records, two published topic
resources (不动产, 公积金), the grants that let the departments use them, and the rules that turn
them into 免提交 materials and prefilled forms.

`load_registries_demo(stdout=None)` runs after the city, accounts and matters are loaded (it grants
access per matter). The demo accounts' people and companies are there (张晓梅 the citizen, 李建国
the agent and his 湘味轩餐饮有限公司, the walk-ins of cases_demo), next to a few hundred generated
people and companies whose numbers are valid (GB 11643 / GB 32100 check characters) but made up.
Everything goes through the registries' services and import (the same checks as a real import).
Safe to run again: what exists is left as it is.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import User
from tongban.catalog.models import Implementation
from tongban.core.validators import credit_code_check_char, id_number_check_char
from tongban.demo.data import structure
from tongban.demo.data.accounts import ACCOUNTS
from tongban.org.models import Department
from tongban.registries import services
from tongban.registries.codes import Storage
from tongban.registries.importing import import_rows
from tongban.registries.models import DataResource, Grant, MaterialRule, Party, PrefillRule

ACTOR = "演示数据加载程序"
CITY = structure.CITY_CODE
GENERATED_PEOPLE = 300
GENERATED_COMPANIES = 40
BASIS = "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第十条；《云川市政务数据资源共享开放管理办法》"

HUKOU_FIELDS = ["name", "household_address", "household_number", "relation_to_head", "hukou_status"]
ORG_FIELDS = ["name", "credit_code", "legal_representative", "registered_address", "status"]
CREDIT_FIELDS = ["kind", "reason", "source_department", "decided_on", "valid_until"]
REALTY_FIELDS = ["certificate_number", "location", "usage", "area", "mortgaged", "sealed"]
FUND_FIELDS = ["account_status", "employer", "monthly_amount", "opened_on"]

REAL_ESTATE = [
    {"key": "certificate_number", "name": "不动产权证号"}, {"key": "location", "name": "坐落"},
    {"key": "usage", "name": "用途"}, {"key": "area", "name": "建筑面积（平方米）", "type": "number"},
    {"key": "registered_on", "name": "登记日期", "type": "date"},
    {"key": "mortgaged", "name": "是否抵押", "type": "boolean", "sensitive": True},
    {"key": "sealed", "name": "是否查封", "type": "boolean", "sensitive": True},
]
HOUSING_FUND = [
    {"key": "account_number", "name": "个人公积金账号", "sensitive": True}, {"key": "account_status", "name": "账户状态"},
    {"key": "employer", "name": "缴存单位"},
    {"key": "monthly_amount", "name": "月缴存额（元）", "type": "number", "sensitive": True},
    {"key": "balance", "name": "账户余额（元）", "type": "number", "sensitive": True},
    {"key": "opened_on", "name": "开户日期", "type": "date"},
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢谭廖贺龙向易"
MALE = ["伟", "强", "军", "勇", "磊", "建华", "志刚", "海波", "国庆", "文斌", "俊杰", "子轩", "浩然", "宇航", "明辉", "德胜"]
FEMALE = ["芳", "敏", "静", "丽", "婷", "秀英", "桂兰", "春花", "晓燕", "雨涵", "欣怡", "梓萱", "思琪", "佳慧", "玉梅", "海燕"]
ETHNICITIES = ["汉族"] * 17 + ["土家族", "苗族", "瑶族"]
ROADS = ["建设路", "解放路", "人民路", "新华路", "文化路", "学院路", "滨江路", "青年路", "工农路", "胜利路"]
BRANDS = ["湘江", "云溪", "芙蓉", "望月", "枫林", "青山", "石门", "龙潭", "红星", "新田"]
INDUSTRIES = [("餐饮管理", "餐饮服务"), ("商贸", "日用百货、预包装食品销售"), ("建筑工程", "房屋建筑工程施工"),
              ("农业开发", "蔬菜、水果种植及销售"), ("物流", "普通货物道路运输"), ("信息技术", "软件开发、信息技术咨询")]


def _id(first17: str) -> str:
    return first17 + id_number_check_char(first17)


def _code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


# -- rows -------------------------------------------------------------------------------------------

POPULATION_HEADER = ["公民身份号码", "姓名", "性别", "出生日期", "民族", "户籍地址", "户籍地区划代码", "户号", "与户主关系",
                     "婚姻状况", "户口状态"]
LEGAL_HEADER = ["统一社会信用代码", "名称", "类型", "法定代表人", "法定代表人身份证号", "住所", "登记状态", "成立日期",
                "登记机关", "注册资本（万元）", "经营范围"]
CREDIT_HEADER = ["记录编号", "主体类型", "主体标识", "主体名称", "信用类别", "认定事由", "认定部门", "认定日期", "有效期至"]


def _account(username: str) -> dict:
    return next(a for a in ACCOUNTS if a["username"] == username)


def _born(number: str) -> str:
    return f"{number[6:10]}-{number[10:12]}-{number[12:14]}"


def known_people() -> list[list]:
    """The demo accounts' people and cases_demo's walk-ins, as they appear on the demo's pages."""
    citizen, agent = _account("citizen"), _account("agent")
    return [
        [citizen["id_number"], citizen["display_name"], "女", _born(citizen["id_number"]), "汉族",
         "湖南省云川市芙蓉区东风街道东风社区五一大道218号3栋201室", "431402001001", "H43140210021", "户主", "已婚", "正常"],
        [agent["id_number"], agent["display_name"], "男", _born(agent["id_number"]), "汉族",
         "湖南省云川市云溪县云溪镇城北社区新城路26号", "431421100001", "H43142110087", "户主", "已婚", "正常"],
        [_id("43140219780512301"), "刘德明", "男", "1978-05-12", "汉族", "湖南省云川市芙蓉区文昌街道学院社区解放西路66号",
         "431402002002", "H43140220033", "户主", "已婚", "正常"],
        [_id("43140319860924242"), "周慧敏", "女", "1986-09-24", "土家族", "湖南省云川市湘江区望月街道湘林社区书院路18号",
         "431403002002", "H43140320105", "户主", "离婚", "正常"],
    ]


def generated_people(rng: random.Random, taken: set) -> list[list]:
    villages = [(code, name, parent) for code, name, level, _kind, parent in structure.DIVISIONS if level == 6]
    names = {code: name for code, name, *_ in structure.DIVISIONS}
    rows = []
    while len(rows) < GENERATED_PEOPLE:
        code, village, town = rng.choice(villages)
        district = code[:6]
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 56))
        number = _id(f"{district}{born:%Y%m%d}{rng.randrange(0, 1000):03d}")
        if number in taken:
            continue
        taken.add(number)
        male = int(number[16]) % 2 == 1
        name = rng.choice(SURNAMES) + rng.choice(MALE if male else FEMALE)
        age = 2026 - born.year
        marital = "未婚" if age < 24 else rng.choice(["已婚"] * 8 + ["离婚", "丧偶" if age > 60 else "已婚"])
        address = (f"湖南省云川市{names[district]}{names[town]}{village}"
                   f"{rng.choice(ROADS)}{rng.randrange(1, 300)}号")
        rows.append([number, name, "男" if male else "女", born.isoformat(), rng.choice(ETHNICITIES), address, code,
                     f"H{code[:8]}{rng.randrange(0, 1000):03d}", rng.choice(["户主", "配偶", "子", "女"]), marital, "正常"])
    return rows


def known_companies() -> list[list]:
    citizen, agent = _account("citizen"), _account("agent")
    return [
        [agent["company_credit_code"], agent["company"], "有限责任公司", agent["display_name"], agent["id_number"],
         "云川市芙蓉区蔡锷中路98号", "存续", "2021-06-18", "云川市芙蓉区市场监督管理局", "50", "餐饮服务；食品销售；外卖递送服务"],
        [_code("92431402MA4TA1B2C"), "云川市芙蓉区晓梅甜品店", "个体工商户", citizen["display_name"], citizen["id_number"],
         "云川市芙蓉区五一大道218号1楼门面", "存续", "2023-03-08", "云川市芙蓉区市场监督管理局", "", "糕点、饮品制售"],
        [_code("92431402MA4TB3D4E"), "云川市芙蓉区德明粉面馆", "个体工商户", "刘德明", _id("43140219780512301"),
         "云川市芙蓉区解放西路66号", "存续", "2016-10-20", "云川市芙蓉区市场监督管理局", "", "米粉、面条制售"],
        [_code("92431403MA4TC5F6G"), "云川市湘江区慧敏小厨", "个体工商户", "周慧敏", _id("43140319860924242"),
         "云川市湘江区书院路18号", "存续", "2019-05-30", "云川市湘江区市场监督管理局", "", "小餐饮"],
    ]


def generated_companies(rng: random.Random, people: list[list]) -> list[list]:
    districts = {"431402": "芙蓉区", "431403": "湘江区", "431421": "云溪县"}
    rows, used = [], set()
    for i in range(GENERATED_COMPANIES):
        district = rng.choice(sorted(districts))
        brand, (industry, scope) = rng.choice(BRANDS), rng.choice(INDUSTRIES)
        name = f"云川市{districts[district]}{brand}{industry}有限公司"
        if name in used:
            name = name.replace("有限公司", f"{i}号有限公司")
        used.add(name)
        boss = rng.choice(people)
        rows.append([structure.credit_code("91", district, f"demo-company-{i}"), name, "有限责任公司", boss[1], boss[0],
                     f"云川市{districts[district]}{rng.choice(ROADS)}{rng.randrange(1, 500)}号",
                     "存续" if i % 13 else "吊销", f"{rng.randrange(2005, 2025)}-{rng.randrange(1, 13):02d}-15",
                     f"云川市{districts[district]}市场监督管理局", str(rng.choice([10, 50, 100, 500, 1000])), scope])
    return rows


def credit_rows(people, companies) -> list[list]:
    today = timezone.localdate()
    agent_company, black_company, dishonest = companies[0], companies[-1], people[-1]
    return [
        ["XY-RED-2026-0001", "法人", agent_company[0], agent_company[1], "红名单", "纳税信用A级纳税人",
         "国家税务总局云川市税务局", (today - dt.timedelta(days=200)).isoformat(), (today + dt.timedelta(days=165)).isoformat()],
        ["XY-BLK-2026-0007", "法人", black_company[0], black_company[1], "黑名单", "提供虚假材料骗取行政许可，列入严重违法失信名单",
         "云川市市场监督管理局", (today - dt.timedelta(days=90)).isoformat(), (today + dt.timedelta(days=1005)).isoformat()],
        ["(2025)湘1402执1234号", "自然人", dishonest[0], dishonest[1], "失信被执行人", "有履行能力而拒不履行生效法律文书确定的给付义务",
         "云川市芙蓉区人民法院", (today - dt.timedelta(days=300)).isoformat(), ""],
    ]


def realty_rows(rng, people) -> list[list]:
    citizen = people[0]
    rows = [[citizen[0], "431402001001GB00018F00030201", "湘(2019)云川市不动产权第0031845号", citizen[5].replace(
        "湖南省", ""), "住宅", "96.4", "2019-09-12", "否", "否"]]
    for i, person in enumerate(rng.sample(people[4:], 30)):
        rows.append([person[0], f"{person[6]}GB{i:05d}F00010101", f"湘({rng.randrange(2008, 2026)})云川市不动产权第{i + 40000:07d}号",
                     person[5].replace("湖南省", ""), "住宅", f"{rng.randrange(45, 160)}.{rng.randrange(0, 10)}",
                     f"{rng.randrange(2008, 2026)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 10)}",
                     rng.choice(["是", "否", "否"]), "否"])
    return rows


def fund_rows(rng, people) -> list[list]:
    citizen, agent = people[0], people[1]
    agent_company = _account("agent")["company"]
    rows = [[citizen[0], "", "4314000010021", "正常缴存", "云川市第一中学", "1380", "58620.35", "2013-09-01"],
            [agent[0], "", "4314000010087", "正常缴存", agent_company, "960", "21310.00", "2021-07-01"]]
    for i, person in enumerate(rng.sample(people[4:], 40)):
        rows.append([person[0], "", f"43140000{20000 + i:05d}", rng.choice(["正常缴存", "正常缴存", "封存"]),
                     f"云川市{rng.choice(BRANDS)}{rng.choice(INDUSTRIES)[0]}有限公司", str(rng.randrange(300, 3000)),
                     f"{rng.randrange(1000, 150000)}.00", f"{rng.randrange(2005, 2025)}-0{rng.randrange(1, 10)}-01"])
    return rows


# -- loading --------------------------------------------------------------------------------------------

def _department(sector: str) -> Department:
    return Department.objects.get(division__code=CITY, sector=sector)


def _resource(actor, code, name, owner, **kw) -> DataResource:
    resource = DataResource.objects.filter(code=code).first()
    if resource is None:
        resource = services.register_resource(actor, code=code, name=name, owner=owner, **kw)
    return services.publish_resource(actor, resource)


def _import(actor, resource, header, rows, say) -> None:
    report = import_rows(actor, resource, header, list(enumerate(rows, start=2)), file_name="演示数据")
    if not report.ok:
        raise ValueError(f"{resource.name}演示数据有误：" + "；".join(str(e) for e in report.errors[:5]))
    if report.created or report.updated:
        say(report.summary())


def load_registries_demo(stdout=None) -> dict:
    say = (lambda text: stdout.write(text + "\n")) if stdout is not None else (lambda text: None)
    steward = User.objects.filter(username="steward").first() or ACTOR
    rng = random.Random(20260301)  # the same city every time
    with transaction.atomic():
        office = _department("gov_service")
        population = _resource(steward, "population", "人口基础信息库", office, storage=Storage.POPULATION,
                               source_department="云川市公安局", update_cycle="实时",
                               description="户籍人口的身份、户籍和婚姻状况信息（五大基础库之一）")
        legal = _resource(steward, "legal_entity", "法人单位基础信息库", office, storage=Storage.LEGAL_ENTITY,
                          source_department="云川市市场监督管理局、民政局、事业单位登记管理局", update_cycle="实时",
                          description="企业、个体工商户、事业单位和社会组织的登记信息")
        credit = _resource(steward, "credit", "社会信用信息库", office, storage=Storage.CREDIT,
                           source_department="云川市发展和改革委员会（信用办）", update_cycle="每日",
                           description="守信激励（红名单）和失信惩戒（黑名单、失信被执行人）信息")
        realty = _resource(ACTOR, "real_estate", "不动产登记信息", _department("natural_resources"), fields=REAL_ESTATE,
                           source_department="云川市不动产登记中心", update_cycle="实时",
                           description="不动产权利人、坐落、用途、面积及抵押、查封状态")
        fund = _resource(ACTOR, "housing_fund", "住房公积金缴存信息", _department("housing_fund"), fields=HOUSING_FUND,
                         source_department="云川市住房公积金管理中心", update_cycle="每日",
                         description="职工住房公积金账户的缴存单位、状态和缴存额")

        people = known_people()
        people += generated_people(rng, {p[0] for p in people})
        companies = known_companies()
        companies += generated_companies(rng, people[4:])
        _import(steward, population, POPULATION_HEADER, people, say)
        _import(steward, legal, LEGAL_HEADER, companies, say)
        _import(steward, credit, CREDIT_HEADER, credit_rows(people, companies), say)
        _import(ACTOR, realty, ["主体标识", "记录标识", *(f["name"] for f in REAL_ESTATE)], realty_rows(rng, people), say)
        _import(ACTOR, fund, ["主体标识", "记录标识", *(f["name"] for f in HOUSING_FUND)], fund_rows(rng, people), say)

        _rules(steward, population, legal, realty)
        grants = _grants(steward, population, legal, credit, realty, fund)
    say(f"基础库：人口 {len(people)} 人，法人 {len(companies)} 家，数据资源 {DataResource.objects.count()} 个，"
        f"共享授权 {Grant.objects.count()} 条（本次新增 {grants}）")
    return {"people": len(people), "companies": len(companies), "grants": Grant.objects.count(), "new_grants": grants}


def _rules(steward, population, legal, realty) -> None:
    if not MaterialRule.objects.exists():
        services.save_material_rule(steward, name_contains="居民户口簿", resource=population, party=Party.APPLICANT,
                                    fields=HUKOU_FIELDS)
        services.save_material_rule(steward, name_contains="营业执照", resource=legal, party=Party.ORGANISATION,
                                    fields=["name", "credit_code", "status"])
        services.save_material_rule(ACTOR, name_contains="不动产权证书", resource=realty, party=Party.APPLICANT,
                                    fields=["certificate_number", "location", "sealed"])
    if not PrefillRule.objects.exists():
        for prefill, field in (("organisation.name", "name"), ("organisation.credit_code", "credit_code"),
                               ("organisation.legal_representative", "legal_representative"),
                               ("organisation.address", "registered_address")):
            services.save_prefill_rule(steward, prefill=prefill, resource=legal, field=field, party=Party.ORGANISATION)
        services.save_prefill_rule(steward, prefill="applicant.address", resource=population,
                                   field="household_address", party=Party.APPLICANT)


def _grants(steward, population, legal, credit, realty, fund) -> int:
    """Per department: what its matters need, for exactly those matters (data minimisation)."""
    wanted = {}  # (resource, department id, fields) → set of matters

    def want(resource, dept_id, fields, matter):
        wanted.setdefault((resource, dept_id, tuple(fields)), set()).add(matter)

    implementations = (Implementation.objects.filter(status=Implementation.Status.ACTIVE,
                                                     matter__current_version__isnull=False)
                       .select_related("matter__current_version")
                       .prefetch_related("matter__current_version__materials",
                                         "matter__current_version__service_objects"))
    for impl in implementations:
        version, dept = impl.matter.current_version, impl.department_id
        materials = [m.name for m in version.materials.all()]
        objects = {o.code for o in version.service_objects.all()}
        if "1" in objects:
            want(population, dept, ["name", "household_address"], impl.matter)  # 核对姓名, 联系地址 prefilled
        if any("居民户口簿" in name for name in materials):
            want(population, dept, HUKOU_FIELDS, impl.matter)
        if objects - {"1"}:
            want(legal, dept, ORG_FIELDS, impl.matter)
            if version.matter_type == "01":  # 许可前信用核查 (告知承诺制 needs it)
                want(credit, dept, CREDIT_FIELDS, impl.matter)
        if any("不动产权证书" in name for name in materials):
            want(realty, dept, REALTY_FIELDS, impl.matter)
        if "公共租赁住房" in impl.matter.name or "公积金" in impl.matter.name:
            want(fund, dept, FUND_FIELDS, impl.matter)
    have = {(r, d, tuple(f)) for r, d, f in Grant.objects.filter(revoked_at__isnull=True)
            .values_list("resource_id", "consumer_id", "fields")}
    departments = Department.objects.in_bulk({dept for _r, dept, _f in wanted})
    start = timezone.localdate().replace(month=1, day=1)
    created = 0
    for (resource, dept, fields), matters in sorted(wanted.items(), key=lambda kv: (kv[0][0].code, kv[0][1])):
        if (resource.pk, dept, fields) in have:
            continue
        approver = steward if resource.owner.sector == "gov_service" else ACTOR
        services.grant_access(approver, resource=resource, consumer=departments[dept], fields=list(fields),
                              matters=sorted(matters, key=lambda m: m.basic_code), basis=BASIS,
                              valid_from=start, valid_until=start.replace(year=start.year + 3) - dt.timedelta(days=1))
        created += 1
    return created
