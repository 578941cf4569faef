"""API shapes of themes and joint cases (联办件), and a joint case put in those shapes."""

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from tongban.cases import deadlines
from tongban.cases.models import BundleMemberState, CaseBundle, DeliveryMethod, DeliveryStatus
from tongban.cases.selectors import bundle_members, bundle_timeline
from tongban.core.api_errors import CodeLabel, IsoDate
from tongban.core.masking import mask_id_number, mask_phone
from tongban.themes.models import Theme


class QuestionOut(Schema):
    key: str = Field(description="问题代码（作答时作为 situation 的键）")
    kind: str = Field(description="yes_no 是/否、choice 单项选择、number 数字")
    text: str = Field(description="问题")
    help: str = Field(description="说明")
    options: list[dict[str, Any]] = Field(description="选项（单项选择）：[{value, label}]")
    min: float | None = None
    max: float | None = None
    unit: str = Field(description="单位，如 平方米")
    required: bool


class MemberOut(Schema):
    code: str = Field(description="成员代码（可选事项勾选时使用）")
    name: str = Field(description="事项名称")
    department: str = Field(description="实施部门")
    implementation_code: str = Field(description="实施编码")
    mode: CodeLabel = Field(description="always 必办、rule 按情形办理、optional 可选")
    preselected: bool = Field(description="可选事项是否默认勾选")
    promised_days: int = Field(description="该事项单独办理的承诺时限（工作日）")
    requires: list[str] = Field(description="前置事项（成员代码）")


class ThemeBrief(Schema):
    code: str
    name: str
    summary: str
    service_object: CodeLabel = Field(description="person 个人、organisation 法人")
    division: str = Field(description="提供区划")
    lead_department: str = Field(description="牵头部门")
    promised_days: int = Field(description="主题承诺办结时限（工作日）")
    members: int = Field(description="包含事项数")
    version: int = Field(description="发布版本号")
    guide_url: str = Field(description="主题办事指南页面")
    url: str = Field(description="API 地址")


class ReportOut(Schema):
    theme: str
    typical: bool = Field(description="是否按典型情形计算")
    situation: dict[str, Any] | None = Field(None, description="计算所依据的情形答案")
    members: list[dict[str, Any]] = Field(description="逐项办理：每个事项的材料、环节、时限、跑动次数、填写项")
    separately: dict[str, int] = Field(description="逐项办理合计")
    as_theme: dict[str, int] = Field(description="以一件事办理")
    reduction: dict[str, dict[str, float]] = Field(description="减少数量和百分比")
    parallel_days: int | None = Field(None, description="并联办理时最长前后置链路的承诺时限之和（工作日）")
    shared_fields: int | None = Field(None, description="多个事项共用、只需填写一次的字段数")
    labels: dict[str, str] = Field(description="指标中文名称")
    reference: dict[str, Any] = Field(description="种子材料报告的参照数字（邵阳市“我要开店”）")


class ThemeDetail(ThemeBrief):
    steps: list[str] = Field(description="以一件事办理的环节")
    visits: int = Field(description="到现场次数")
    handout_place: str = Field(description="统一出件地点")
    questions: list[QuestionOut]
    member_list: list[MemberOut]
    report: ReportOut


class SituationIn(Schema):
    situation: dict[str, Any] = Field(default_factory=dict, description="情形引导答案：问题代码 → 答案")
    optional: list[str] | None = Field(None, description="勾选办理的可选事项（成员代码）；不传则按默认勾选")
    ref: str | None = Field(None, description="申请标识（UUID）：再次评估时带上上次返回的 ref，基础库读取记在同一申请下、"
                                              "已读取的事项不再重复读取；不传则取新的标识")


class RegistrySourceOut(Schema):
    label: str = Field(description="申请表字段名称")
    resource: str = Field(description="数据资源，如 人口基础信息库")
    field: str = Field(description="资源字段，如 户籍地址")
    owner: str = Field(description="提供部门")


class EvaluationOut(Schema):
    theme: str
    situation: dict[str, Any] = Field(description="已通过校验的情形答案")
    errors: dict[str, str] = Field(description="有误或尚未作答的问题（situation.<问题代码>）")
    chosen: list[dict[str, Any]] = Field(description="需要办理的事项及原因、前置事项")
    skipped: list[dict[str, Any]] = Field(description="不需办理的事项及原因")
    form: list[dict[str, Any]] = Field(description="合并后的一张申请表（字段定义同事项申请表，共用字段只出现一次）")
    prefill: dict[str, Any] = Field(description="按登录账号预填的答案")
    registry_prefill: dict[str, Any] = Field(
        default_factory=dict, description="从基础库预填的答案（合并申请表字段代码 → 值）：登录时由各事项实施部门按其授权读取，"
                                          "每次读取都记入“谁用了我的数据”。与 prefill 同时有值时以 prefill 为先（同网页申请）")
    registry_sources: dict[str, RegistrySourceOut] = Field(
        default_factory=dict, description="基础库预填答案的来源（字段代码 → 资源、字段、提供部门），供页面说明“来自哪里”")
    ref: str | None = Field(None, description="本次申请的申请标识（UUID，未登录时为空）：基础库读取以它留痕，提交申请时带上，"
                                              "联办件即以它为标识，“谁用了我的数据”显示联办件编号")
    materials: list[dict[str, Any]] = Field(description="一套材料：key 为上传字段名 material_<key>；upload 是否需上传；"
                                                        "provided_by 由前置事项结果提供")
    report: ReportOut | None = Field(None, description="按本次情形计算的减材料减环节对比")


class ApplicationIn(Schema):
    """POST /themes/{code}/applications (JSON). As multipart/form-data: situation, answers and optional as
    JSON strings, and one file part per material named material_<材料key>."""

    situation: dict[str, Any] = Field(default_factory=dict, description="情形引导答案")
    optional: list[str] | None = Field(None, description="勾选办理的可选事项")
    answers: dict[str, Any] = Field(default_factory=dict, description="合并申请表内容：字段代码 → 值")
    channel: str = Field("web", description="申请渠道：web、mobile、kiosk")
    ref: str | None = Field(None, description="评估时返回的申请标识（UUID）：联办件以它为标识，评估时的基础库读取即归于该联办件；"
                                              "已被其他办件使用的标识返回 422")


class AnswersIn(Schema):
    answers: dict[str, Any] = Field(description="要补正的合并申请表字段：字段代码 → 值")


class RevisionIn(Schema):
    expected_revision: int = Field(ge=0, description="页面所见的联办件修订号")


class CorrectionItemIn(Schema):
    member: str = Field(description="需补正的事项（成员代码）")
    material_id: int | None = Field(None, description="需补正的材料编号（可空）")
    name: str = Field("", max_length=200, description="材料或内容名称")
    problem: str = Field(max_length=500, description="问题和补正要求")


class CorrectionIn(RevisionIn):
    items: list[CorrectionItemIn] = Field(description="按事项逐项列出（一次性告知）")
    note: str = Field("", max_length=1000, description="说明")


class RefuseIn(RevisionIn):
    comment: str = Field(max_length=1000, description="不予受理理由")


class ExtendIn(RevisionIn):
    """延长联办期限（行政许可法第四十二条第二款）：按本级人民政府负责人的批准文件录入。"""

    days: int = Field(description="延长的工作日（1至15）")
    reason: str = Field(max_length=300, description="延期理由（告知申请人）")
    approver_name: str = Field("", max_length=60, description="批准延期的本级人民政府负责人姓名")
    approver_position: str = Field("", max_length=100, description="批准人职务")
    approved_on: IsoDate | None = Field(None, description="批准日期")
    approval_document: str = Field("", max_length=100, description="批准文件文号")


class PickupIn(Schema):
    pickup_code: str = Field(max_length=8, description="取件码")


class DeliveryIn(Schema):
    method: str = Field(description="window 窗口领取、express 邮政快递送达")
    recipient: str = Field("", max_length=60)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=300)


class JointMemberOut(Schema):
    code: str
    name: str = Field(description="事项名称")
    department: str = Field(description="办理部门")
    state: CodeLabel = Field(description="pending 待联办受理、waiting 等待前置事项办结、dispatched 已分送部门、cancelled 已取消")
    case_number: str | None = Field(None, description="子办件编号（分送部门后才有）")
    phase: CodeLabel = Field(description="子办件状态")
    step: str = Field(description="当前环节")
    outcome: CodeLabel | None = Field(None, description="办理结果：准予、不予")
    deadline: dict[str, Any] = Field(description="子办件办理时限")
    waits_for: list[str] = Field(description="等待的前置事项")
    results: list[dict[str, Any]] = Field(description="办理结果（证照、批文）")
    note: str = Field(description="说明")


class JointCaseBrief(Schema):
    number: str = Field(description="联办件编号")
    title: str = Field(description="主题名称")
    phase: CodeLabel = Field(description="联办件状态")
    submitted_at: datetime | None = Field(None, description="提交时间")
    promised_due: date | None = Field(None, description="主题承诺办结日")
    url: str = Field(description="联办件的 API 地址")


class JointCasePage(Schema):
    count: int = Field(description="符合条件的联办件数")
    page: int = Field(description="当前页码（从1开始）")
    page_size: int = Field(description="每页条数")
    pages: int = Field(description="总页数")
    items: list[JointCaseBrief] = Field(description="本页联办件")


class JointCaseOut(Schema):
    number: str = Field(description="联办件编号")
    title: str = Field(description="主题名称")
    theme: str = Field(description="主题代码")
    theme_version: int = Field(description="申请所依据的主题版本")
    phase: CodeLabel = Field(description="submitted 待受理、correction 待补正、refused 不予受理、processing 办理中、completed 已办结")
    revision: int = Field(description="修订号：窗口操作须带上")
    applicant_name: str
    applicant_id_number: str = Field(description="申请人证件号码（脱敏）")
    submitted_at: datetime | None = None
    accepted_at: datetime | None = None
    completed_at: datetime | None = None
    promised_due: date | None = Field(None, description="主题承诺办结日")
    deadline: dict[str, Any] = Field(description="联办件办理时限")
    members: list[JointMemberOut] = Field(description="每个子办件的状态")
    correction: dict[str, Any] | None = Field(None, description="待补正时的一次性告知（逐事项）")
    refusal: str = Field(description="不予受理理由")
    materials: list[dict[str, Any]] = Field(description="一套材料及其对应的事项")
    delivery: dict[str, Any] = Field(description="统一出件：方式、状态、取件码（仅申请人可见）、地点、运单号")
    timeline: list[dict[str, Any]] = Field(description="联办记录；申请人只看到对其公开的记录")
    url: str


# -- putting things in these shapes ---------------------------------------------------------------

def cl(value: str, label: str) -> dict:
    return {"code": value, "label": str(label)}


def theme_brief(theme: Theme, definition: dict) -> dict:
    return {
        "code": theme.code, "name": theme.name, "summary": theme.summary,
        "service_object": cl(theme.service_object, theme.get_service_object_display()),
        "division": theme.division.name, "lead_department": theme.lead_department.name,
        "promised_days": theme.promised_days, "members": len(definition["members"]), "version": theme.version,
        "guide_url": theme.get_absolute_url(), "url": f"/api/v1/themes/{theme.code}",
    }


def _clock(obj) -> dict:
    c = deadlines.clock(obj)
    # legal_due: a joint case's 45 working days (+ an extension), 行政许可法 §42 ¶2.
    return {"state": c.state, "label": c.label, "due": c.due, "legal_due": c.legal_due, "remaining": c.remaining,
            "provisional": c.provisional}


def joint_case_out(bundle: CaseBundle, *, as_staff: bool) -> dict:
    rows = bundle_members(bundle)
    names = {r.code: r.name for r in rows}
    members = []
    for r in rows:
        case = r.case
        members.append({
            "code": r.code, "name": r.name, "department": case.department.name,
            "state": cl(r.state, BundleMemberState(r.state).label), "case_number": case.number,
            "phase": cl(case.phase, case.get_phase_display()), "step": case.state.name,
            "outcome": cl(case.outcome, case.get_outcome_display()) if case.outcome else None,
            "deadline": _clock(case), "waits_for": [names.get(c, c) for c in r.requires],
            "results": [{"name": x.name, "number": x.number, "issued_on": x.issued_on} for x in case.results.all()],
            "note": r.note,
        })
    status = DeliveryStatus(bundle.delivery_status) if bundle.delivery_status else DeliveryStatus.NONE
    return {
        "number": bundle.number, "title": bundle.title, "theme": bundle.source_code,
        "theme_version": bundle.definition.get("version", 0), "phase": cl(bundle.phase, bundle.get_phase_display()),
        "revision": bundle.revision, "applicant_name": bundle.applicant_name,
        "applicant_id_number": mask_id_number(bundle.applicant_id_number),
        "submitted_at": bundle.submitted_at, "accepted_at": bundle.accepted_at, "completed_at": bundle.completed_at,
        "promised_due": bundle.promised_due, "deadline": _clock(bundle), "members": members,
        "correction": bundle.correction or None, "refusal": bundle.decision_text,
        "materials": [{k: m[k] for k in ("key", "name", "upload", "required", "members", "provided_by")}
                      for m in bundle.layout.get("materials", [])],
        "delivery": {
            "method": cl(bundle.delivery_method, DeliveryMethod(bundle.delivery_method).label),
            "status": cl(status.value, status.label),
            "pickup_code": None if as_staff else (bundle.pickup_code or None),
            "place": bundle.handout_place, "recipient": bundle.delivery_recipient,
            "phone": mask_phone(bundle.delivery_phone), "address": bundle.delivery_address,
            "tracking_no": bundle.tracking_no or None, "delivered_at": bundle.delivered_at,
        },
        "timeline": [{"at": e.at, "actor": e.actor_label, "action": e.action, "label": e.label, "comment": e.comment}
                     for e in bundle_timeline(bundle, for_applicant=not as_staff)],
        "url": f"/api/v1/joint-cases/{bundle.number}",
    }
