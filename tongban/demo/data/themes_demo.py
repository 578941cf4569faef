"""Demo themes ("一件事一次办") of 云川市, built from the demo matters (matters_people.py, matters_business.py).

Contents follow the State Council's "高效办成一件事" first batch (国办发〔2024〕9号 重点事项清单) as Hunan
publishes them on 湖南政务服务网 / “湘易办”: 新生儿出生, 开办餐饮店, 二手房转移登记及水电气网联动过户,
教育入学, 退休, and the local 我要开便利店 the seeds name (株洲: 1,008 cases in five months). Members are
the implementation entries of 芙蓉区 or the city, resolved by basic code and division code; rules,
dependencies and alias tables are data an editor can change in the admin.

Thresholds used by the rules (editable, with their source):
- 食品小经营许可 (小餐饮): 经营面积五十平方米以下 — 《湖南省小餐饮经营许可和食品摊贩登记管理办法》
  (湘市监食〔2020〕206号) 第三条; larger places need 食品经营许可.
- 公众聚集场所投入使用、营业前消防安全检查: 消防法第十五条 covers 饭店 (第七十三条), but places of 300
  平方米 or less may open without it where the province allows (北京 2024-06-28, 四川 …); the demo city
  applies that 300 ㎡ line.
"""

from tongban.accounts.models import Role, User
from tongban.accounts.services import grant_role
from tongban.catalog.models import Category, Implementation
from tongban.org.models import Department, Division, Window

CITY, FURONG = "431400", "431402"
STEPS = ["一次申请（一表填报、一套材料）", "一窗受理", "并联审批", "统一出件"]

_MARRIED_Q = {"key": "parents_married", "kind": "yes_no", "text": "新生儿父母是否已登记结婚？",
              "help": "已婚的需提供结婚证，以便同时登记父亲信息；非婚生育的不需要", "default": True}

NEWBORN = {
    "code": "newborn", "name": "新生儿出生一件事", "division": FURONG, "service_object": "person",
    "lead": (FURONG, "health"), "window": (FURONG, "09"), "category": "P-L01", "promised_days": 0, "visits": 0,
    "keywords": "生孩子 生小孩 宝宝出生 上户口 出生证 新生儿医保 社保卡",
    "summary": "宝宝出生后，父母一次申请、一套材料，即可同时办理出生医学证明、预防接种证、出生户口登记、"
               "城乡居民医保参保登记和社会保障卡申领；可在助产机构或政务服务中心办理，证件统一寄递到家。",
    "members": [
        {"code": "cert", "matter": "000120015000", "at": FURONG, "mode": "always"},
        {"code": "vaccine", "matter": "000120016000", "at": FURONG, "mode": "optional",
         "note": "由预防接种单位建证，首次接种时领取"},
        {"code": "hukou", "matter": "000107001000", "at": FURONG, "mode": "rule"},
        {"code": "medical", "matter": "000120020000", "at": FURONG, "mode": "optional",
         "fixed_answers": {"insured_category": "新生儿", "household": "local"}},
        {"code": "sscard", "matter": "000120004000", "at": FURONG, "mode": "optional",
         "fixed_answers": {"holder_relation": "child"}},
    ],
    "questions": [
        {"key": "settle_here", "kind": "yes_no", "text": "新生儿是否在芙蓉区落户？",
         "help": "随父或随母在本区落户的选“是”；在其他地方落户的请到落户地办理出生登记", "default": True},
        _MARRIED_Q,
    ],
    "rules": [
        {"condition": {"q": "settle_here", "op": "is", "value": True}, "effect": "include", "member": "hukou",
         "note": "在本区落户的同时办理出生登记"},
        {"condition": {"q": "parents_married", "op": "is", "value": True}, "effect": "require", "member": "hukou",
         "materials": ["父母结婚证"], "note": "已婚父母提供结婚证"},
        {"condition": {"q": "parents_married", "op": "is", "value": True}, "effect": "require", "member": "cert",
         "materials": ["父母结婚证"], "note": "需同时登记父亲信息"},
        {"condition": {"q": "parents_married", "op": "is", "value": False}, "effect": "waive", "member": "hukou",
         "materials": ["父母结婚证"], "note": "非婚生育的不需要"},
        {"condition": {"q": "parents_married", "op": "is", "value": False}, "effect": "waive", "member": "cert",
         "materials": ["父母结婚证"]},
    ],
    "dependencies": [
        {"member": "hukou", "requires": "cert", "fills": {"birth_certificate_no": "result_number"},
         "provides_materials": ["出生医学证明"], "note": "出生登记凭出生医学证明办理"},
        {"member": "vaccine", "requires": "cert", "provides_materials": ["出生医学证明"]},
        {"member": "medical", "requires": "hukou", "fills": {"insured_id_number": "result_number"},
         "note": "落户后取得公民身份号码，据此参保"},
        {"member": "sscard", "requires": "hukou", "fills": {"holder_id_number": "result_number"}},
    ],
    "field_aliases": [["baby_name", "medical.insured_name", "sscard.holder_name"]],
    "material_aliases": [["父母居民身份证", "cert.新生儿父母居民身份证", "hukou.父母双方居民身份证",
                          "vaccine.监护人居民身份证", "medical.申请人居民身份证", "sscard.申请人居民身份证"]],
}

_REGISTRATION = [
    {"code": "company", "matter": "000201001000", "at": FURONG, "mode": "rule"},
    {"code": "individual", "matter": "000201002000", "at": FURONG, "mode": "rule"},
]
_ENTITY_Q = {"key": "entity", "kind": "choice", "text": "以什么主体经营？",
             "options": [{"value": "individual", "label": "个体工商户"},
                         {"value": "company", "label": "公司（有限责任公司等企业）"}],
             "help": "个体工商户由经营者本人申请；公司由法定代表人或其委托的经办人申请", "default": "company"}
_HAS_LICENCE_Q = {"key": "has_licence", "kind": "yes_no", "text": "是否已经取得营业执照？",
                  "help": "已取得的，不再办理设立登记，直接办理许可", "default": False}


def _registration_rules():
    return [
        {"condition": {"all": [{"q": "entity", "op": "eq", "value": "company"},
                               {"q": "has_licence", "op": "is", "value": False}]},
         "effect": "include", "member": "company", "note": "以公司经营，尚无营业执照"},
        {"condition": {"all": [{"q": "entity", "op": "eq", "value": "individual"},
                               {"q": "has_licence", "op": "is", "value": False}]},
         "effect": "include", "member": "individual", "note": "以个体工商户经营，尚无营业执照"},
    ]


def _needs_licence(member, *, fills=True):
    """`member` waits for the 营业执照 of whichever registration is chosen."""
    filled = {"org_credit_code": "result_number"} if fills else {}
    return [{"member": member, "requires": reg, "fills": dict(filled), "provides_materials": ["营业执照"],
             "note": "凭营业执照办理，执照核发后自动关联"} for reg in ("company", "individual")]


def _company_aliases(*members: str) -> list[list[str]]:
    """The company's name, legal representative and premises, asked once for every licence."""
    return [
        ["company_name", *[f"{m}.org_name" for m in members]],
        ["legal_rep_name", *[f"{m}.legal_representative" for m in members]],
        ["premises", "company.company_address", "individual.premises"],
    ]


RESTAURANT = {
    "code": "restaurant", "name": "开办餐饮店一件事", "division": FURONG, "service_object": "organisation",
    "lead": (FURONG, "market"), "window": (FURONG, "09"), "category": "O-L01", "promised_days": 6, "visits": 0,
    "keywords": "开饭店 开餐馆 开小吃店 餐饮许可 开店",
    "summary": "开办餐饮店，一次申请同时办理营业执照、食品经营许可（或食品小经营许可），经营场所较大的一并办理"
               "公众聚集场所投入使用、营业前消防安全检查；营业执照核发后自动关联办理许可，结果一窗领取或寄递。",
    "members": [
        *_REGISTRATION,
        {"code": "food", "matter": "000201006000", "at": FURONG, "mode": "rule"},
        {"code": "small_food", "matter": "000201008000", "at": FURONG, "mode": "rule"},
        {"code": "fire", "matter": "000201017000", "at": FURONG, "mode": "rule"},
    ],
    "questions": [
        _ENTITY_Q, _HAS_LICENCE_Q,
        {"key": "area", "kind": "number", "text": "经营场所使用面积是多少？", "unit": "平方米", "min": 1,
         "max": 100000, "default": 400,
         "help": "50平方米以下的小餐饮办理食品小经营许可；超过300平方米的还须办理营业前消防安全检查"},
    ],
    "rules": [
        *_registration_rules(),
        {"condition": {"q": "area", "op": "gt", "value": 50}, "effect": "include", "member": "food",
         "note": "经营面积超过50平方米，办理食品经营许可"},
        {"condition": {"q": "area", "op": "le", "value": 50}, "effect": "include", "member": "small_food",
         "note": "湘市监食〔2020〕206号第三条：经营面积五十平方米以下为小餐饮"},
        {"condition": {"q": "area", "op": "gt", "value": 300}, "effect": "include", "member": "fire",
         "note": "消防法第十五条；300平方米以下的公众聚集场所本市可不申请"},
    ],
    "dependencies": [
        *_needs_licence("food"), *_needs_licence("small_food"), *_needs_licence("fire"),
    ],
    "field_aliases": _company_aliases("food", "small_food", "fire"),
    "material_aliases": [],
}
for _dep in RESTAURANT["dependencies"]:
    if _dep["member"] == "food":
        _dep["fills"]["operator_credit_code"] = "result_number"

CONVENIENCE = {
    "code": "convenience-store", "name": "我要开便利店", "division": FURONG, "service_object": "organisation",
    "lead": (FURONG, "market"), "window": (FURONG, "09"), "category": "O-L01", "promised_days": 10, "visits": 0,
    "keywords": "开便利店 开超市 开小卖部 卖烟 预包装食品",
    "summary": "开便利店，一次申请办理营业执照、仅销售预包装食品备案（销售散装食品的办理食品经营许可），"
               "需要卖烟的可一并申请烟草专卖零售许可证。",
    "members": [
        *_REGISTRATION,
        {"code": "prepack", "matter": "000210002000", "at": FURONG, "mode": "rule"},
        {"code": "food", "matter": "000201006000", "at": FURONG, "mode": "rule"},
        {"code": "tobacco", "matter": "000201054000", "at": FURONG, "mode": "optional", "preselected": True,
         "note": "烟草专卖零售许可由烟草专卖局核发，本市由商务部门受理"},
    ],
    "questions": [
        {**_ENTITY_Q, "default": "individual"}, _HAS_LICENCE_Q,
        {"key": "bulk_food", "kind": "yes_no", "text": "是否销售散装食品（如散装熟食、糕点）？",
         "help": "仅销售预包装食品的办理备案；销售散装食品的须取得食品经营许可", "default": False},
    ],
    "rules": [
        *_registration_rules(),
        {"condition": {"q": "bulk_food", "op": "is", "value": False}, "effect": "include", "member": "prepack",
         "note": "食品安全法第三十五条：仅销售预包装食品的，不需要取得许可，备案即可"},
        {"condition": {"q": "bulk_food", "op": "is", "value": True}, "effect": "include", "member": "food"},
    ],
    "dependencies": [*_needs_licence("prepack"), *_needs_licence("food"), *_needs_licence("tobacco")],
    "field_aliases": _company_aliases("prepack", "food", "tobacco"),
    "material_aliases": [],
}

_UTILITY = "不动产权证书或转移登记信息"

HOUSE = {
    "code": "second-hand-house", "name": "二手房转移登记及水电气网联动过户", "division": CITY,
    "service_object": "person", "lead": (CITY, "natural_resources"), "window": (CITY, "09"), "category": "P-L06",
    "promised_days": 3, "visits": 1,
    "keywords": "买房 卖房 二手房过户 房产过户 水电气过户",
    "summary": "买卖二手房，一次申请办理网签备案、契税申报、不动产转移登记，并联动办理水、电、气、网过户；"
               "不动产登记窗口一次受理，登记完成后水电气网自动过户。",
    "members": [
        {"code": "contract", "matter": "000120014000", "at": CITY, "mode": "rule"},
        {"code": "tax", "matter": "000120033000", "at": CITY, "mode": "always"},
        {"code": "transfer", "matter": "000107018000", "at": CITY, "mode": "always"},
        {"code": "water", "matter": "000120043000", "at": CITY, "mode": "optional"},
        {"code": "power", "matter": "000120044000", "at": CITY, "mode": "optional"},
        {"code": "gas", "matter": "000120045000", "at": CITY, "mode": "optional"},
        {"code": "telecom", "matter": "000120046000", "at": CITY, "mode": "optional", "preselected": False},
    ],
    "questions": [
        {"key": "contract_filed", "kind": "yes_no", "text": "买卖合同是否已经网签备案？",
         "help": "已在房产交易系统网签备案的选“是”", "default": False},
        {"key": "shared_ownership", "kind": "yes_no", "text": "出售的房屋是否为夫妻共有或多人共有？",
         "help": "共有房屋出售须提供婚姻状况证明或声明", "default": True},
    ],
    "rules": [
        {"condition": {"q": "contract_filed", "op": "is", "value": False}, "effect": "include",
         "member": "contract"},
        {"condition": {"q": "shared_ownership", "op": "is", "value": True}, "effect": "require",
         "member": "transfer", "materials": ["婚姻状况证明或声明"], "note": "出售共有房屋的提供"},
        {"condition": {"q": "shared_ownership", "op": "is", "value": True}, "effect": "require", "member": "tax",
         "materials": ["婚姻状况证明或声明"]},
    ],
    "dependencies": [
        {"member": "tax", "requires": "contract", "provides_materials": ["存量房买卖合同网签备案信息"]},
        {"member": "transfer", "requires": "tax", "provides_materials": ["契税等税费完税信息"]},
        {"member": "transfer", "requires": "contract", "provides_materials": ["存量房买卖合同（网签备案）"]},
        *[{"member": u, "requires": "transfer", "provides_materials": [_UTILITY],
           "note": "转移登记完成后联动过户"} for u in ("water", "power", "gas", "telecom")],
    ],
    "field_aliases": [],
    "material_aliases": [["买卖双方居民身份证", "tax.承受方居民身份证", "water.新户主居民身份证",
                          "power.新户主居民身份证", "gas.新户主居民身份证", "telecom.新户主居民身份证"]],
}

SCHOOL = {
    "code": "school-enrolment", "name": "教育入学一件事", "division": FURONG, "service_object": "person",
    "lead": (FURONG, "education"), "window": (FURONG, "09"), "category": "P-L02", "promised_days": 20, "visits": 1,
    "keywords": "上学 入学报名 小学报名 初中报名 随迁子女",
    "summary": "适龄儿童义务教育入学登记，户籍、不动产、居住证、预防接种等信息由部门共享核验；随迁子女家长"
               "尚未办理居住证的，可同时申领居住证。",
    "members": [
        {"code": "enrol", "matter": "000120025000", "at": FURONG, "mode": "always"},
        {"code": "permit", "matter": "000107010000", "at": FURONG, "mode": "rule"},
    ],
    "questions": [
        {"key": "migrant", "kind": "yes_no", "text": "孩子是否为随迁子女（非芙蓉区户籍）？", "default": True},
        {"key": "has_permit", "kind": "yes_no", "text": "父母一方是否已有芙蓉区居住证？", "default": False},
    ],
    "rules": [
        {"condition": {"all": [{"q": "migrant", "op": "is", "value": True},
                               {"q": "has_permit", "op": "is", "value": False}]},
         "effect": "include", "member": "permit", "note": "随迁子女入学须父母一方持本地居住证"},
        {"condition": {"all": [{"q": "migrant", "op": "is", "value": True},
                               {"q": "has_permit", "op": "is", "value": True}]},
         "effect": "require", "member": "enrol", "materials": ["父母一方居住证"]},
        {"condition": {"q": "migrant", "op": "is", "value": False}, "effect": "waive", "member": "enrol",
         "materials": ["父母一方居住证"]},
    ],
    "dependencies": [],
    "field_aliases": [],
    "material_aliases": [],
}

RETIREMENT = {
    "code": "retirement", "name": "退休一件事", "division": CITY, "service_object": "person",
    "lead": (CITY, "hrss"), "window": (CITY, "09"), "category": "P-L09", "promised_days": 25, "visits": 0,
    "keywords": "退休 办退休 领养老金 退休医保 提取公积金",
    "summary": "职工到龄退休，一次申请办理退休审批、基本养老保险待遇申领、退休人员医保待遇核定，"
               "并可同时提取住房公积金；退休审批结果自动共享给后续事项。",
    "members": [
        {"code": "retire", "matter": "000107015000", "at": CITY, "mode": "always"},
        {"code": "pension", "matter": "000105008000", "at": CITY, "mode": "always"},
        {"code": "medical", "matter": "000120023000", "at": CITY, "mode": "always"},
        {"code": "fund", "matter": "000120028000", "at": CITY, "mode": "optional"},
    ],
    "questions": [
        {"key": "special_post", "kind": "yes_no", "text": "是否从事特殊工种提前退休？",
         "help": "特殊工种（井下、高空、高温、繁重体力劳动等）提前退休的，退休审批时须审核工种档案",
         "default": False},
    ],
    "rules": [],
    "dependencies": [
        {"member": "pension", "requires": "retire", "provides_materials": ["职工退休审批结果"]},
        {"member": "medical", "requires": "retire", "provides_materials": ["职工退休审批结果"]},
        {"member": "fund", "requires": "retire", "provides_materials": ["退休审批信息"]},
    ],
    "field_aliases": [["applicant_name", "retire.retiree_name"], ["applicant_id_number", "retire.retiree_id_number"]],
    "material_aliases": [["职工退休审批结果", "fund.退休审批信息"]],
}

THEMES = [NEWBORN, RESTAURANT, CONVENIENCE, HOUSE, SCHOOL, RETIREMENT]


# -- loading ----------------------------------------------------------------------------------------

def _department(division: Division, sector: str) -> Department:
    return Department.objects.get(division=division, sector=sector)


def _implementation(basic_code: str, division: Division) -> Implementation:
    return Implementation.objects.select_related("matter").get(matter__basic_code=basic_code,
                                                               department__division=division)


def theme_spec(data: dict) -> dict:
    """The spec tongban.themes.services.save_theme_spec takes, resolved against the database."""
    divisions = {d.code: d for d in Division.objects.filter(code__in=[CITY, FURONG])}
    lead_division, sector = data["lead"]
    window_division, window_number = data["window"]
    return {
        "code": data["code"], "name": data["name"], "division": divisions[data["division"]],
        "service_object": data["service_object"],
        "lead_department": _department(divisions[lead_division], sector),
        "handout_window": Window.objects.filter(site__division=divisions[window_division],
                                                number=window_number).first(),
        "promised_days": data["promised_days"], "visits": data["visits"], "steps": STEPS,
        "summary": data["summary"], "keywords": data["keywords"],
        "category": Category.objects.filter(code=data["category"]).first(),
        "field_aliases": data["field_aliases"], "material_aliases": data["material_aliases"],
        "members": [{**{k: v for k, v in m.items() if k not in ("matter", "at")},
                     "implementation": _implementation(m["matter"], divisions[m["at"]])}
                    for m in data["members"]],
        "questions": data["questions"], "rules": data["rules"], "dependencies": data["dependencies"],
    }


def load_demo_themes(actor, say=print, codes=None) -> dict:
    """Save and publish every demo theme (or those of `codes`; a published one is left as it is), and
    let the city's comprehensive window also serve 芙蓉区's themes (一件事 综合窗口)."""
    from tongban.themes.models import Theme, ThemeStatus
    from tongban.themes.services import publish_theme, save_theme_spec

    published, errors = [], []
    for data in THEMES:
        if codes is not None and data["code"] not in codes:
            continue
        existing = Theme.objects.filter(code=data["code"]).first()
        if existing is not None and existing.status == ThemeStatus.PUBLISHED:
            continue
        wanted = {m["matter"] for m in data["members"]}
        if Implementation.objects.filter(matter__basic_code__in=wanted).values("matter").distinct().count() < len(wanted):
            continue  # its matters are not loaded (e.g. `tongban demo --matters matters_sample`)
        try:
            theme = publish_theme(actor, save_theme_spec(actor, theme_spec(data)))
        except Exception as exc:  # noqa: BLE001 — one theme's bad data must not stop the demo
            errors.append(f"主题“{data['name']}”未加载：{exc}")
            continue
        published.append(theme.name)
    clerk = User.objects.filter(username="clerk").first()
    furong = Division.objects.filter(code=FURONG).first()
    if clerk is not None and furong is not None and Theme.objects.filter(division=furong).exists():
        # 芙蓉区's themes are accepted at the city hall's 一件事 window too (the members are 芙蓉区's).
        grant_role(actor, clerk, Role.CLERK, division=furong)
    say(f"一件事主题 {len(published)} 个：{'、'.join(published) or '无新增'}")
    for problem in errors:
        say(f"警告：{problem}")
    return {"themes": published, "errors": errors}
