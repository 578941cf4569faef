"""The themes API: /api/v1/themes (一件事: guide, 情形引导, one application) and /api/v1/joint-cases (联办件).

Thin: reads through themes.selectors and the cases selectors (scoped: an applicant sees only their own
joint cases, the window and supervisors those of their scope), writes through themes.services and
cases.services.bundles. A joint case outside the caller's reach answers 404 like a missing one.
"""

import math
import uuid
from contextlib import contextmanager
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpResponse
from ninja import File, Form, Header, Path, Query, Router, Status
from ninja.files import UploadedFile

from tongban.cases import selectors as case_selectors
from tongban.cases.api import CaseSessionAuth
from tongban.cases.models import CaseBundle
from tongban.cases.schemas import validate
from tongban.cases.services import bundle_progress, bundles, extensions
from tongban.cases.services.common import CaseConflict
from tongban.core.api_errors import (
    MAX_PAGE,
    ApiError,
    errors,
    invalid,
    load_json,
    not_found,
    register_field_labels,
)
from tongban.themes import selectors
from tongban.themes.definition import definition_of
from tongban.themes.schemas import (
    AnswersIn,
    ApplicationIn,
    CorrectionIn,
    DeliveryIn,
    EvaluationOut,
    ExtendIn,
    JointCaseOut,
    JointCasePage,
    PickupIn,
    RefuseIn,
    ReportOut,
    RevisionIn,
    SituationIn,
    ThemeBrief,
    ThemeDetail,
    cl,
    joint_case_out,
    theme_brief,
)
from tongban.themes.services import apply_for_theme, correct_joint_application

router = Router(tags=["一件事一次办"])
auth = CaseSessionAuth()
# Joint cases: not logged in 401, CSRF or not staff 403, not the caller's 404, a bad parameter 422;
# writes also a body ninja cannot parse 400 and a stale revision 409.
R = errors(401, 403, 404, 422)
W = errors(400, 401, 403, 404, 409, 422)
MATERIAL_PREFIX = "material_"

register_field_labels({"situation": "情形引导答案", "optional": "可选事项", "materials": "申请材料",
                       "expected_revision": "修订号", "items": "补正事项", "pickup_code": "取件码", "ref": "申请标识"})
register_field_labels({"days": "延长工作日", "reason": "延期理由", "approver_name": "批准人姓名",
                       "approver_position": "批准人职务", "approved_on": "批准日期", "approval_document": "批准文件文号"},
                      path_prefix="/api/v1/joint-cases")

# What evaluate read from the registries, per ref, kept in the caller's session as the web journey keeps
# it in its draft: {ref: {"theme": code, "read": {member code: …}}}. A few refs suffice (one per
# application under way); the oldest is dropped.
REGISTRY_READS = "themes.api.registry_reads"
KEPT_REFS = 5


@contextmanager
def _errors():
    try:
        yield
    except CaseConflict as exc:
        raise ApiError(409, "conflict", exc.messages[0]) from None
    except ValidationError as exc:
        fields = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        raise ApiError(422, "invalid", "；".join(m for ms in fields.values() for m in ms), fields) from None


def _theme(code: str):
    theme = selectors.published_theme(code)
    if theme is None:
        raise not_found(f"未找到代码为“{code}”的一件事主题（不存在或未发布）")
    return theme


def _body(request, model):
    try:
        data = load_json(request.body or b"{}")
    except ValueError:
        raise invalid({"body": "请求内容不是有效的 JSON"}) from None
    if not isinstance(data, dict):
        raise invalid({"body": "请求内容应为 JSON 对象"})
    return validate(model, data)


def _doc(model, *, required=True) -> dict:
    return {"requestBody": {"required": required, "content": {"application/json": {"schema": model.model_json_schema()}}}}


# -- themes (public) ------------------------------------------------------------------------------

@router.get("/themes", response={200: list[ThemeBrief], **errors()}, operation_id="listThemes", summary="一件事主题列表",
            description="已发布的“一件事一次办”主题。")
def list_themes(request):
    return [theme_brief(t, definition_of(t)) for t in selectors.published_themes()]


def _member_rows(definition: dict) -> list[dict]:
    labels = {"always": "必办", "rule": "按情形办理", "optional": "可选"}
    needs = {}
    for dep in definition["dependencies"]:
        needs.setdefault(dep["member"], []).append(dep["requires"])
    return [{"code": m["code"], "name": m["name"], "department": m["department"],
             "implementation_code": m["implementation_code"], "mode": cl(m["mode"], labels[m["mode"]]),
             "preselected": m["preselected"], "promised_days": m["promised_days"],
             "requires": needs.get(m["code"], [])} for m in definition["members"]]


@router.get("/themes/{code}", response={200: ThemeDetail, **errors(404)}, operation_id="getTheme", summary="一件事主题详情",
            description="主题的情形引导问题、包含的事项（含前后置关系）和按典型情形计算的减材料、减环节、减时限、减跑动对比。")
def get_theme(request, code: str = Path(..., description="主题代码")):
    theme = _theme(code)
    definition = definition_of(theme)
    return {**theme_brief(theme, definition), "steps": definition["steps"], "visits": definition["visits"],
            "handout_place": definition["handout"]["place"], "questions": definition["questions"],
            "member_list": _member_rows(definition), "report": selectors.reduction_report(definition)}


# `situation` is a JSON object in one query parameter (OpenAPI 3.1 `content`), read by the view: a ninja
# Query parameter could only be documented as a plain string.
_SITUATION_PARAM = {"parameters": [{
    "name": "situation", "in": "query", "required": False,
    "description": "情形答案（JSON 对象，问题代码 → 答案），如 {\"area\": 40}；不传或为空时按典型情形计算。"
                   "问题代码和可选答案见主题详情的 questions。",
    "content": {"application/json": {"schema": {
        "type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]}}}},
}]}


@router.get("/themes/{code}/report", response={200: ReportOut, **errors(404, 422)}, operation_id="getThemeReport",
            summary="减材料减环节对比报告", openapi_extra=_SITUATION_PARAM,
            description="逐项办理与以一件事办理的申请材料、办理环节、承诺时限、到现场次数和填写项对比，由事项目录数据计算。"
                        "可用 situation（JSON）按指定情形计算，不传则按典型情形。主题不存在返回 404；情形答案不是 JSON "
                        "对象、问题不存在或答案不在可选范围内时返回 422，fields 按 situation.<问题代码> 列出。")
def get_report(request, code: str):
    theme = _theme(code)
    definition = definition_of(theme)
    situation = request.GET.get("situation", "").strip()
    if not situation:
        return selectors.reduction_report(definition)
    from tongban.themes.selection import clean_situation

    try:
        raw = load_json(situation)
    except ValueError:
        raw = None
    if not isinstance(raw, dict):
        raise invalid({"situation": "“情形引导答案”应为 JSON 对象，如 {\"area\": 40}"})
    answers, errors_ = clean_situation(definition, raw, partial=True)
    if errors_:
        raise ApiError(422, "invalid", "；".join(errors_.values()), {f"situation.{k}": [v] for k, v in errors_.items()})
    return selectors.reduction_report(definition, answers)


def _ref(raw) -> str | None:
    """The canonical form of a UUID the client passed (logs and joint cases compare it as text)."""
    if raw in (None, ""):
        return None
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        raise invalid({"ref": "“申请标识（ref）”应为 UUID（使用评估接口返回的 ref）"}) from None


def _usable_ref(user, ref: str, idempotency_key: str | None = None) -> None:
    problem = selectors.ref_problem(user, ref, idempotency_key=idempotency_key)
    if problem:
        raise invalid({"ref": problem})


@router.post("/themes/{code}/evaluate", response={200: EvaluationOut, **errors(403, 404, 422)},
             operation_id="evaluateTheme",
             summary="情形引导：根据回答确定事项、申请表和材料", openapi_extra=_doc(SituationIn, required=False),
             description="按回答（可以只答一部分）返回需要办理的事项及原因、合并后的一张申请表（共用字段只问一次，"
                         "登录时按账号预填，并由各事项实施部门按授权从基础库预填：registry_prefill、registry_sources）、"
                         "一套材料清单和本次情形的对比报告。登录时返回申请标识 ref：基础库读取以它记入“谁用了我的数据”，"
                         "再次评估和提交申请时带上它，已读取的不再重复读取。登录会话调用须在请求头 X-CSRFToken 中携带 "
                         "Cookie csrftoken 的值（否则返回 403）。未登录不读取基础库。")
def evaluate(request, code: str):
    """The API's journey draft is the client's, so the registry reads are remembered here: what was read
    under a ref is kept in the caller's session (values included, as the journey keeps them), and a
    repeated evaluate with that ref reads only members not read yet. A ref whose reads this session does
    not hold (read in another session) is not read under again: re-reading would log the same data twice,
    and the log holds no values to rebuild the answers from; the client keeps the earlier answer or
    evaluates without a ref for a fresh one."""
    theme = _theme(code)
    body = _body(request, SituationIn)
    ref = _ref(body.ref)
    # Registry reads are logged in the person's name: a logged-in call passes the CSRF check, so a
    # page elsewhere cannot make the browser read (raises 403 like every other session POST).
    user = auth(request)
    if user is None:
        return selectors.evaluate_theme(theme, body.situation, body.optional)
    kept = request.session.get(REGISTRY_READS) or {}
    if ref is None:
        ref, read = str(uuid.uuid4()), {}
    else:
        _usable_ref(user, ref)
        entry = kept.get(ref)
        if entry is not None and entry["theme"] != theme.code:
            raise invalid({"ref": "该申请标识（ref）属于另一个一件事主题，请重新评估（不带 ref）以取得新的申请标识"})
        # The values read are kept only in the session that read them; under a ref read from another
        # session nothing is read again (the client has the earlier answer), so a read is never repeated.
        read = entry["read"] if entry is not None else (None if selectors.reads_logged_under(user, ref) else {})
    known = None if read is None else len(read)
    result = selectors.evaluate_theme(theme, body.situation, body.optional, user=user, ref=ref, read=read)
    result["ref"] = ref
    if read is not None and (ref not in kept or len(read) != known):
        kept.pop(ref, None)
        kept[ref] = {"theme": theme.code, "read": read}
        request.session[REGISTRY_READS] = dict(list(kept.items())[-KEPT_REFS:])
    return result


def _application(request) -> tuple[ApplicationIn, dict]:
    if request.content_type != "multipart/form-data":
        return _body(request, ApplicationIn), {}
    data: dict[str, Any] = {k: request.POST.get(k) for k in request.POST}
    for key in ("situation", "answers", "optional"):
        if key in data:
            try:
                data[key] = load_json(data[key] or "null")
            except ValueError:
                raise invalid({key: f"“{key}”应为 JSON"}) from None
            if data[key] is None:
                data.pop(key)
    uploads = {}
    for part in request.FILES:
        if not part.startswith(MATERIAL_PREFIX):
            raise invalid({part: f"文件字段“{part}”应命名为 material_<材料key>"})
        uploads[part[len(MATERIAL_PREFIX):]] = request.FILES[part]
    return validate(ApplicationIn, data), uploads


_APP_SCHEMA = ApplicationIn.model_json_schema()
_APP_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": _APP_SCHEMA},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "situation": {"type": "string", "description": "情形引导答案（JSON 字符串）"},
        "optional": {"type": "string", "description": "可选事项（JSON 数组字符串）"},
        "answers": {"type": "string", "description": "合并申请表内容（JSON 字符串）"},
        "ref": {"type": "string", "format": "uuid", "description": "评估时返回的申请标识（可选）"},
        "material_<材料key>": {"type": "string", "format": "binary", "description": "每份材料一个文件字段（只上传一次）"},
    }}},
}}}


def _key_errors(exc: ApiError) -> ApiError:
    # Uploads are named like the multipart part that carries them.
    fields = {(f"material_{k[10:]}" if k.startswith("materials.") else k): v for k, v in exc.fields.items()}
    return ApiError(exc.status, exc.code, exc.message, fields)


@router.post("/themes/{code}/applications", auth=auth, response={200: JointCaseOut, 201: JointCaseOut, **W},
             operation_id="applyForTheme", summary="提交一件事联办申请", openapi_extra=_APP_BODY,
             description="一次提交情形答案、一张合并申请表和一套材料，生成一个联办件（及每个事项的子办件），返回 201。"
                         "带 Idempotency-Key 时以同一幂等键重试返回 200 和同一个联办件。有误时返回 422，fields 按 "
                         "situation.<问题代码>、answers.<字段代码>、material_<材料key> 列出全部中文原因，什么也不保存。"
                         "带上评估返回的 ref 时联办件以它为标识，评估时的基础库读取即归于该联办件；ref 已被其他办件"
                         "使用时返回 422。")
def apply(request, response: HttpResponse, code: str,
          idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80,
                                               description="幂等键（客户端生成，如 UUID）")):
    theme = _theme(code)
    body, uploads = _application(request)
    if body.channel not in ("web", "mobile", "kiosk"):
        raise invalid({"channel": "申请渠道应为 web、mobile 或 kiosk"})
    ref = _ref(body.ref)
    if ref is not None:
        _usable_ref(request.auth, ref, idempotency_key or None)
    try:
        with _errors():
            bundle, created = apply_for_theme(request.auth, theme, situation=body.situation, optional=body.optional,
                                              answers=body.answers, uploads=uploads, channel=body.channel,
                                              idempotency_key=idempotency_key or None, ref=ref)
    except ApiError as exc:
        raise _key_errors(exc) from None
    except IntegrityError:
        # Two applications raced for the same ref: the unique uid let one through.
        if ref is None or not case_selectors.bundle_uid_taken(ref):
            raise
        _usable_ref(request.auth, ref, idempotency_key or None)
        raise
    if created and ref is not None:
        kept = request.session.get(REGISTRY_READS) or {}
        if kept.pop(ref, None) is not None:
            request.session[REGISTRY_READS] = kept
    if not created and bundle.source_code != theme.code:
        raise invalid({"Idempotency-Key": f"该幂等键已用于另一项申请（联办件 {bundle.number}），新的申请请使用新的幂等键"})
    response["Location"] = f"/api/v1/joint-cases/{bundle.number}"
    return Status(201 if created else 200, joint_case_out(bundle, as_staff=False))


# -- joint cases ------------------------------------------------------------------------------------

def _party(user, number: str) -> tuple[CaseBundle, bool]:
    bundle = case_selectors.bundle_for_applicant(user, number)
    if bundle is not None:
        return bundle, False
    bundle = case_selectors.bundle_for_staff(user, number)
    if bundle is None:
        raise not_found(f"未找到编号为“{number}”的联办件")
    return bundle, True


def _staff(user, number: str) -> CaseBundle:
    bundle = case_selectors.bundle_for_staff(user, number)
    if bundle is None:
        raise not_found(f"未找到编号为“{number}”的联办件")
    return bundle


def _mine(user, number: str) -> CaseBundle:
    bundle = case_selectors.bundle_for_applicant(user, number)
    if bundle is None:
        raise not_found(f"未找到编号为“{number}”的联办件")
    return bundle


def _out(user, bundle: CaseBundle, as_staff: bool) -> dict:
    return joint_case_out(case_selectors.reread_bundle(user, bundle, as_staff=as_staff), as_staff=as_staff)


@router.get("/joint-cases", auth=auth, response={200: JointCasePage, **R}, operation_id="listJointCases",
            summary="我的联办件 / 窗口联办件箱",
            description="scope=mine：申请人本人的联办件；scope=staff：综合窗口和督办人员职责范围内的联办件，可按 "
                        "queue（pending 待受理、correction 待补正、processing 办理中、delivery 待出件、done 已办结）筛选。")
def list_joint_cases(request, scope: Literal["mine", "staff"] = Query("mine", description="mine 或 staff"),
                     queue: Literal["pending", "correction", "processing", "delivery", "done"] | None = Query(
                         None, description="窗口联办件箱（scope=staff）"),
                     page: int = Query(1, ge=1, le=MAX_PAGE, description="页码，从1开始"),
                     page_size: int = Query(20, ge=1, le=100, description="每页条数，1–100")):
    if scope == "staff":
        qs = case_selectors.bundle_queue(request.auth, queue) if queue else case_selectors.bundles_for_staff(request.auth)
    else:
        qs = case_selectors.bundles_for_applicant(request.auth)
    count = qs.count()
    start = (page - 1) * page_size
    items = [{"number": b.number, "title": b.title, "phase": cl(b.phase, b.get_phase_display()),
              "submitted_at": b.submitted_at, "promised_due": b.promised_due,
              "url": f"/api/v1/joint-cases/{b.number}"} for b in qs[start:start + page_size]]
    return {"count": count, "page": page, "page_size": page_size, "pages": math.ceil(count / page_size),
            "items": items}


@router.get("/joint-cases/{number}", auth=auth, response={200: JointCaseOut, **R}, operation_id="getJointCase",
            summary="联办件详情", description="申请人本人的联办件，或综合窗口职责范围内的联办件，含每个子办件的状态；"
                                            "其他情况一律 404。")
def get_joint_case(request, number: str):
    bundle, as_staff = _party(request.auth, number)
    return joint_case_out(bundle, as_staff=as_staff)


@router.patch("/joint-cases/{number}/answers", auth=auth, response={200: JointCaseOut, **W},
              operation_id="correctJointAnswers", summary="补正合并申请表", openapi_extra=_doc(AnswersIn),
              description="待补正时按合并申请表的字段代码修改，同时写入使用该字段的每个事项；有误的字段返回 422（其余已保存）。")
def correct_answers(request, number: str):
    bundle = _mine(request.auth, number)
    answers = _body(request, AnswersIn).answers
    with _errors():
        errors = correct_joint_application(request.auth, bundle, answers=answers)
    if errors:
        raise ApiError(422, "invalid", "；".join(errors.values()), {k: [v] for k, v in errors.items()})
    return _out(request.auth, bundle, False)


@router.post("/joint-cases/{number}/files", auth=auth, response={200: JointCaseOut, **W},
             operation_id="replaceJointMaterial", summary="补交材料（一次上传，用于各事项）")
def replace_file(request, number: str, material_key: str = Form(..., description="材料key（见 materials）"),
                 file: UploadedFile = File(..., description="文件")):
    bundle = _mine(request.auth, number)
    with _errors():
        correct_joint_application(request.auth, bundle, uploads={material_key: file})
    return _out(request.auth, bundle, False)


@router.post("/joint-cases/{number}/resubmit", auth=auth, response={200: JointCaseOut, **W},
             operation_id="resubmitJointCase", summary="提交补正（一次提交）")
def resubmit(request, number: str):
    bundle = _mine(request.auth, number)
    with _errors():
        bundles.resubmit_bundle(request.auth, bundle)
    return _out(request.auth, bundle, False)


@router.put("/joint-cases/{number}/delivery", auth=auth, response={200: JointCaseOut, **W},
            operation_id="chooseJointDelivery", summary="选择统一出件方式", openapi_extra=_doc(DeliveryIn))
def choose_delivery(request, number: str):
    bundle, as_staff = _party(request.auth, number)
    body = _body(request, DeliveryIn)
    with _errors():
        bundle_progress.choose_bundle_delivery(request.auth, bundle, method=body.method, recipient=body.recipient,
                                       phone=body.phone, address=body.address)
    return _out(request.auth, bundle, as_staff)


@router.post("/joint-cases/{number}/accept", auth=auth, response={200: JointCaseOut, **W},
             operation_id="acceptJointCase", summary="综合窗口受理联办件（一次受理）", openapi_extra=_doc(RevisionIn),
             description="受理全部事项：无前置事项的子办件编号并分送各部门、开始计时；有前置事项的待前置办结后自动分送。"
                         "修订号不一致返回 409。")
def accept(request, number: str):
    bundle = _staff(request.auth, number)
    body = _body(request, RevisionIn)
    with _errors():
        bundles.accept_bundle(request.auth, bundle, expected_revision=body.expected_revision)
    return _out(request.auth, bundle, True)


@router.post("/joint-cases/{number}/correction", auth=auth, response={200: JointCaseOut, **W},
             operation_id="requestJointCorrection", summary="一次性告知补正（逐事项）", openapi_extra=_doc(CorrectionIn))
def request_correction(request, number: str):
    bundle = _staff(request.auth, number)
    body = _body(request, CorrectionIn)
    with _errors():
        bundles.request_bundle_correction(request.auth, bundle, items=[i.model_dump() for i in body.items],
                                          note=body.note, expected_revision=body.expected_revision)
    return _out(request.auth, bundle, True)


@router.post("/joint-cases/{number}/refuse", auth=auth, response={200: JointCaseOut, **W},
             operation_id="refuseJointCase", summary="不予受理联办件", openapi_extra=_doc(RefuseIn))
def refuse(request, number: str):
    bundle = _staff(request.auth, number)
    body = _body(request, RefuseIn)
    with _errors():
        bundles.refuse_bundle(request.auth, bundle, comment=body.comment, expected_revision=body.expected_revision)
    return _out(request.auth, bundle, True)


@router.post("/joint-cases/{number}/extend", auth=auth, response={200: JointCaseOut, **W},
             operation_id="extendJointCase", summary="延长联办期限（统一、联合、集中办理）", openapi_extra=_doc(ExtendIn),
             description="统一、联合、集中办理的时限为45个工作日，经本级人民政府负责人批准可延长一次、不超过15个工作日"
                         "（行政许可法第四十二条第二款）。由职责范围覆盖牵头部门的督办人员录入批准人、职务、批准日期和文号；"
                         "申请人收到新的办结日期和理由。修订号不一致返回 409。")
def extend(request, number: str):
    bundle = _staff(request.auth, number)
    body = _body(request, ExtendIn)
    approval = extensions.Approval(approver_name=body.approver_name, approver_position=body.approver_position,
                                   approved_on=body.approved_on, document=body.approval_document)
    with _errors():
        extensions.extend_bundle(request.auth, bundle, days=body.days, reason=body.reason, approval=approval,
                                 expected_revision=body.expected_revision)
    return _out(request.auth, bundle, True)


@router.post("/joint-cases/{number}/hand-over", auth=auth, response={200: JointCaseOut, **W},
             operation_id="handOverJointCase", summary="统一出件（凭一个取件码领取全部结果）", openapi_extra=_doc(PickupIn))
def hand_over(request, number: str):
    bundle = _staff(request.auth, number)
    body = _body(request, PickupIn)
    with _errors():
        bundle_progress.hand_over_bundle(request.auth, bundle, pickup_code=body.pickup_code)
    return _out(request.auth, bundle, True)
