"""API shapes of the matter catalogue (政务服务事项目录、实施清单、办事指南), GB/T 39046-2020 elements."""

from datetime import datetime

from ninja import Field, Schema

from tongban.core.api_errors import CodeLabel


class IntCodeLabel(Schema):
    code: int = Field(description="代码")
    label: str = Field(description="名称")


class CodeName(Schema):
    code: str = Field(description="代码")
    name: str = Field(description="名称")


class DepartmentBrief(Schema):
    id: int = Field(description="部门内部编号")
    name: str = Field(description="部门名称")
    credit_code: str = Field(description="统一社会信用代码")


class MatterItemOut(Schema):
    """One 实施清单 entry: a standard matter as carried out by one department at one level."""

    implementation_code: str = Field(description="实施编码：实施主体统一社会信用代码(18)+行使层级(1)+基本编码(12)")
    basic_code: str = Field(description="基本编码（同一事项在各层级相同）")
    name: str = Field(description="事项名称")
    matter_type: CodeLabel = Field(description="事项类型（GB/T 39046 附录A），如 01 行政许可、20 公共服务")
    department: DepartmentBrief = Field(description="实施主体")
    division: CodeName = Field(description="实施主体所在区划")
    level: IntCodeLabel = Field(description="行使层级：3 市级、4 县级、5 镇（街道）级、6 村（社区）级")
    case_kind: IntCodeLabel = Field(description="办件类型：1 即办件、2 承诺件")
    legal_limit_days: int | None = Field(None, description="法定办结时限（工作日）；法律未规定时为空")
    promised_limit_days: int = Field(description="承诺办结时限（工作日），平台据此计时")
    visits_required: int = Field(description="到办事现场次数")
    online_depth: IntCodeLabel = Field(description="网上办理深度：1 一星（信息公开）至 5 五星（全程网办）")
    fully_online: bool = Field(description="是否全程网办")
    version: int = Field(description="当前发布版本号")
    guide_url: str = Field(description="办事指南页面地址（相对路径）")
    api_url: str = Field(description="办事指南 JSON 地址（相对路径）")


class MatterPage(Schema):
    count: int = Field(description="符合条件的实施清单条数")
    page: int = Field(description="当前页码（从1开始）")
    page_size: int = Field(description="每页条数")
    pages: int = Field(description="总页数")
    items: list[MatterItemOut] = Field(description="本页条目")


class ImplementingBody(Schema):
    name: str = Field(description="实施主体名称")
    credit_code: str = Field(description="实施主体统一社会信用代码")
    division: str = Field(description="实施主体所在区划全称")


class MatterMaterialOut(Schema):
    """A material the guide lists (申请材料), as published; a draft's materials are CaseMaterialOut."""

    name: str = Field(description="材料名称")
    form: str = Field(description="材料形式代码：original 原件、copy 复印件、both 原件和复印件、electronic 电子材料")
    form_label: str = Field(description="材料形式")
    copies: int = Field(description="份数")
    required: bool = Field(description="是否必要")
    necessity_note: str = Field(description="必要性说明，如“涉及前置审批的提供”")
    source: str = Field(description="来源渠道代码：applicant 申请人自备、government 政府部门核发、exempt 免提交")
    source_label: str = Field(description="来源渠道")
    source_note: str = Field(description="来源说明，如“由卫生健康部门核发”")
    rongque_allowed: bool = Field(description="是否可容缺受理")
    paper_spec: str = Field(description="纸质规格，如 A4")
    notes: str = Field(description="填报须知")
    blank_form_url: str = Field(description="空白表格下载地址；无则为空")
    sample_url: str = Field(description="示例样表下载地址；无则为空")


class StepOut(Schema):
    name: str = Field(description="环节名称，如受理、审查、决定、办结")
    actor: str = Field(description="办理人员")
    description: str = Field(description="办理内容与标准")
    limit_days: int | None = Field(None, description="环节时限（工作日）")


class FeeOut(Schema):
    name: str = Field(description="收费项目")
    standard: str = Field(description="收费标准")
    basis: str = Field(description="收费依据")
    amount_cents: int | None = Field(None, description="固定金额（分）；按标准计算的为空")
    reducible: str = Field(description="减免政策")


class MatterResultOut(Schema):
    """A result the matter gives (办理结果); what a case was given is CaseResultOut."""

    name: str = Field(description="结果名称")
    kind: str = Field(description="结果类型代码：licence 证照、approval 批文、other 其他")
    kind_label: str = Field(description="结果类型")
    validity: str = Field(description="有效期")


class FaqOut(Schema):
    question: str = Field(description="问题")
    answer: str = Field(description="解答")


class FormOption(Schema):
    value: str = Field(description="选项值（保存在申请答案中）")
    label: str = Field(description="选项显示文字")


class FormFieldOut(Schema):
    """One field of the application form (申请表单); the platform checks answers against it."""

    key: str = Field(description="字段标识：申请答案 JSON 中的键")
    type: str = Field(description="字段类型：section 分节标题（无答案）、text 单行文本、textarea 多行文本、number 数字、"
                                  "money 金额（元，两位小数，答案为字符串如 \"1234.50\"）、date 日期（YYYY-MM-DD）、"
                                  "select 下拉选择、radio 单选、checkbox 多选（答案为列表）、boolean 勾选确认、"
                                  "id_number 公民身份号码（GB 11643）、credit_code 统一社会信用代码（GB 32100）、"
                                  "phone 电话号码、email 电子邮箱、address 地址")
    label: str = Field(description="字段名称")
    required: bool = Field(description="是否必填（提交时检查；暂存草稿时不检查）")
    options: list[FormOption] | None = Field(None, description="可选项（下拉选择、单选、多选）")
    help: str | None = Field(None, description="填写说明")
    placeholder: str | None = Field(None, description="输入框占位提示")
    min: int | float | str | None = Field(None, description="最小值：数字和金额为数值，日期为日期或 today±天数，"
                                                           "文本为最少字数，多选为最少选择项数")
    max: int | float | str | None = Field(None, description="最大值，含义同 min")
    integer: bool | None = Field(None, description="数字是否必须为整数")
    mobile_only: bool | None = Field(None, description="电话是否只接受11位手机号码")
    pattern: str | None = Field(None, description="文本格式（正则表达式，须整体匹配）")
    pattern_message: str | None = Field(None, description="不符合格式时的提示")
    default: str | int | float | bool | list[str] | None = Field(None, description="默认答案")
    applies_to: list[str] | None = Field(None, description="仅适用于这些服务对象代码（按答案 applicant_type 判断）")
    applies_to_names: list[str] | None = Field(None, description="适用的服务对象名称")
    prefill: str | None = Field(None, description="预填来源，如 applicant.name（登录用户姓名）")


class SiteBrief(Schema):
    name: str = Field(description="办理场所名称")
    address: str = Field(description="地址")
    hours: str = Field(description="办公时间")
    phone: str = Field(description="咨询电话")


class GuideOut(Schema):
    """The 办事指南 of one implementation entry at one published version."""

    implementation_code: str = Field(description="实施编码")
    basic_code: str = Field(description="基本编码")
    version: int = Field(description="本指南所依据的事项版本号")
    current_version: int = Field(description="事项当前发布版本号；与 version 不同表示这是历史版本")
    published_at: datetime | None = Field(None, description="该版本发布时间")
    superseded_at: datetime | None = Field(None, description="该版本被新版本替代的时间；当前版本为空")
    name: str = Field(description="事项名称")
    matter_type: CodeLabel = Field(description="事项类型")
    legal_basis: str = Field(description="设定依据")
    implementing_body: ImplementingBody = Field(description="实施主体")
    level: IntCodeLabel = Field(description="本条目的行使层级")
    levels: list[IntCodeLabel] = Field(description="标准事项的全部行使层级")
    service_objects: list[CodeName] = Field(description="服务对象：1 自然人、2 企业法人、3 事业法人、4 社会组织法人、"
                                                        "5 行政机关、6 其他组织")
    categories: list[CodeName] = Field(description="主题分类")
    conditions: str = Field(description="受理条件")
    case_kind: IntCodeLabel = Field(description="办件类型")
    legal_limit_days: int | None = Field(None, description="法定办结时限（工作日）")
    promised_limit_days: int = Field(description="承诺办结时限（工作日）")
    limit_note: str = Field(description="时限说明")
    has_fee: bool = Field(description="是否收费")
    fees: list[FeeOut] = Field(description="收费项目")
    visits_required: int = Field(description="到办事现场次数")
    online_depth: IntCodeLabel = Field(description="网上办理深度")
    fully_online: bool = Field(description="是否全程网办")
    supports_appointment: bool = Field(description="是否支持预约办理")
    supports_online_payment: bool = Field(description="是否支持网上支付")
    supports_express: bool = Field(description="是否支持物流快递")
    tongban_scope: CodeLabel = Field(description="通办范围：city 全市通办、cross_city 全省通办、cross_province 跨省通办、"
                                                 "national 全国通办；空为不适用")
    intermediary: str = Field(description="中介服务")
    quantity_limit: str = Field(description="数量限制")
    result_delivery: str = Field(description="结果送达方式")
    materials: list[MatterMaterialOut] = Field(description="申请材料")
    steps: list[StepOut] = Field(description="办理流程")
    results: list[MatterResultOut] = Field(description="办理结果")
    faqs: list[FaqOut] = Field(description="常见问题")
    form_fields: list[FormFieldOut] = Field(description="申请表单字段（本版本自带的表单；未设置时为按服务对象生成的"
                                                        "标准申请人信息表）")
    place: str = Field(description="办理地点（本实施主体）")
    hours: str = Field(description="办理时间")
    consult_phone: str = Field(description="咨询电话")
    supervise_phone: str = Field(description="监督电话")
    site: SiteBrief | None = Field(None, description="办理场所")
    guide_url: str = Field(description="办事指南页面地址（相对路径）")


class CategoryOut(Schema):
    code: str = Field(description="分类代码；筛选事项时作为 theme 参数")
    name: str = Field(description="分类名称")
    kind: str = Field(description="类别代码：topic 主题分类、life_event 人生阶段/经营周期")
    kind_label: str = Field(description="类别")
    audience: str = Field(description="对象代码：person 个人、organisation 法人")
    audience_label: str = Field(description="对象")


class CodeItem(Schema):
    code: str | int = Field(description="代码")
    label: str = Field(description="名称")


class MatterTypeItem(CodeItem):
    on_application: bool = Field(description="是否依申请办理；依职权的（处罚、强制、征收、检查）不在服务目录中")


class CodeTablesOut(Schema):
    matter_types: list[MatterTypeItem] = Field(description="事项类型（GB/T 39046 附录A）")
    levels: list[CodeItem] = Field(description="行使层级")
    service_objects: list[CodeItem] = Field(description="服务对象")
    case_kinds: list[CodeItem] = Field(description="办件类型")
    online_depths: list[CodeItem] = Field(description="网上办理深度")
    tongban_scopes: list[CodeItem] = Field(description="通办范围")
    material_forms: list[CodeItem] = Field(description="材料形式")
    material_sources: list[CodeItem] = Field(description="材料来源渠道")
    result_kinds: list[CodeItem] = Field(description="办理结果类型")
    version_statuses: list[CodeItem] = Field(description="事项版本状态")
