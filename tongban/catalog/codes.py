"""Code tables of GB/T 39046-2020 and the national exchange specification, as choices."""

from django.db import models


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
