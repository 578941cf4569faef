"""The cases API (/api/v1/cases): apply, follow one's own cases, and — for staff — work on them.

Thin: every write goes through the services (intake, processing, delivery), every read through the
scoped selectors. A case that is not the caller's (or outside a staff member's scope) answers 404
exactly like a missing one, so numbers cannot be probed.

Authentication is the website's login session (Cookie `sessionid`); writes also carry the value of
the `csrftoken` cookie in the `X-CSRFToken` header, as the site's own pages do (Django CSRF).
"""

import math
import re
from contextlib import contextmanager
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from ninja import Body, File, Form, Header, Path, Query, Router, Status
from ninja.decorators import decorate_view
from ninja.files import UploadedFile
from ninja.security import SessionAuth
from ninja.utils import check_csrf

from tongban.accounts.user_selectors import active_user
from tongban.cases import selectors
from tongban.cases.models import ActionKind, Case, DeliveryMethod, Phase, SpecialProcedure
from tongban.cases.schemas import (
    ACTION_PARAMS,
    PARAM_LABELS,
    ActionOut,
    AnswersIn,
    CaseBrief,
    CaseDetail,
    CasePage,
    DraftOut,
    FileOut,
    NoParams,
    PickupIn,
    ReasonIn,
    RevisionIn,
    SubmitIn,
    UrgeAnswerIn,
    UrgeIn,
    UrgeOut,
    body_doc,
    brief,
    case_url,
    detail,
    draft_out,
    file_out,
    json_body,
    urge_out,
    validate,
)
from tongban.cases.services import delivery, extensions, intake, processing, submission
from tongban.cases.services.common import CaseConflict
from tongban.catalog.models import Implementation, Material
from tongban.catalog.selectors import material_of_version, public_implementation
from tongban.core.api_errors import (
    MAX_PAGE,
    ApiError,
    IsoDate,
    errors,
    invalid,
    load_json,
    not_found,
    register_field_labels,
)
from tongban.core.paging import capped_count


class CaseSessionAuth(SessionAuth):
    """Logged-in session; unsafe methods also pass Django's CSRF check (token in X-CSRFToken)."""

    openapi_description = ("网站登录会话（Cookie sessionid）。POST/PATCH/PUT/DELETE 请求还须在请求头 X-CSRFToken "
                           "中携带 Cookie csrftoken 的值（任一 GET /api/v1/cases 请求都会设置该 Cookie）。")

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # → 401 请先登录
        if request.method not in ("GET", "HEAD", "OPTIONS") and check_csrf(request) is not None:
            raise ApiError(403, "csrf_failed", "CSRF 校验失败：请在请求头 X-CSRFToken 中携带 Cookie csrftoken 的值后重试")
        return user


router = Router(tags=["办件"], auth=CaseSessionAuth())

register_field_labels({
    "Idempotency-Key": "幂等键", "answers": "申请表内容", "channel": "申请渠道", "action": "办理动作",
    "expected_revision": "修订号", "comment": "意见", "params": "动作参数", "scope": "范围", "queue": "办件箱",
    "phase": "办件状态", "uid": "草稿标识", "material_id": "材料编号", "file": "文件", "days": "延长工作日",
    "reason": "理由", "approver_name": "批准人姓名", "approver_position": "批准人职务", "approved_on": "批准日期",
    "approval_document": "批准文件文号", "procedure": "特别程序", "message": "督办意见", "answer": "督办反馈",
    "method": "送达方式", "recipient": "收件人", "phone": "收件电话", "address": "邮寄地址",
    "pickup_code": "取件码", "assignee_id": "承办人", **PARAM_LABELS,
}, path_prefix="/api/v1/cases")

# Reads: not logged in 401, not staff 403, not the caller's 404 (like a missing one), a bad parameter 422.
R = errors(401, 403, 404, 422)
# Writes also: a body ninja cannot parse 400, CSRF 403, a stale revision or a case moved on 409.
W = errors(400, 401, 403, 404, 409, 422)
QueueName = Literal[tuple(code for code, _ in selectors.QUEUES)]  # type: ignore[valid-type]
MATERIAL_PART = re.compile(r"^material_(\d+)$")
CONFLICT_DOC = "修订号与当前不一致（他人已先办理或页面已过期）时返回 409，请重新读取办件后再操作。"


# -- errors ---------------------------------------------------------------------------------------

@contextmanager
def _service_errors(rename=lambda key: key):
    """Service errors as API errors: CaseConflict → 409; a ValidationError's fields renamed to the
    names the client sent (`answers.<key>`, `params.<key>`)."""
    try:
        yield
    except CaseConflict as exc:
        raise ApiError(409, "conflict", exc.messages[0]) from None
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        fields = {}
        for key, messages in exc.message_dict.items():
            fields.setdefault(rename(key) if key != "__all__" else "__all__", []).extend(messages)
        message = "；".join(m for ms in fields.values() for m in ms)
        raise ApiError(422, "invalid", message, fields) from None


def _answers_key(key: str) -> str:
    # Missing uploads are named like the multipart part that would carry them (material_<id>).
    return key if MATERIAL_PART.match(key) else f"answers.{key}"


# -- lookups --------------------------------------------------------------------------------------

def _case_not_found(number: str) -> ApiError:
    return not_found(f"未找到办件编号为“{number}”的办件")


def _party_case(user, number: str) -> tuple[Case, bool]:
    """The applicant's own case, else a case in the staff member's scope: (case, as_staff)."""
    case = selectors.case_for_applicant(user, number)
    if case is not None:
        return case, False
    case = selectors.case_for_staff(user, number)
    if case is None:
        raise _case_not_found(number)
    return case, True


def _staff_case(user, number: str) -> Case:
    case = selectors.case_for_staff(user, number)
    if case is None:
        raise _case_not_found(number)
    return case


def _draft(user, uid: UUID) -> Case:
    case = selectors.draft_for_applicant(user, uid)
    if case is None:
        raise not_found("未找到该草稿（不存在、已提交或不属于您）")
    return case


def _implementation(code: str, *, to_file: bool = False) -> Implementation:
    # Filing needs fewer joined rows: the published version comes from a per-process cache.
    impl = (submission.implementation_to_file(code) if to_file
            else public_implementation(code.strip()))
    if impl is None:
        raise invalid({"implementation_code": f"未找到实施编码为“{code}”的事项（不存在、未发布或已停止实施）"})
    return impl


def _material(case: Case, material_id: int | None, field="material_id") -> Material | None:
    if material_id is None:
        return None
    material = material_of_version(case.matter_version_id, material_id)
    if material is None:
        raise invalid({field: f"材料编号“{material_id}”不属于该事项"})
    return material


def _reload_detail(user, case: Case, *, as_staff: bool) -> dict:
    return detail(selectors.reread(user, case, as_staff=as_staff), user, as_staff=as_staff)


# -- applying ------------------------------------------------------------------------------------

def _submission(request) -> tuple[SubmitIn, list[tuple[int, Any]]]:
    """The body of POST /cases, as JSON or as multipart with one file part per material."""
    if request.content_type != "multipart/form-data":
        return json_body(request, SubmitIn), []
    data: Any = {k: request.POST.get(k) for k in request.POST}
    if "answers" in data:
        try:
            data["answers"] = load_json(data["answers"] or "{}")
        except ValueError:
            raise invalid({"answers": "“申请表内容”应为 JSON 对象（字段代码 → 值）"}) from None
    uploads = []
    for part in request.FILES:
        match = MATERIAL_PART.match(part)
        if match is None:
            raise invalid({part: f"文件字段“{part}”应命名为 material_<材料编号>"})
        uploads += [(int(match.group(1)), f) for f in request.FILES.getlist(part)]
    return validate(SubmitIn, data), uploads


_SUBMIT_FIELDS = SubmitIn.model_json_schema()
_SUBMIT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": _SUBMIT_FIELDS},
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["implementation_code"],
        "properties": {**_SUBMIT_FIELDS["properties"],
                       "answers": {"type": "string", "description": "申请表内容（JSON 字符串）"},
                       "material_<材料编号>": {"type": "string", "format": "binary",
                                           "description": "申请材料文件（PDF、JPG、PNG、OFD），每份材料一个字段"}},
    }},
}}}


@router.post("", response={200: CaseBrief, 201: CaseBrief, **W}, operation_id="submitCase",
             summary="提交申请（一次完成）", openapi_extra=_SUBMIT_BODY,
             description="填写申请表并（以 multipart 方式）附上材料，一次提交，返回 201 和带办件编号的办件。"
                         "带 Idempotency-Key 请求头时，同一申请人以同一幂等键重试返回 200 和同一个办件，不会重复申报。"
                         "申请表或材料有误时返回 422，fields 按字段（answers.<字段代码>、material_<材料编号>）列出中文原因。")
def submit_case(request, response: HttpResponse,
                idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80,
                                                     description="幂等键（客户端生成，如 UUID）：网络重试时带上同一个值")):
    payload, uploads = _submission(request)
    impl = _implementation(payload.implementation_code, to_file=True)
    files = []
    if uploads:
        materials = {m.pk: m for m in submission.version_intake(impl.matter.current_version_id).materials}
        for pk, f in uploads:
            if pk not in materials:
                raise invalid({f"material_{pk}": f"材料编号“{pk}”不属于该事项"})
            files.append((materials[pk], f))
    with _service_errors(_answers_key):
        case, created = submission.submit_application(request.auth, impl, payload.answers,
                                                      channel=payload.channel,
                                                      idempotency_key=idempotency_key or None, files=files)
    if not created:
        if case.implementation_id != impl.pk:
            raise invalid({"Idempotency-Key": f"该幂等键已用于另一项申请（办件 {case.number}），新的申请请使用新的幂等键"})
        case = selectors.reread(request.auth, case, as_staff=False)
    response["Location"] = case_url(case)
    return Status(201 if created else 200, brief(case, as_staff=False))


@router.post("/drafts", response={201: DraftOut, **W}, operation_id="startDraft", summary="新建申请草稿",
             description="为一个事项开始填写申请，返回草稿（含申请表字段定义、材料清单；已用账号信息预填姓名、证件号等）。")
def start_draft(request, implementation_code: str = Body(..., max_length=40, description="实施编码"),
                channel: Literal["web", "mobile", "kiosk"] = Body("web", description="申请渠道")):
    impl = _implementation(implementation_code)
    with _service_errors():
        case = intake.start_application(request.auth, impl, channel=channel)
    return Status(201, draft_out(case))


@router.get("/drafts/{uid}", response={200: DraftOut, **R}, operation_id="getDraft", summary="读取草稿")
def get_draft(request, uid: UUID = Path(..., description="草稿标识")):
    return draft_out(_draft(request.auth, uid))


@router.patch("/drafts/{uid}", response={200: DraftOut, **W}, operation_id="saveDraft", summary="保存草稿",
              openapi_extra=body_doc(AnswersIn),
              description="保存申请表内容：通过校验的字段保存，未通过的在 errors 中逐项给出中文原因（不丢失已保存的内容）。")
def save_draft(request, uid: UUID = Path(..., description="草稿标识")):
    case = _draft(request.auth, uid)
    answers = json_body(request, AnswersIn).answers
    with _service_errors(_answers_key):
        case, errors = intake.save_draft(request.auth, case, answers)
    return draft_out(case, {f"answers.{k}": v for k, v in errors.items()})


def _attach(request, case: Case, material_id: int | None, file) -> dict:
    material = _material(case, material_id)
    with _service_errors(lambda key: "material_id" if key == "material" else key):
        f = intake.attach_file(request.auth, case, material, file)
    return file_out(case, f)


@router.post("/drafts/{uid}/files", response={201: FileOut, **W}, operation_id="uploadDraftFile",
             summary="上传申请材料",
             description="multipart/form-data：material_id（材料编号）和 file。按文件内容识别格式，只接受 PDF、JPG、PNG、OFD。")
def upload_draft_file(request, uid: UUID = Path(..., description="草稿标识"),
                      material_id: int = Form(..., description="材料编号（见草稿的 materials）"),
                      file: UploadedFile = File(..., description="文件")):
    return Status(201, _attach(request, _draft(request.auth, uid), material_id, file))


@router.delete("/drafts/{uid}/files/{file_id}", response={204: None, **W}, operation_id="removeDraftFile",
               summary="删除已上传的材料")
def remove_draft_file(request, uid: UUID, file_id: int):
    case = _draft(request.auth, uid)
    f = selectors.current_file(case, file_id)
    if f is None:
        raise not_found("未找到该文件")
    with _service_errors():
        intake.remove_file(request.auth, case, f)
    return Status(204, None)


@router.delete("/drafts/{uid}", response={204: None, **W}, operation_id="discardDraft", summary="放弃草稿")
def discard_draft(request, uid: UUID):
    with _service_errors():
        intake.withdraw(request.auth, _draft(request.auth, uid))
    return Status(204, None)


@router.post("/drafts/{uid}/submit", response={200: CaseBrief, 201: CaseBrief, **W}, operation_id="submitDraft",
             summary="提交草稿",
             description="检查申请表和必要材料后提交，返回 201 和带办件编号的办件；已提交的草稿再次提交返回 200 和同一个办件。"
                         "不完整时返回 422，fields 列出每个缺项（answers.<字段代码>、material_<材料编号>）。")
def submit_draft(request, response: HttpResponse, uid: UUID = Path(..., description="草稿标识")):
    # A joint case's sub-case is submitted with its joint case only.
    case = selectors.case_by_uid_for_applicant(request.auth, uid)
    if case is None:
        raise not_found("未找到该草稿（不存在或不属于您）")
    created = case.phase == Phase.DRAFT
    if created:
        with _service_errors(_answers_key):
            case = intake.submit(request.auth, case)
    response["Location"] = case_url(case)
    return Status(201 if created else 200, brief(case, as_staff=False))


# -- reading -------------------------------------------------------------------------------------

@router.get("", response={200: CasePage, **R}, operation_id="listCases", summary="我的办件 / 办件箱")
@decorate_view(ensure_csrf_cookie)
def list_cases(request,
               scope: Literal["mine", "staff"] = Query("mine", description="mine 我的办件（申请人）；staff 工作人员办件箱"),
               queue: QueueName | None = Query(None, description="办件箱（scope=staff）：pending 待受理、correction 待补正、"
                                                                 "review 审查中、decide 待决定、warning 预警、overdue 超期、"
                                                                 "delivery 待出件、done 已办结"),
               phase: Phase | None = Query(None, description="按办件状态筛选"),
               page: int = Query(1, ge=1, le=MAX_PAGE, description="页码，从1开始"),
               page_size: int = Query(20, ge=1, le=100, description="每页条数，1–100")):
    user = request.auth
    as_staff = scope == "staff"
    if queue and not as_staff:
        raise invalid({"queue": "按办件箱筛选须同时指定 scope=staff"})
    if as_staff:
        if not selectors.is_staff_member(user):
            raise ApiError(403, "forbidden", "您不是工作人员，无权查看办件箱")
        qs = selectors.queue(user, queue) if queue else selectors.cases_for_staff(user)
    else:
        qs = selectors.cases_for_applicant(user)
    qs = selectors.filter_cases(qs, phase=phase.value if phase else None)
    count, capped = capped_count(qs)  # a count of millions would cost seconds (core/paging.py)
    start = (page - 1) * page_size
    return {"count": count, "count_capped": capped, "page": page, "page_size": page_size, "pages": math.ceil(count / page_size),
            "items": [brief(c, as_staff=as_staff) for c in qs[start:start + page_size]]}


@router.get("/{number}", response={200: CaseDetail, **R}, operation_id="getCase", summary="办件详情",
            description="申请人本人的办件，或工作人员职责范围内的办件；其他情况一律 404（与不存在相同）。"
                        "含办理记录（申请人只看到对其公开的记录）、办理时限、材料、文书、缴费和送达状态。")
@decorate_view(ensure_csrf_cookie)
def get_case(request, number: str = Path(..., description="办件编号")):
    case, as_staff = _party_case(request.auth, number)
    if as_staff:  # the detail carries the applicant's full ID and phone numbers: audited
        processing.record_staff_opening(request.auth, case, channel="api")
    return detail(case, request.auth, as_staff=as_staff)


# -- the applicant after submission ---------------------------------------------------------------

@router.patch("/{number}/answers", response={200: CaseDetail, **W}, operation_id="correctAnswers",
              summary="补正申请表内容", description="待补正时修改申请表；未通过校验的字段返回 422。",
              openapi_extra=body_doc(AnswersIn))
def correct_answers(request, number: str):
    case, as_staff = _party_case(request.auth, number)
    answers = json_body(request, AnswersIn).answers
    with _service_errors(_answers_key):
        case, errors = intake.save_draft(request.auth, case, answers)
    if errors:
        raise ApiError(422, "invalid", "；".join(errors.values()), {f"answers.{k}": [v] for k, v in errors.items()})
    return _reload_detail(request.auth, case, as_staff=as_staff)


@router.post("/{number}/files", response={201: FileOut, **W}, operation_id="uploadCaseFile",
             summary="补交材料", description="补正或容缺补齐时上传材料（申请人本人或本部门工作人员）。")
def upload_case_file(request, number: str, material_id: int = Form(..., description="材料编号"),
                     file: UploadedFile = File(..., description="文件")):
    case, _ = _party_case(request.auth, number)
    return Status(201, _attach(request, case, material_id, file))


@router.post("/{number}/resubmit", response={200: CaseDetail, **W}, operation_id="resubmitCase",
             summary="提交补正", description="按一次性告知书补正全部内容后重新提交，原办件继续办理。")
def resubmit_case(request, number: str):
    case, as_staff = _party_case(request.auth, number)
    with _service_errors(_answers_key):
        intake.resubmit(request.auth, case)
    return _reload_detail(request.auth, case, as_staff=as_staff)


@router.post("/{number}/withdraw", response={200: CaseDetail, **W}, operation_id="withdrawCase",
             summary="撤回申请", description="受理前申请人可撤回。", openapi_extra=body_doc(ReasonIn))
def withdraw_case(request, number: str):
    case, as_staff = _party_case(request.auth, number)
    reason = json_body(request, ReasonIn).reason
    with _service_errors():
        intake.withdraw(request.auth, case, reason)
    return _reload_detail(request.auth, case, as_staff=as_staff)


@router.put("/{number}/delivery", response={200: CaseDetail, **W}, operation_id="chooseDelivery",
            summary="选择送达方式", description="窗口领取、邮政快递送达（需收件人、手机号、地址）或网上下载；寄出前可更改。")
def choose_delivery(request, number: str,
                    method: DeliveryMethod = Body(..., description="window 窗口领取、express 邮政快递送达、online 网上下载"),
                    recipient: str = Body("", max_length=60, description="收件人（邮寄时必填）"),
                    phone: str = Body("", max_length=20, description="收件电话（邮寄时必填，11位手机号）"),
                    address: str = Body("", max_length=300, description="邮寄地址（邮寄时必填）")):
    case, as_staff = _party_case(request.auth, number)
    with _service_errors():
        delivery.choose_delivery(request.auth, case, method=method.value, recipient=recipient, phone=phone,
                                 address=address)
    return _reload_detail(request.auth, case, as_staff=as_staff)


# -- staff -------------------------------------------------------------------------------------

@router.post("/{number}/actions", response={200: CaseDetail, **W}, operation_id="actOnCase", summary="办理动作",
             description="执行当前环节的流程动作（可执行的动作见办件详情 actions）。params 按动作："
                         "accept_rongque {materials: [材料编号], due_on: 日期}；accept_commitment {commitment_text}；"
                         "request_correction {items: [{material_id, name, problem}], note}；"
                         "approve {results: [{name, number}]}；其他动作无参数。refuse、send_back、deny 须填写 comment。"
                         "无权限返回 403；" + CONFLICT_DOC)
def act_on_case(request, number: str,
                action: ActionKind = Body(..., description="动作代码"),
                expected_revision: int = Body(..., ge=0, description="页面所见的修订号"),
                comment: str = Body("", max_length=2000, description="意见或理由"),
                params: dict[str, Any] = Body({}, description="动作参数（见上）")):
    case = _staff_case(request.auth, number)
    model = ACTION_PARAMS.get(action.value, NoParams)
    kwargs = validate(model, params, prefix=("params",)).model_dump()
    with _service_errors(lambda key: f"params.{key}" if key in model.model_fields else key):
        case = processing.act(request.auth, case, action.value, expected_revision=expected_revision,
                              comment=comment, **kwargs)
    return _reload_detail(request.auth, case, as_staff=True)


@router.get("/{number}/actions", response={200: list[ActionOut], **R}, operation_id="listCaseActions",
            summary="可执行的办理动作")
def list_actions(request, number: str):
    case = _staff_case(request.auth, number)
    return [{"action": t.action, "label": t.label} for t in processing.available_transitions(request.auth, case)]


@router.post("/{number}/claim", response={200: CaseDetail, **W}, operation_id="claimCase", summary="领取办件",
             description="审批人员领取本部门未指派的办件。" + CONFLICT_DOC, openapi_extra=body_doc(RevisionIn))
def claim_case(request, number: str):
    case = _staff_case(request.auth, number)
    body = json_body(request, RevisionIn)
    with _service_errors():
        processing.claim(request.auth, case, expected_revision=body.expected_revision)
    return _reload_detail(request.auth, case, as_staff=True)


@router.post("/{number}/assign", response={200: CaseDetail, **W}, operation_id="assignCase", summary="指派承办人",
             description="科室负责人或督办人员把办件指派给本部门的审批人员。" + CONFLICT_DOC)
def assign_case(request, number: str, assignee_id: int = Body(..., description="承办人用户编号"),
                expected_revision: int = Body(..., ge=0)):
    case = _staff_case(request.auth, number)
    # Any active account: whether it may take the case is processing.assign's answer (422 naming why).
    assignee = active_user(assignee_id)
    if assignee is None:
        raise invalid({"assignee_id": f"用户“{assignee_id}”不存在"})
    with _service_errors(lambda key: "assignee_id" if key == "assignee" else key):
        processing.assign(request.auth, case, assignee, expected_revision=expected_revision)
    return _reload_detail(request.auth, case, as_staff=True)


@router.post("/{number}/extend", response={200: CaseDetail, **W}, operation_id="extendCase", summary="延长办理期限",
             description="经本行政机关负责人批准延长一次，不超过10个工作日（行政许可法第四十二条第一款），"
                         "须录入批准人、职务、批准日期和批准文件文号；申请人收到新的办结日期和理由。"
                         "联办件（统一、联合、集中办理）的延期在联办件上录入。" + CONFLICT_DOC)
def extend_case(request, number: str, days: int = Body(..., description="延长的工作日（1至10）"),
                reason: str = Body(..., max_length=300, description="延期理由（告知申请人）"),
                approver_name: str = Body("", max_length=60, description="批准延期的本行政机关负责人姓名"),
                approver_position: str = Body("", max_length=100, description="批准人职务"),
                approved_on: IsoDate | None = Body(None, description="批准日期"),
                approval_document: str = Body("", max_length=100, description="批准文件文号（或审批单编号）"),
                expected_revision: int = Body(..., ge=0)):
    case = _staff_case(request.auth, number)
    approval = extensions.Approval(approver_name=approver_name, approver_position=approver_position,
                                   approved_on=approved_on, document=approval_document)
    with _service_errors():
        extensions.extend_case(request.auth, case, days=days, reason=reason, approval=approval,
                               expected_revision=expected_revision)
    return _reload_detail(request.auth, case, as_staff=True)


@router.post("/{number}/special-procedure", response={200: CaseDetail, **W}, operation_id="startSpecialProcedure",
             summary="启动特别程序（暂停计时）",
             description="听证、招标、拍卖、检验检测检疫、鉴定、专家评审、现场勘验所需时间不计入办理时限"
                         "（行政许可法第四十五条）。" + CONFLICT_DOC)
def start_special_procedure(request, number: str,
                            procedure: SpecialProcedure = Body(..., description="特别程序类型"),
                            reason: str = Body(..., max_length=300, description="原因"),
                            expected_revision: int = Body(..., ge=0)):
    case = _staff_case(request.auth, number)
    with _service_errors():
        processing.start_special_procedure(request.auth, case, procedure=procedure.value, reason=reason,
                                           expected_revision=expected_revision)
    return _reload_detail(request.auth, case, as_staff=True)


@router.post("/{number}/special-procedure/end", response={200: CaseDetail, **W}, operation_id="endSpecialProcedure",
             summary="结束特别程序（恢复计时）", description=CONFLICT_DOC)
def end_special_procedure(request, number: str, comment: str = Body("", max_length=1000, description="结果说明"),
                          expected_revision: int = Body(..., ge=0)):
    case = _staff_case(request.auth, number)
    with _service_errors():
        processing.end_special_procedure(request.auth, case, comment=comment, expected_revision=expected_revision)
    return _reload_detail(request.auth, case, as_staff=True)


@router.post("/{number}/urges", response={201: UrgeOut, **W}, operation_id="urgeCase", summary="督办",
             description="督办人员对职责范围内未办结的办件督办，承办人（或部门审批人员）收到通知。",
             openapi_extra=body_doc(UrgeIn))
def urge_case(request, number: str):
    case = _staff_case(request.auth, number)
    message = json_body(request, UrgeIn).message
    with _service_errors():
        u = processing.urge(request.auth, case, message=message)
    return Status(201, urge_out(u))


@router.post("/{number}/urges/{urge_id}/answer", response={200: UrgeOut, **W}, operation_id="answerUrge",
             summary="督办反馈", openapi_extra=body_doc(UrgeAnswerIn))
def answer_urge(request, number: str, urge_id: int):
    case = _staff_case(request.auth, number)
    answer = json_body(request, UrgeAnswerIn).answer
    u = selectors.urge_of(case, urge_id)
    if u is None:
        raise not_found("未找到该督办记录")
    with _service_errors():
        u = processing.answer_urge(request.auth, u, answer=answer)
    return urge_out(u)


@router.post("/{number}/hand-over", response={200: CaseDetail, **W}, operation_id="handOverCase",
             summary="窗口出件", description="申请人出示取件码，窗口人员核对后出件。",
             openapi_extra=body_doc(PickupIn))
def hand_over(request, number: str):
    case = _staff_case(request.auth, number)
    pickup_code = json_body(request, PickupIn).pickup_code
    with _service_errors():
        delivery.hand_over(request.auth, case, pickup_code=pickup_code)
    return _reload_detail(request.auth, case, as_staff=True)


@router.post("/{number}/ship", response={200: CaseDetail, **W}, operation_id="shipCase", summary="寄出办理结果",
             description="邮寄送达的办件，缴费完成后交寄，返回运单号。")
def ship_case(request, number: str):
    case = _staff_case(request.auth, number)
    with _service_errors():
        delivery.ship(request.auth, case)
    return _reload_detail(request.auth, case, as_staff=True)
