"""Code tables of the base registries and the fields each base resource offers for sharing.

The three base resources (人口, 法人, 信用) are stored in typed models; their field lists below are
what the resource catalogue shows and what a grant may name. Codes follow the national standards:
性别 GB/T 2261.1, 婚姻状况 GB/T 2261.2, 民族 GB/T 3304 (names), 登记状态 as the 国家企业信用信息公示系统
shows them, 信用类别 as 信用中国 publishes them (红名单 守信激励, 黑名单 严重失信主体名单, 失信被执行人).
"""

from django.db import models


class Sex(models.TextChoices):  # GB/T 2261.1
    MALE = "1", "男"
    FEMALE = "2", "女"


class MaritalStatus(models.TextChoices):  # GB/T 2261.2 (first-level codes)
    UNMARRIED = "10", "未婚"
    MARRIED = "20", "已婚"
    WIDOWED = "30", "丧偶"
    DIVORCED = "40", "离婚"
    UNSTATED = "90", "未说明的婚姻状况"


class HukouStatus(models.TextChoices):
    NORMAL = "normal", "正常"
    MOVED_OUT = "moved_out", "已迁出"
    CANCELLED = "cancelled", "已注销（死亡等）"


class EntityType(models.TextChoices):
    LLC = "llc", "有限责任公司"
    JOINT_STOCK = "joint_stock", "股份有限公司"
    SOLE = "sole", "个人独资企业"
    PARTNERSHIP = "partnership", "合伙企业"
    INDIVIDUAL = "individual", "个体工商户"
    COOPERATIVE = "cooperative", "农民专业合作社"
    INSTITUTION = "institution", "事业单位"
    SOCIAL = "social", "社会团体"
    PRIVATE_NONPROFIT = "private_nonprofit", "民办非企业单位"


class EntityStatus(models.TextChoices):
    ACTIVE = "active", "存续（在营、开业、在册）"
    REVOKED = "revoked", "吊销"
    CANCELLED = "cancelled", "注销"
    MOVED = "moved", "迁出"


class SubjectKind(models.TextChoices):
    PERSON = "person", "自然人（公民身份号码）"
    ORGANISATION = "organisation", "法人及其他组织（统一社会信用代码）"


class CreditKind(models.TextChoices):
    RED = "red", "红名单"
    BLACK = "black", "黑名单"
    DISHONEST = "dishonest", "失信被执行人"


class FieldType(models.TextChoices):
    TEXT = "text", "文本"
    DATE = "date", "日期"
    NUMBER = "number", "数字"
    CODE = "code", "代码"
    ID_NUMBER = "id_number", "公民身份号码"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    BOOLEAN = "boolean", "是/否"


class Storage(models.TextChoices):
    """Where a resource's records live: one of the typed base tables, or JSON per subject key."""

    POPULATION = "population", "人口基础信息（结构化表）"
    LEGAL_ENTITY = "legal_entity", "法人单位基础信息（结构化表）"
    CREDIT = "credit", "社会信用信息（结构化表）"
    GENERIC = "generic", "通用记录（按主体标识存储JSON）"


T = FieldType
# storage → [(key, 名称, type, sensitive)]. A key is the attribute of the typed model.
BASE_FIELDS = {
    Storage.POPULATION: [
        ("id_number", "公民身份号码", T.ID_NUMBER, True),
        ("name", "姓名", T.TEXT, False),
        ("sex", "性别", T.CODE, False),
        ("birth_date", "出生日期", T.DATE, True),
        ("ethnicity", "民族", T.TEXT, False),
        ("household_address", "户籍地址", T.TEXT, True),
        ("hukou_division", "户籍地区划代码", T.CODE, False),
        ("household_number", "户号", T.TEXT, True),
        ("relation_to_head", "与户主关系", T.TEXT, False),
        ("marital_status", "婚姻状况", T.CODE, True),
        ("hukou_status", "户口状态", T.CODE, False),
    ],
    Storage.LEGAL_ENTITY: [
        ("credit_code", "统一社会信用代码", T.CREDIT_CODE, False),
        ("name", "名称", T.TEXT, False),
        ("entity_type", "类型", T.CODE, False),
        ("legal_representative", "法定代表人", T.TEXT, False),
        ("legal_representative_id_number", "法定代表人身份证号", T.ID_NUMBER, True),
        ("registered_address", "住所", T.TEXT, False),
        ("status", "登记状态", T.CODE, False),
        ("established_on", "成立日期", T.DATE, False),
        ("registration_authority", "登记机关", T.TEXT, False),
        ("registered_capital", "注册资本（万元）", T.NUMBER, False),
        ("business_scope", "经营范围", T.TEXT, False),
    ],
    Storage.CREDIT: [
        ("record_number", "记录编号", T.TEXT, False),
        ("subject_kind", "主体类型", T.CODE, False),
        ("subject_key", "主体标识", T.TEXT, True),
        ("subject_name", "主体名称", T.TEXT, False),
        ("kind", "信用类别", T.CODE, False),
        ("reason", "认定事由", T.TEXT, False),
        ("source_department", "认定部门", T.TEXT, False),
        ("decided_on", "认定日期", T.DATE, False),
        ("valid_until", "有效期至", T.DATE, False),
    ],
}

# Who a base resource's subject key identifies.
BASE_SUBJECT = {
    Storage.POPULATION: SubjectKind.PERSON,
    Storage.LEGAL_ENTITY: SubjectKind.ORGANISATION,
}
