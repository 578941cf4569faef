"""Application forms (申请表单) of the demo matters that the national "一件事" themes need.

FORMS maps a 基本编码 to its form spec (tongban/forms/spec.py); the matters_*.py modules attach them
with `with_forms(MATTERS)`. Matters not listed here use the default applicant form of their
服务对象. Field lists follow the paper forms the departments publish (出生医学证明首次签发登记表,
户口登记申报表, 食品经营许可申请书, 个体工商户登记（备案）申请书, 不动产登记申请书 …), trimmed to what
the platform cannot take from shared data.
"""

from tongban.forms.defaults import default_form_for, person_fields

# -- builders -------------------------------------------------------------------------------------


def section(key, label, help_text=""):
    row = {"key": key, "type": "section", "label": label}
    return {**row, "help": help_text} if help_text else row


def field(key, kind, label, *, required=False, help_text="", **extra):
    row = {"key": key, "type": kind, "label": label, "required": required, **extra}
    return {**row, "help": help_text} if help_text else row


def options(*pairs):
    """options("1", "男", "2", "女") or options("男", "女") (value = label)."""
    if all(isinstance(p, tuple) for p in pairs):
        return [{"value": v, "label": label} for v, label in pairs]
    return [{"value": p, "label": p} for p in pairs]


def choice(key, label, values, *, kind="radio", required=True, **extra):
    return field(key, kind, label, required=required, options=values, **extra)


def applicant(relation_label="", relations=None):
    """The person applying (prefilled from the account), optionally with their relation to the subject."""
    rows = [section("applicant", "申请人信息", "登录后自动带出，请核对"), *person_fields()]
    if relations:
        rows.append(choice("relation", relation_label, options(*relations)))
    return rows


def person(prefix, label, *, required=True, id_help=""):
    """Name + 公民身份号码 of someone other than the applicant (母亲, 参保人, 儿童 …)."""
    return [
        field(f"{prefix}_name", "text", f"{label}姓名", required=required, max=50),
        field(f"{prefix}_id_number", "id_number", f"{label}公民身份号码", required=required,
              **({"help": id_help} if id_help else {})),
    ]


SEX = options(("1", "男"), ("2", "女"))  # GB/T 2261.1 性别代码
CERT_NO_PATTERN = {"pattern": r"[A-Za-z]\d{9}", "pattern_message": "应为1位字母加9位数字，如 Q430012345"}
BANKS = options("中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "中国邮政储蓄银行",
                "湖南农村商业银行")
BANK_ACCOUNT = {"pattern": r"\d{12,21}", "pattern_message": "应为12至21位数字的银行卡号"}
ID_OR_CREDIT = {"pattern": r"[0-9A-Za-z]{18}", "pattern_message": "应为18位公民身份号码或统一社会信用代码"}
TRUTHFUL = field("promise", "boolean", "本人承诺以上填写内容真实、准确，如有虚假愿承担相应法律责任", required=True)

# -- 新生儿出生一件事 --------------------------------------------------------------------------------

BIRTH_CERTIFICATE = [
    *applicant("与新生儿的关系", ("父亲", "母亲", "其他监护人")),
    section("baby", "新生儿信息", "信息将打印在出生医学证明上，签发后更改须办理换发，请仔细核对"),
    field("baby_name", "text", "新生儿姓名", required=True, max=20),
    choice("baby_sex", "性别", SEX),
    field("baby_birth_date", "date", "出生日期", required=True, min="today-365", max="today"),
    field("baby_birth_time", "text", "出生时间", required=True, max=5, pattern=r"([01]\d|2[0-3]):[0-5]\d",
          pattern_message="应为24小时制时间，如 08:30", placeholder="08:30"),
    field("baby_weight", "number", "出生体重（克）", required=True, integer=True, min=300, max=8000),
    field("birth_hospital", "text", "出生地点（助产机构）", required=True, max=100, placeholder="云川市妇幼保健院"),
    field("birth_place", "address", "出生地（省、市、县）", required=True, default="湖南省云川市"),
    section("mother", "母亲信息"),
    *person("mother", "母亲"),
    section("father", "父亲信息", "父亲信息暂不登记的可以不填，以后补登记"),
    *person("father", "父亲", required=False),
    TRUTHFUL,
]

BIRTH_REGISTRATION = [
    *applicant("申报人与新生儿的关系", ("父亲", "母亲", "户主", "其他亲属")),
    section("baby", "新生儿信息"),
    field("baby_name", "text", "新生儿姓名", required=True, max=20),
    choice("baby_sex", "性别", SEX),
    field("baby_birth_date", "date", "出生日期", required=True, min="today-6570", max="today",
          help_text="婴儿出生后一个月以内申报；超过时限的仍可申报"),
    field("birth_certificate_no", "text", "出生医学证明编号", required=True, max=10, **CERT_NO_PATTERN),
    field("ethnicity", "text", "民族", required=True, max=20, default="汉族"),
    section("settle", "落户信息"),
    choice("settle_with", "随父或随母落户", options(("father", "随父落户"), ("mother", "随母落户"))),
    field("householder_name", "text", "户主姓名", required=True, max=50),
    choice("relation_to_householder", "新生儿与户主关系", options("子", "女", "孙子", "孙女", "其他"), kind="select"),
    field("hukou_address", "address", "落户地址（户口簿住址）", required=True),
    TRUTHFUL,
]

RESIDENT_MEDICAL_INSURANCE = [
    *applicant(),
    section("insured", "参保人信息", "为新生儿、子女或家人办理的填写其信息；本人参保的填写本人信息"),
    *person("insured", "参保人", id_help="新生儿尚未办理户口的，请先在“新生儿出生一件事”中办理出生登记"),
    choice("insured_category", "参保人员类别",
           options("新生儿", "中小学生和儿童", "大中专院校学生", "成年居民", "老年居民", "灵活就业人员"), kind="select"),
    choice("household", "户籍情况", options(("local", "本市户籍"), ("permit", "持本市居住证的非本市户籍居民"))),
    field("residence_permit_no", "text", "居住证号码", max=30, help_text="非本市户籍居民填写"),
    field("insured_phone", "phone", "参保人联系电话", help_text="与申请人相同的可以不填"),
]

SOCIAL_SECURITY_CARD = [
    *applicant(),
    section("holder", "持卡人信息", "为未成年子女申领的填写子女信息"),
    choice("holder_relation", "持卡人", options(("self", "本人"), ("child", "未成年子女"), ("other", "其他被监护人"))),
    *person("holder", "持卡人"),
    section("card", "制卡与领取"),
    choice("bank", "金融功能合作银行", BANKS, kind="select", help_text="社会保障卡同时具有该银行的借记卡功能"),
    choice("delivery", "领取方式", options(("outlet", "服务网点领取"), ("post", "邮寄到家（免费）"))),
    field("mail_address", "address", "邮寄地址", help_text="选择邮寄到家时填写"),
]

# -- 教育入学 ----------------------------------------------------------------------------------------

SCHOOL_ENROLMENT = [
    *applicant("与儿童的关系", ("父亲", "母亲", "其他法定监护人")),
    section("child", "入学儿童信息"),
    *person("child", "儿童"),
    choice("child_sex", "性别", SEX),
    field("child_birth_date", "date", "出生日期", required=True, min="today-5840", max="today-1800",
          help_text="小学入学须年满六周岁（以当年8月31日为准）"),
    choice("stage", "入学阶段", options(("primary", "小学一年级"), ("junior", "初中一年级"))),
    choice("hukou_type", "户籍类型", options(("local", "本区县户籍"), ("migrant", "随迁子女（非本区县户籍）"))),
    section("home", "居住信息", "按实际居住地址划分学区"),
    field("home_address", "address", "实际居住地址", required=True),
    choice("housing", "住房情况", options(("owned", "自有住房"), ("rented", "租赁住房"), ("other", "其他"))),
    field("preferred_school", "text", "意向学校", max=60, help_text="学区内学校，仅供参考，以派位结果为准"),
    TRUTHFUL,
]

# -- 退休 --------------------------------------------------------------------------------------------

RETIREMENT = [
    *default_form_for(["1", "2"]),
    section("retiree", "退休人员信息", "单位为职工申请的，填写职工信息；个人参保的，填写本人信息"),
    *person("retiree", "退休人员"),
    field("work_start_date", "date", "参加工作时间", required=True, min="1950-01-01", max="today"),
    choice("post_type", "岗位类型", options(("normal", "普通岗位"), ("special", "特殊工种岗位"))),
    field("contribution_years", "number", "累计缴费年限（年）", required=True, min=0, max=60,
          help_text="可在“个人权益记录查询打印”中查询"),
]

PENSION_CLAIM = [
    *applicant(),
    section("payment", "待遇发放"),
    field("retirement_approved_on", "date", "退休审批日期", required=True, min="1990-01-01", max="today"),
    choice("bank", "发放银行", BANKS, kind="select"),
    field("bank_account", "text", "银行卡号（社会保障卡金融账户）", required=True, max=21, **BANK_ACCOUNT),
    field("other_pension", "boolean", "本人承诺未同时领取其他基本养老保险待遇", required=True),
]

# -- 二手房转移登记 ------------------------------------------------------------------------------------

HOUSE_TRANSFER = [
    *default_form_for(["1", "2"]),
    section("property", "不动产信息"),
    field("property_cert_no", "text", "不动产权证号", required=True, max=60,
          pattern=r".+[（(]\d{4}[）)].+不动产权第\d{7}号",
          pattern_message="应如“湘（2023）云川市不动产权第0012345号”", placeholder="湘（2023）云川市不动产权第0012345号"),
    field("property_location", "address", "坐落", required=True, placeholder="云川市芙蓉区人民路8号3栋2单元501室"),
    field("floor_area", "number", "建筑面积（平方米）", required=True, min=1, max=100000),
    choice("usage", "房屋用途", options("住宅", "商业", "办公", "其他"), kind="select"),
    section("seller", "卖方（转让方）"),
    field("seller_name", "text", "卖方姓名或名称", required=True, max=100),
    field("seller_id_no", "text", "卖方证件号码", required=True, max=18, **ID_OR_CREDIT),
    field("seller_phone", "phone", "卖方联系电话", required=True),
    section("buyer", "买方（受让方）"),
    field("buyer_name", "text", "买方姓名或名称", required=True, max=100),
    field("buyer_id_no", "text", "买方证件号码", required=True, max=18, **ID_OR_CREDIT),
    field("buyer_phone", "phone", "买方联系电话", required=True),
    choice("ownership", "共有方式", options("单独所有", "共同共有", "按份共有")),
    section("deal", "交易信息"),
    field("price", "money", "成交价（元）", required=True, min=1, help_text="与网签备案合同一致"),
    field("contract_no", "text", "网签合同备案编号", required=True, max=40),
    choice("with_mortgage", "是否带押过户", options(("no", "否"), ("yes", "是（原抵押贷款未结清）"))),
    field("utilities_transfer", "boolean", "同时申请水、电、气、网联动过户", default=True),
]

# -- 开办餐饮店 / 个体工商户 ---------------------------------------------------------------------------

FOOD_BUSINESS_ITEMS = options(
    ("bulk_food", "散装食品销售"), ("special_food", "特殊食品销售"), ("other_sale", "其他类食品销售"),
    ("hot_food", "热食类食品制售"), ("cold_food", "冷食类食品制售"), ("raw_food", "生食类食品制售"),
    ("semi_food", "半成品制售"), ("drinks", "自制饮品制售"), ("other_make", "其他类食品制售"))

FOOD_LICENCE = [
    *default_form_for(["1", "2"]),
    section("operator", "经营者信息", "与营业执照上的信息一致"),
    field("operator_name", "text", "经营者名称", required=True, max=100),
    field("operator_credit_code", "credit_code", "统一社会信用代码", required=True),
    field("premises", "address", "经营场所", required=True),
    choice("business_form", "主体业态", options(("seller", "食品销售经营者"), ("caterer", "餐饮服务经营者"),
                                              ("canteen", "单位食堂")), kind="select"),
    choice("business_items", "经营项目", FOOD_BUSINESS_ITEMS, kind="checkbox",
           help_text="按《食品经营许可和备案管理办法》选择，可多选"),
    field("floor_area", "number", "经营场所面积（平方米）", required=True, min=1, max=100000),
    field("staff_count", "number", "从业人员数", required=True, integer=True, min=1, max=10000),
    field("online", "boolean", "通过网络经营食品"),
    field("website", "text", "网站或平台名称", max=100, help_text="自建网站或入网平台，网络经营的填写"),
    section("safety", "食品安全管理人员"),
    field("safety_manager_name", "text", "食品安全管理员姓名", required=True, max=50),
    field("safety_manager_id_number", "id_number", "食品安全管理员公民身份号码", required=True),
    field("safety_manager_phone", "phone", "食品安全管理员手机号码", required=True, mobile_only=True),
    TRUTHFUL,
]

INDIVIDUAL_BUSINESS = [
    *applicant(),
    section("business", "登记信息"),
    field("trade_name", "text", "名称", max=60, help_text="个体工商户可以不使用名称；使用的，应经自主申报"),
    field("operator_name", "text", "经营者姓名", required=True, max=50, prefill="applicant.name",
          help_text="家庭经营的，填写主持经营者"),
    field("premises", "address", "经营场所", required=True),
    field("business_scope", "textarea", "经营范围", required=True, max=500,
          help_text="按《经营范围登记规范表述目录》选择表述，如“食品销售（仅销售预包装食品）”"),
    field("capital", "money", "资金数额（元）", required=True, min=0),
    choice("organisation_form", "组成形式", options(("personal", "个人经营"), ("family", "家庭经营"))),
    field("family_members", "textarea", "参加经营的家庭成员", max=300, help_text="家庭经营的填写姓名及与经营者关系"),
    field("staff_count", "number", "从业人数", integer=True, min=0, max=10000),
    TRUTHFUL,
]

COMPANY_REGISTRATION = [
    section("agent", "经办人信息", "由法定代表人或其委托的经办人在线申请"),
    *[{**row, "label": row["label"].replace("申请人", "经办人")} for row in person_fields()],
    section("company", "企业信息"),
    field("company_name", "text", "企业名称", required=True, max=100, help_text="已通过名称自主申报的名称"),
    choice("company_type", "企业类型", options("有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）",
                                               "股份有限公司", "个人独资企业", "合伙企业"), kind="select"),
    field("registered_capital", "money", "注册资本（元）", required=True, min=1,
          help_text="有限责任公司股东认缴出资应自成立之日起五年内缴足（《公司法》第四十七条）"),
    field("company_address", "address", "住所", required=True),
    field("business_scope", "textarea", "经营范围", required=True, max=1000),
    field("legal_rep_name", "text", "法定代表人姓名", required=True, max=50),
    field("legal_rep_id_number", "id_number", "法定代表人公民身份号码", required=True),
    choice("duration", "营业期限", options(("long", "长期"), ("fixed", "固定期限"))),
    TRUTHFUL,
]

FORMS = {
    "000120015000": BIRTH_CERTIFICATE,           # 出生医学证明办理
    "000107001000": BIRTH_REGISTRATION,          # 出生登记（出生户口登记）
    "000120020000": RESIDENT_MEDICAL_INSURANCE,  # 城乡居民基本医疗保险参保登记
    "000120004000": SOCIAL_SECURITY_CARD,        # 社会保障卡申领
    "000120025000": SCHOOL_ENROLMENT,            # 义务教育阶段新生入学登记
    "000107015000": RETIREMENT,                  # 职工正常退休（职）申请
    "000105008000": PENSION_CLAIM,               # 职工基本养老保险待遇申领
    "000107018000": HOUSE_TRANSFER,              # 国有建设用地使用权及房屋所有权转移登记（买卖）
    "000201006000": FOOD_LICENCE,                # 食品经营许可（新办）
    "000201002000": INDIVIDUAL_BUSINESS,         # 个体工商户设立登记
    "000201001000": COMPANY_REGISTRATION,        # 企业设立登记
}


def with_forms(matters: list[dict]) -> list[dict]:
    """The matters, each with its application form when FORMS has one."""
    return [{**m, "form_spec": FORMS[m["basic_code"]]} if m.get("basic_code") in FORMS else m for m in matters]

