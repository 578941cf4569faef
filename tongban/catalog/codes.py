"""Code tables of GB/T 39046-2020 and the national exchange specification, as choices, and the
structure of the catalogue's own codes (基本编码, 实施编码; docs/domain.md §2.1)."""

from django.core.exceptions import ValidationError
from django.db import models

from tongban.core.validators import validate_credit_code


class MatterType(models.TextChoices):
    LICENSING = "01", "行政许可"
    PENALTY = "02", "行政处罚"
    COERCION = "03", "行政强制"
    LEVY = "04", "行政征收"
    BENEFIT = "05", "行政给付"
    INSPECTION = "06", "行政检查"
    CONFIRMATION = "07", "行政确认"
    REWARD = "08", "行政奖励"
    ADJUDICATION = "09", "行政裁决"
    OTHER = "10", "其他行政权力"
    PUBLIC_SERVICE = "20", "公共服务"


# 依职权 kinds are not applied for; they feed supervision (互联网+监管), not the service catalogue.
BY_AUTHORITY_TYPES = {MatterType.PENALTY, MatterType.COERCION, MatterType.LEVY, MatterType.INSPECTION}
# The published 政务服务事项目录 holds the 依申请 kinds; 公共服务事项目录 holds type 20.
GOVERNMENT_SERVICE_TYPES = {
    MatterType.LICENSING, MatterType.BENEFIT, MatterType.CONFIRMATION,
    MatterType.ADJUDICATION, MatterType.REWARD, MatterType.OTHER,
}


class CaseKind(models.IntegerChoices):
    IMMEDIATE = 1, "即办件"
    PROMISED = 2, "承诺件"


class OnlineDepth(models.IntegerChoices):
    """网上办理深度 (一星 to 五星)."""

    INFO = 1, "信息公开（一星）"
    DOWNLOAD = 2, "在线咨询、表格下载（二星）"
    PREVIEW = 3, "网上预审（三星）"
    ACCEPT = 4, "网上受理、网上办理（四星）"
    FULL = 5, "全程网办（五星）"


class TongbanScope(models.TextChoices):
    NONE = "", "不适用"
    CITY = "city", "全市通办"
    CROSS_CITY = "cross_city", "跨市通办（全省通办）"
    CROSS_PROVINCE = "cross_province", "跨省通办"
    NATIONAL = "national", "全国通办"


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", "原件"
    COPY = "copy", "复印件"
    ORIGINAL_AND_COPY = "both", "原件和复印件"
    ELECTRONIC = "electronic", "电子材料"


class MaterialSource(models.TextChoices):
    APPLICANT = "applicant", "申请人自备"
    GOVERNMENT = "government", "政府部门核发"
    EXEMPT = "exempt", "免提交（电子证照或数据共享）"


class ResultKind(models.TextChoices):
    LICENCE = "licence", "证照"
    APPROVAL = "approval", "批文"
    OTHER = "other", "其他"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    PUBLISHED = "published", "已发布"
    CANCELLED = "cancelled", "已取消"


# -- 基本编码 and 实施编码 (docs/domain.md §2.1) ---------------------------------------------------------
# 基本编码, 12 digits: 目录段 (4) + 事项类型代码 (2) + 主项序号 (3) + 子项序号 (3, "000" = no sub-item).
# 实施编码, 31 characters: 实施主体统一社会信用代码 (18, GB 32100) + 行使层级 (1) + 基本编码 (12).
BASIC_CODE_LENGTH = 12
BASIC_CODE_TYPE = slice(4, 6)  # the 5th and 6th digits carry the matter type
IMPLEMENTATION_CODE_LENGTH = 18 + 1 + BASIC_CODE_LENGTH
BASIC_CODE_SHAPE = "目录段4位+事项类型代码2位+主项序号3位+子项序号3位"
IMPLEMENTATION_CODE_SHAPE = "实施主体统一社会信用代码18位+行使层级1位+基本编码12位"


def basic_code_format_problem(code: str) -> str | None:
    """Why `code` is not 12 digits, or None. What every stored 基本编码 must be."""
    code = code or ""
    if not code:
        return "基本编码不能为空"
    if len(code) != BASIC_CODE_LENGTH or not (code.isascii() and code.isdigit()):
        return (f"基本编码应为{BASIC_CODE_LENGTH}位数字（{BASIC_CODE_SHAPE}），"
                f"当前为“{code}”（{len(code)}位）")
    return None


def basic_code_problem(code: str, matter_type: str | None = None) -> str | None:
    """Why `code` does not follow the structure, or does not carry `matter_type`; None if it does.

    Checked where codes are entered (the admin forms, the Excel import); see docs/domain.md §2.1.
    """
    problem = basic_code_format_problem(code)
    if problem:
        return problem
    digits = code[BASIC_CODE_TYPE]
    if digits not in MatterType.values:
        return (f"基本编码第5–6位应为事项类型代码（{'、'.join(MatterType.values)}），"
                f"“{code}”中为“{digits}”")
    if matter_type and digits != matter_type:
        return (f"基本编码第5–6位为事项类型代码：“{code}”表示{MatterType(digits).label}（{digits}），"
                f"与事项类型{_type_label(matter_type)}不一致")
    return None


def _type_label(matter_type: str) -> str:
    try:
        return f"{MatterType(matter_type).label}（{matter_type}）"
    except ValueError:
        return f"“{matter_type}”"


def implementation_code_problem(code: str) -> str | None:
    """Why `code` cannot be an 实施编码 (length, credit code, level digit, 12-digit basic code), or None.

    Only the shape: whether it is the right code for a department and matter is Implementation.clean's
    business. A lookup uses this to tell a mistyped code from an unknown one.
    """
    code = (code or "").strip().upper()
    if len(code) != IMPLEMENTATION_CODE_LENGTH:
        return (f"实施编码应为{IMPLEMENTATION_CODE_LENGTH}位（{IMPLEMENTATION_CODE_SHAPE}），"
                f"当前为{len(code)}位")
    credit, level, basic = code[:18], code[18], code[19:]
    try:
        validate_credit_code(credit)
    except ValidationError as exc:
        return f"实施编码前18位应为实施主体的统一社会信用代码：{exc.messages[0]}"
    if level not in "123456":
        return f"实施编码第19位应为行使层级代码（1–6），当前为“{level}”"
    problem = basic_code_format_problem(basic)
    if problem:
        return f"实施编码后12位应为基本编码：{problem}"
    return None
