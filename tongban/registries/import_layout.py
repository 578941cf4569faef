"""Column layouts of registry imports (CSV or Excel): one header row, one record per row.

Headers are the Chinese column names below (a trailing * or （必填） is ignored); columns may come in
any order; unknown columns are refused so that a misspelt header is not silently dropped.

人口基础信息 (population):    公民身份号码*, 姓名*, 性别*, 出生日期*, 民族, 户籍地址*, 户籍地区划代码*, 户号,
                               与户主关系, 婚姻状况, 户口状态
法人单位基础信息 (legal_entity): 统一社会信用代码*, 名称*, 类型*, 法定代表人*, 法定代表人身份证号, 住所*,
                               登记状态, 成立日期*, 登记机关*, 注册资本（万元）, 经营范围
社会信用信息 (credit):          记录编号*, 主体类型*, 主体标识*, 主体名称*, 信用类别*, 认定事由*, 认定部门*,
                               认定日期*, 有效期至
other published resources:      主体标识*, 记录标识, then one column per resource field, headed by the
                               field's 名称 (as the resource catalogue lists it)

Values: dates as 2024-03-15 (also 2024/3/15, 20240315, or an Excel date cell); codes by their Chinese
name or their code (性别 男/女 or 1/2; 婚姻状况 未婚/已婚/丧偶/离婚 or 10/20/30/40); 是/否 for yes/no.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from tongban.core.validators import validate_credit_code, validate_division_code, validate_id_number
from tongban.registries.codes import (
    CreditKind,
    EntityStatus,
    EntityType,
    FieldType,
    HukouStatus,
    MaritalStatus,
    Sex,
    Storage,
    SubjectKind,
)


class CellError(ValueError):
    pass


def text(max_length: int):
    def parse(value):
        value = "" if value is None else str(value).strip()
        if isinstance(value, str) and value.endswith(".0") and value[:-2].isdigit():
            value = value[:-2]  # a number cell Excel stored as 431402.0
        if len(value) > max_length:
            raise CellError(f"不能超过{max_length}个字符（当前{len(value)}个）")
        return value
    return parse


def _validated(validator, max_length=18):
    base = text(max_length)

    def parse(value):
        value = base(value).upper()
        if value:
            try:
                validator(value)
            except ValidationError as exc:
                raise CellError("；".join(exc.messages)) from None
        return value
    return parse


def upper_text(max_length: int):
    base = text(max_length)
    return lambda value: base(value).upper()


id_number = _validated(validate_id_number)
credit_code = _validated(validate_credit_code)
division_code = _validated(validate_division_code, 12)
DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def date(value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    match = DATE_RE.match(raw) or re.match(r"^(\d{4})(\d{2})(\d{2})$", raw)
    try:
        if match:
            return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        pass
    raise CellError(f"“{raw}”不是有效日期，应写作如 2024-03-15")


def decimal(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise CellError(f"“{value}”不是数字") from None


def boolean(value):
    raw = "" if value is None else str(value).strip()
    if raw in ("", "否", "0", "N", "n", "false", "False", "FALSE"):
        return False if raw else None
    if raw in ("是", "1", "Y", "y", "true", "True", "TRUE"):
        return True
    raise CellError(f"“{raw}”应为“是”或“否”")


def choice(choices, aliases=None):
    names = dict(aliases or {})
    for value, label in choices.choices:
        names[str(value)] = value
        names[label] = value
        names[label.split("（")[0]] = value

    def parse(raw):
        raw = "" if raw is None else str(raw).strip()
        if raw.endswith(".0") and raw[:-2].isdigit():
            raw = raw[:-2]
        if not raw:
            return ""
        if raw not in names:
            allowed = "、".join(label.split("（")[0] for _v, label in choices.choices)
            raise CellError(f"“{raw}”不在可选值中（可选：{allowed}）")
        return names[raw]
    return parse


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    parse: object
    required: bool = False


LAYOUTS = {
    Storage.POPULATION: ("id_number", [
        Column("公民身份号码", "id_number", id_number, True),
        Column("姓名", "name", text(60), True),
        Column("性别", "sex", choice(Sex), True),
        Column("出生日期", "birth_date", date, True),
        Column("民族", "ethnicity", text(20)),
        Column("户籍地址", "household_address", text(200), True),
        Column("户籍地区划代码", "hukou_division", division_code, True),
        Column("户号", "household_number", text(20)),
        Column("与户主关系", "relation_to_head", text(20)),
        Column("婚姻状况", "marital_status", choice(MaritalStatus)),
        Column("户口状态", "hukou_status", choice(HukouStatus)),
    ]),
    Storage.LEGAL_ENTITY: ("credit_code", [
        Column("统一社会信用代码", "credit_code", credit_code, True),
        Column("名称", "name", text(200), True),
        Column("类型", "entity_type", choice(EntityType), True),
        Column("法定代表人", "legal_representative", text(60), True),
        Column("法定代表人身份证号", "legal_representative_id_number", id_number),
        Column("住所", "registered_address", text(200), True),
        Column("登记状态", "status", choice(EntityStatus)),
        Column("成立日期", "established_on", date, True),
        Column("登记机关", "registration_authority", text(100), True),
        Column("注册资本（万元）", "registered_capital", decimal),
        Column("经营范围", "business_scope", text(2000)),
    ]),
    Storage.CREDIT: ("record_number", [
        Column("记录编号", "record_number", text(60), True),
        Column("主体类型", "subject_kind", choice(SubjectKind, {"个人": SubjectKind.PERSON, "法人": SubjectKind.ORGANISATION,
                                                               "组织": SubjectKind.ORGANISATION}), True),
        Column("主体标识", "subject_key", upper_text(18), True),
        Column("主体名称", "subject_name", text(200), True),
        Column("信用类别", "kind", choice(CreditKind), True),
        Column("认定事由", "reason", text(500), True),
        Column("认定部门", "source_department", text(100), True),
        Column("认定日期", "decided_on", date, True),
        Column("有效期至", "valid_until", date),
    ]),
}

FIELD_PARSERS = {
    FieldType.TEXT: text(500), FieldType.CODE: text(60), FieldType.DATE: date, FieldType.NUMBER: decimal,
    FieldType.ID_NUMBER: id_number, FieldType.CREDIT_CODE: credit_code, FieldType.BOOLEAN: boolean,
}
SUBJECT_HEADER, RECORD_HEADER = "主体标识", "记录标识"


def generic_layout(resource) -> list[Column]:
    return [Column(SUBJECT_HEADER, "subject_key", upper_text(18), True), Column(RECORD_HEADER, "record_key", text(60)),
            *(Column(f.name, f.key, FIELD_PARSERS[f.type]) for f in resource.fields.all())]


def layout_for(resource) -> tuple[str, list[Column]]:
    """(key field, columns) of the resource's import file."""
    if resource.storage in LAYOUTS:
        return LAYOUTS[resource.storage]
    return "subject_key", generic_layout(resource)


def normalise_header(value) -> str:
    raw = "" if value is None else str(value).strip()
    return re.sub(r"(\*|（必填）|\(必填\))$", "", raw).strip()
