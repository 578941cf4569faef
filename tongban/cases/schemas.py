"""API shapes of cases (办件): what a client sends, what it gets back, and a case put in those shapes.

Inputs that carry free-form parts (the form answers, the parameters of a workflow action) are
validated here field by field, so an error names the exact part the client sent (`params.due_on`,
`answers.applicant_id_number`) with a Chinese message.
"""

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.urls import NoReverseMatch, reverse
from ninja import Field, Schema
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ConfigDict
from pydantic import ValidationError as PydanticValidationError

from tongban.cases import deadlines, materials, notices, selectors
from tongban.cases.models import Case, Channel, DeliveryMethod, DeliveryStatus, Phase, Urge
from tongban.cases.services import delivery, processing
from tongban.catalog.selectors import materials_of
from tongban.core.api_errors import CodeLabel, IsoDate, invalid, load_json
from tongban.core.masking import mask_id_number, mask_phone
from tongban.forms.defaults import effective_form
from tongban.forms.rendering import answers_for_display
from tongban.payments.selectors import is_settled

# Channels an applicant may use through the API; 窗口 registration is the clerk's desk page.
ApiChannel = Literal["web", "mobile", "kiosk"]
API_CHANNELS = (Channel.WEB, Channel.MOBILE, Channel.KIOSK)


class MatterBrief(Schema):
    implementation_code: str = Field(description="实施编码")
    name: str = Field(description="事项名称（申请时的版本）")
    version: int = Field(description="申请所依据的事项版本号")


class CaseDepartmentBrief(Schema):
    id: int = Field(description="部门内部编号")
    name: str = Field(description="实施部门")


class DeadlineOut(Schema):
    """The case clock in working days (行政许可法 §42, §45)."""

    state: str = Field(description="normal 正常、warning 预警、overdue 超期、paused 暂停计时、none 未开始计时")
    label: str = Field(description="中文状态，如“正常”“预警”“超期”“暂停计时”“按时办结”")
    due: date | None = Field(None, description="承诺办结日（已扣除暂停、含延期）")
    legal_due: date | None = Field(None, description="法定办结日")
    remaining: int | None = Field(None, description="剩余工作日（超期为负数；暂停或已办结时为空）")


class CaseBrief(Schema):
    """One case in a list, and the answer to a submission."""

    number: str | None = Field(None, description="办件编号；草稿为空")
    uid: UUID = Field(description="草稿标识（提交前用它访问草稿）")
    phase: CodeLabel = Field(description="办件状态：draft 草稿、submitted 待受理、correction 待补正、refused 不予受理、"
                                         "withdrawn 已撤回、processing 办理中、completed 已办结")
    state: str = Field(description="当前办理环节，如 受理、审查、决定、办结")
    revision: int = Field(description="修订号：办理操作须带上所见的修订号（expected_revision），防止重复办理")
    channel: CodeLabel = Field(description="申请渠道：window 窗口、web 网站、mobile 移动端、kiosk 自助终端")
    matter: MatterBrief
    department: CaseDepartmentBrief = Field(description="实施部门")
    applicant_name: str = Field(description="申请人")
    applicant_id_number: str = Field(description="申请人证件号码（列表中脱敏）")
    submitted_at: datetime | None = Field(None, description="提交时间")
    deadline: DeadlineOut = Field(description="办理时限")
    assignee: str | None = Field(None, description="承办人（工作人员视图）")
    url: str = Field(description="本办件（或草稿）的 API 地址")


class CasePage(Schema):
    count: int = Field(description="符合条件的办件数；超过 10000 件时为 10000，count_capped 为 true（请缩小筛选范围）")
    count_capped: bool = Field(False, description="符合条件的办件多于 count，只列出前 count 件")
    page: int = Field(description="当前页码（从1开始）")
    page_size: int = Field(description="每页条数")
    pages: int = Field(description="总页数")
    items: list[CaseBrief]


class FileOut(Schema):
    id: int = Field(description="文件编号")
    material_id: int | None = Field(None, description="对应申请材料编号")
    material_name: str | None = Field(None, description="对应申请材料名称")
    kind: CodeLabel = Field(description="类别：material 申请材料、attachment 办理附件、result 办理结果")
    name: str = Field(description="原文件名")
    detected_type: str = Field(description="按文件内容识别的类型：pdf、jpeg、png、ofd")
    size: int = Field(description="大小（字节）")
    sha256: str = Field(description="SHA-256 摘要")
    uploaded_at: datetime = Field(description="上传时间")
    download_url: str | None = Field(None, description="下载地址（仅申请人和有权限的工作人员可下载；草稿为空）")


class CaseMaterialOut(Schema):
    """A material of a draft with the files uploaded for it; the guide's own list is MatterMaterialOut."""

    id: int = Field(description="材料编号（上传时作为 material_id）")
    name: str = Field(description="材料名称")
    required: bool = Field(description="是否必要")
    source: CodeLabel = Field(description="来源渠道；政府部门核发和免提交的材料无需上传")
    upload_needed: bool = Field(description="是否需要申请人上传")
    rongque_allowed: bool = Field(description="可容缺")
    files: list[FileOut] = Field(description="已上传的文件")


class CaseEventOut(Schema):
    at: datetime = Field(description="时间")
    actor: str = Field(description="操作人")
    action: str = Field(description="动作代码")
    label: str = Field(description="事件")
    state: str = Field(description="所在环节")
    comment: str = Field(description="意见")
    public: bool = Field(description="申请人是否可见（申请人只看到可见的记录）")


class NoticeOut(Schema):
    kind: str = Field(description="accept 受理通知书、correction 一次性告知书、refusal 不予受理通知书、decision 决定书")
    title: str = Field(description="文书名称")
    url: str = Field(description="PDF 地址")


class PaymentOrderOut(Schema):
    order_no: str = Field(description="缴费单号")
    status: str = Field(description="pending 待缴费、paid 已缴费、cancelled 已取消、refunded 已退款")
    status_label: str = Field(description="中文状态")
    amount_cents: int = Field(description="金额（分）")
    pay_url: str = Field(description="缴费页面地址")


class PaymentOut(Schema):
    settled: bool = Field(description="费用是否已结清（无待缴费单）")
    orders: list[PaymentOrderOut]


class DeliveryOut(Schema):
    method: CodeLabel = Field(description="送达方式：window 窗口领取、express 邮政快递送达、online 网上下载")
    status: CodeLabel = Field(description="送达状态：awaiting_payment 待缴费、ready 待领取、shipped 寄递中、delivered 已送达")
    pickup_code: str | None = Field(None, description="取件码（仅申请人可见）")
    place: str = Field(description="领取地点")
    recipient: str = Field(description="收件人")
    phone: str = Field(description="收件电话（脱敏）")
    address: str = Field(description="邮寄地址")
    tracking_no: str | None = Field(None, description="运单号")
    track_url: str | None = Field(None, description="物流查询页面地址")
    delivered_at: datetime | None = Field(None, description="送达时间")


class CorrectionItemOut(Schema):
    material_id: int | None = None
    name: str = ""
    problem: str = ""


class CorrectionOut(Schema):
    items: list[CorrectionItemOut] = Field(description="需要补正的全部事项（一次性告知）")
    note: str = Field(description="说明")
    requested_at: datetime = Field(description="告知时间")


class PendingMaterialOut(Schema):
    material_id: int
    name: str = Field(description="容缺材料")
    due_on: date = Field(description="承诺补齐日期")
    received_at: datetime | None = Field(None, description="补齐时间")


class CaseResultOut(Schema):
    """A result the case was given (证照、批文); what the matter gives in general is MatterResultOut."""

    name: str = Field(description="结果名称")
    number: str = Field(description="证照/文书编号")
    issued_on: date = Field(description="发证日期")
    valid_until: date | None = Field(None, description="有效期至")


class ActionOut(Schema):
    action: str = Field(description="动作代码（POST …/actions 的 action）")
    label: str = Field(description="按钮文字")


class UrgeOut(Schema):
    id: int
    message: str = Field(description="督办意见")
    urged_at: datetime
    answer: str = Field(description="反馈")
    answered_at: datetime | None = None


class AnswerOut(Schema):
    label: str
    value: str


class CaseDetail(CaseBrief):
    viewer: Literal["applicant", "staff"] = Field(description="按谁的视角返回：申请人或工作人员")
    applicant_kind: CodeLabel
    applicant_phone: str = Field(description="联系电话")
    answers: dict[str, Any] = Field(description="申请表内容（按字段代码）")
    answers_display: list[AnswerOut] = Field(description="申请表内容（中文标签和显示值）")
    accept_mode: CodeLabel | None = Field(None, description="受理方式：受理、容缺受理、告知承诺、即办")
    accepted_at: datetime | None = None
    outcome: CodeLabel | None = Field(None, description="办理结果：准予、不予")
    decision_text: str = Field(description="决定内容或理由")
    decided_at: datetime | None = None
    completed_at: datetime | None = None
    special_procedure: bool = Field(description="是否在特别程序中（暂停计时）")
    extension_days: int = Field(description="已延长的工作日")
    files: list[FileOut]
    timeline: list[CaseEventOut] = Field(description="办理记录；申请人只看到对其公开的记录")
    notices: list[NoticeOut] = Field(description="可下载的文书")
    correction: CorrectionOut | None = Field(None, description="待补正时的一次性告知内容")
    pending_materials: list[PendingMaterialOut] = Field(description="容缺受理待补齐的材料")
    results: list[CaseResultOut] = Field(description="办理结果（证照、批文、决定书）")
    payment: PaymentOut
    delivery: DeliveryOut
    actions: list[ActionOut] = Field(description="当前用户可执行的办理动作（工作人员）")
    urges: list[UrgeOut] = Field(description="督办记录（工作人员）")


class DraftOut(Schema):
    uid: UUID = Field(description="草稿标识")
    phase: CodeLabel
    revision: int
    channel: CodeLabel
    matter: MatterBrief
    answers: dict[str, Any] = Field(description="已保存的申请表内容（只保存通过校验的字段）")
    errors: dict[str, str] = Field(description="本次保存未通过校验的字段及中文原因（其余字段已保存）")
    form: list[dict[str, Any]] = Field(description="申请表字段定义（key、type、label、required、options、help…）")
    materials: list[CaseMaterialOut] = Field(description="申请材料及已上传文件")
    missing: list[str] = Field(description="提交前还需上传的材料名称")
    url: str = Field(description="草稿的 API 地址")
    submit_url: str = Field(description="提交草稿的 API 地址")


# -- inputs --------------------------------------------------------------------------------------

class SubmitIn(Schema):
    """POST /cases (JSON). As multipart/form-data: the same fields, `answers` as a JSON string, and
    one file part per material named `material_<材料编号>`."""

    implementation_code: str = Field(min_length=1, max_length=40, description="实施编码（见 /api/v1/matters）")
    answers: dict[str, Any] = Field(default_factory=dict, description="申请表内容，字段代码 → 值")
    channel: ApiChannel = Field("web", description="申请渠道：web 网站、mobile 移动端、kiosk 自助终端")


# Bodies of one field are parsed by the API itself: ninja would read a lone body parameter as the
# whole body, so {"answers": {...}} would arrive as an answer named "answers".

class AnswersIn(Schema):
    answers: dict[str, Any] = Field(description="申请表内容，字段代码 → 值（只需给出要修改的字段）")


class RevisionIn(Schema):
    expected_revision: int = Field(ge=0, description="页面所见的修订号")


class ReasonIn(Schema):
    reason: str = Field("", max_length=300, description="理由")


class UrgeIn(Schema):
    message: str = Field(max_length=300, description="督办意见")


class UrgeAnswerIn(Schema):
    answer: str = Field(max_length=2000, description="督办反馈")


class PickupIn(Schema):
    pickup_code: str = Field(max_length=8, description="取件码")


class CorrectionItemIn(Schema):
    material_id: int | None = Field(None, description="需补正的材料编号；申请表内容等其他问题可为空")
    name: str = Field("", max_length=200, description="材料或内容名称")
    problem: str = Field(min_length=1, max_length=500, description="问题和补正要求")


class ResultIn(Schema):
    name: str = Field(max_length=200, description="结果名称（与事项的办理结果一致）")
    number: str = Field("", max_length=80, description="证照/文书编号")
    issued_on: IsoDate | None = Field(None, description="发证日期（默认今天）")
    valid_until: IsoDate | None = Field(None, description="有效期至")


class _Params(Schema):
    model_config = ConfigDict(extra="forbid")


class NoParams(_Params):
    pass


class RongqueParams(_Params):
    materials: list[int] = Field(description="容缺的材料编号")
    due_on: IsoDate = Field(description="承诺补齐日期")


class CommitmentParams(_Params):
    commitment_text: str = Field(description="申请人签署的承诺内容")


class CorrectionParams(_Params):
    items: list[CorrectionItemIn] = Field(description="需补正的全部事项（一次性告知）")
    note: str = Field("", max_length=1000, description="说明")


class ApproveParams(_Params):
    results: list[ResultIn] = Field(default_factory=list, description="办理结果及编号")


# action → the parameters it takes (params of POST …/actions); others take none.
ACTION_PARAMS: dict[str, type[_Params]] = {
    "accept_rongque": RongqueParams,
    "accept_commitment": CommitmentParams,
    "request_correction": CorrectionParams,
    "approve": ApproveParams,
}

PARAM_LABELS = {
    "params.materials": "容缺材料", "params.due_on": "承诺补齐日期", "params.commitment_text": "承诺内容",
    "params.items": "补正事项", "params.note": "补正说明", "params.results": "办理结果",
}


# -- validating bodies ----------------------------------------------------------------------------

def pydantic_to_ninja(exc: PydanticValidationError, prefix: tuple = ()) -> NinjaValidationError:
    errors = []
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err.get("loc", ())]
        if prefix:
            loc = [f"{prefix[0]}.{loc[0]}", *loc[1:]] if loc else [prefix[0]]
        errors.append({**err, "loc": ["body", *loc], "ctx": {k: str(v) for k, v in (err.get("ctx") or {}).items()}})
    return NinjaValidationError(errors)


def validate(model, data, prefix: tuple = ()):
    unknown = [k for k in data if k not in model.model_fields]
    if unknown:
        name = prefix[0] + "." if prefix else ""
        raise invalid({f"{name}{k}": f"不支持的字段“{k}”" for k in unknown})
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        raise pydantic_to_ninja(exc, prefix) from None


def json_body(request, model):
    """A JSON object body validated against `model`, errors keyed by the client's field names."""
    try:
        data = load_json(request.body or b"{}")
    except ValueError:
        raise invalid({"body": "请求内容不是有效的 JSON"}) from None
    if not isinstance(data, dict):
        raise invalid({"body": "请求内容应为 JSON 对象"})
    return validate(model, data)


def body_doc(model) -> dict:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


# -- a case in these shapes ------------------------------------------------------------------------

def code_label(value: str, label: str) -> dict:
    return {"code": value, "label": label}


def case_url(case: Case) -> str:
    return f"/api/v1/cases/{case.number}" if case.number else f"/api/v1/cases/drafts/{case.uid}"


def brief(case: Case, *, as_staff: bool) -> dict:
    clock = deadlines.clock(case)
    return {
        "number": case.number, "uid": case.uid, "revision": case.revision,
        "phase": code_label(case.phase, case.get_phase_display()),
        "state": case.state.name,
        "channel": code_label(case.channel, case.get_channel_display()),
        "matter": {"implementation_code": case.implementation.code, "name": case.matter_version.name,
                   "version": case.matter_version.number},
        "department": {"id": case.department_id, "name": case.department.name},
        "applicant_name": case.applicant_name,
        "applicant_id_number": mask_id_number(case.applicant_id_number),
        "submitted_at": case.submitted_at,
        "deadline": {"state": clock.state, "label": clock.label, "due": clock.due, "legal_due": clock.legal_due,
                     "remaining": clock.remaining},
        "assignee": str(case.assignee) if as_staff and case.assignee_id else None,
        "url": case_url(case),
    }


def file_url(case: Case, file_id: int) -> str | None:
    if not case.number:
        return None
    try:
        return reverse("case-file", args=[case.number, file_id])
    except NoReverseMatch:
        return f"/cases/{case.number}/files/{file_id}/"


def file_out(case: Case, f) -> dict:
    return {"id": f.pk, "material_id": f.material_id, "material_name": f.material.name if f.material_id else None,
            "kind": code_label(f.kind, f.get_kind_display()), "name": f.original_name,
            "detected_type": f.detected_type, "size": f.size, "sha256": f.sha256, "uploaded_at": f.uploaded_at,
            "download_url": file_url(case, f.pk)}


def payment_out(case: Case) -> dict:
    if not case.number:
        return {"settled": True, "orders": []}
    orders = [{"order_no": o.order_no, "status": o.status, "status_label": o.get_status_display(),
               "amount_cents": o.amount_cents, "pay_url": f"/pay/{o.order_no}/"}
              for o in delivery.payment_orders(case)]
    return {"settled": is_settled(case.number), "orders": orders}


def delivery_out(case: Case, *, as_staff: bool) -> dict:
    tracking_no = selectors.tracking_number(case) if case.delivery_status else None
    status = DeliveryStatus(case.delivery_status) if case.delivery_status else DeliveryStatus.NONE
    return {
        "method": code_label(case.delivery_method, DeliveryMethod(case.delivery_method).label),
        "status": code_label(status.value, status.label),
        "pickup_code": None if as_staff else (case.pickup_code or None),
        "place": case.implementation.place,
        "recipient": case.delivery_recipient, "phone": mask_phone(case.delivery_phone),
        "address": case.delivery_address,
        "tracking_no": tracking_no, "track_url": f"/track/?no={tracking_no}" if tracking_no else None,
        "delivered_at": case.delivered_at,
    }


def detail(case: Case, user, *, as_staff: bool) -> dict:
    data = brief(case, as_staff=as_staff)
    # The full number on the detail: the applicant's own, or staff who must check it at acceptance.
    data["applicant_id_number"] = case.applicant_id_number
    spec = effective_form(case.matter_version)
    correction = None
    if case.phase == Phase.CORRECTION:
        c = selectors.open_correction(case)
        if c is not None:
            correction = {"items": c.items, "note": c.note, "requested_at": c.requested_at}
    data.update(
        viewer="staff" if as_staff else "applicant",
        applicant_kind=code_label(case.applicant_kind, case.get_applicant_kind_display()),
        applicant_phone=case.applicant_phone,
        answers=case.answers,
        answers_display=[{"label": str(label), "value": str(value)}
                         for label, value in answers_for_display(spec, case.answers)],
        accept_mode=code_label(case.accept_mode, case.get_accept_mode_display()) if case.accept_mode else None,
        accepted_at=case.accepted_at,
        outcome=code_label(case.outcome, case.get_outcome_display()) if case.outcome else None,
        decision_text=case.decision_text, decided_at=case.decided_at, completed_at=case.completed_at,
        special_procedure=processing.in_special_procedure(case), extension_days=case.extension_days,
        files=[file_out(case, f) for f in selectors.current_files(case)],
        timeline=[{"at": e.at, "actor": e.actor_label, "action": e.action, "label": e.label,
                   "state": e.state_name, "comment": e.comment, "public": e.public}
                  for e in selectors.timeline(case, for_applicant=not as_staff)],
        notices=[{"kind": kind, "title": notices.title_of(case, kind),
                  "url": reverse("case-notice-pdf", args=[case.number, kind])}
                 for kind in (notices.available(case) if case.number else [])],
        correction=correction,
        pending_materials=[{"material_id": p.material_id, "name": p.material.name, "due_on": p.due_on,
                            "received_at": p.received_at}
                           for p in selectors.pending_materials(case)],
        results=[{"name": r.name, "number": r.number, "issued_on": r.issued_on, "valid_until": r.valid_until}
                 for r in case.results.all()],
        payment=payment_out(case),
        delivery=delivery_out(case, as_staff=as_staff),
        actions=[{"action": t.action, "label": t.label} for t in processing.available_transitions(user, case)]
        if as_staff else [],
        urges=[urge_out(u) for u in selectors.urges_of(case)] if as_staff else [],
    )
    return data


def urge_out(u: Urge) -> dict:
    return {"id": u.pk, "message": u.message, "urged_at": u.urged_at, "answer": u.answer,
            "answered_at": u.answered_at}


def draft_out(case: Case, errors: dict | None = None) -> dict:
    files_by_material: dict[int | None, list] = {}
    for f in selectors.current_files(case):
        files_by_material.setdefault(f.material_id, []).append(file_out(case, f))
    checks = materials.check(case)  # 免证办: licences and registries stand for some materials
    version_materials = list(materials_of(case.matter_version))
    needed = {m.pk for m in version_materials if m.required and checks.from_applicant(m)}
    rows = [{"id": m.pk, "name": m.name, "required": m.required,
                  "source": code_label(m.source, m.get_source_display()),
                  "upload_needed": checks.from_applicant(m), "rongque_allowed": m.rongque_allowed,
                  "files": files_by_material.get(m.pk, [])}
                 for m in version_materials]
    return {
        "uid": case.uid, "phase": code_label(case.phase, case.get_phase_display()), "revision": case.revision,
        "channel": code_label(case.channel, case.get_channel_display()),
        "matter": {"implementation_code": case.implementation.code, "name": case.matter_version.name,
                   "version": case.matter_version.number},
        "answers": case.answers, "errors": errors or {}, "form": effective_form(case.matter_version),
        "materials": rows,
        "missing": [m["name"] for m in rows if m["id"] in needed and not m["files"]],
        "url": f"/api/v1/cases/drafts/{case.uid}", "submit_url": f"/api/v1/cases/drafts/{case.uid}/submit",
    }


