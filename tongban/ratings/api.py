"""The 好差评 API (/api/v1/ratings): rate through the signed link, read the answer, statistics and
"办不成事" reports in public; the bad-rating loop for staff (session login, scoped like the pages).

Thin: writes go through the services, reads through the selectors. Errors are the platform's
{code, message, fields} with Chinese messages; a second rating of the same handling is 409.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.views.decorators.csrf import ensure_csrf_cookie
from ninja import Field, Query, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from tongban.cases.api import CaseSessionAuth
from tongban.cases.models import BundlePhase
from tongban.catalog.selectors import matter_named
from tongban.core.api_errors import ApiError, IsoDate, errors, not_found, register_field_labels
from tongban.org.selectors import site_by_id
from tongban.ratings import selectors, statistics
from tongban.ratings.models import DUPLICATE_MESSAGE, BadRatingReview, Rating, RatingChannel
from tongban.ratings.services import loop, tickets
from tongban.ratings.services.joint import rate_joint
from tongban.ratings.services.rating import rate
from tongban.ratings.services.recording import RATEABLE_PHASES

router = Router(tags=["好差评"])
staff = CaseSessionAuth()

register_field_labels({
    "level": "评价等级", "scores": "分项评价", "comment": "评价内容", "anonymous": "匿名评价", "via": "评价渠道",
    "verification": "核实情况", "callback_note": "回访记录", "callback_reached": "回访是否接通",
    "outcome": "处理方式", "measures": "整改措施/说明", "days": "整改期限", "feedback": "反馈内容",
    "appeal_reason": "申诉理由", "rectification": "整改结果", "upheld": "申诉是否成立", "approve": "复核结论",
    "matter_text": "想办的事", "description": "遇到的问题", "contact_name": "联系人", "contact_phone": "联系电话",
    "site_id": "办事地点", "place_text": "地点说明", "by": "统计维度", "start": "开始日期", "end": "结束日期",
}, path_prefix="/api/v1/ratings")
# The staff loop: session login (401), CSRF on writes and scope (403), a review out of scope is 404.
STAFF = errors(401, 403, 404, 422)
CSRF_NOTE = " 无需登录；带登录会话（Cookie sessionid）调用时须在请求头 X-CSRFToken 中携带 Cookie csrftoken 的值，否则返回 403。"


def _invalid(exc: ValidationError) -> ApiError:
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    messages = [m for ms in fields.values() for m in ms]
    if DUPLICATE_MESSAGE in messages:
        return ApiError(409, "duplicate", DUPLICATE_MESSAGE)
    return ApiError(422, "invalid", "；".join(messages), fields)


# -- schemas ---------------------------------------------------------------------------------------

class RateIn(Schema):
    level: int = Field(ge=1, le=5, description="评价等级：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意")
    scores: dict[str, int] = Field(default_factory=dict, description="分项评价：{指标代码: 等级}，见 GET /ratings/indicators")
    comment: str = Field("", max_length=500)
    anonymous: bool = False
    via: Literal["qr", "sms", "pc", "mobile"] = Field("qr", description="评价渠道：qr 二维码、sms 短信链接、pc、mobile")


class RatingEventOut(Schema):
    at: datetime = Field(description="时间")
    label: str = Field(description="事件")
    comment: str = Field(description="说明")
    actor: str | None = Field(None, description="操作人（仅工作人员可见）")
    step: str | None = Field(None, description="所在环节（仅工作人员可见）")
    ip: str | None = Field(None, description="来源IP（仅工作人员可见）")


class RatingOut(Schema):
    id: int
    case_number: str
    matter: str
    department: str
    level: int
    level_name: str
    channel: str
    handling: str
    scores: dict
    comment: str
    anonymous: bool
    rated_at: datetime
    status: str | None = Field(None, description="差评处理状态（仅差评）")
    feedback: str | None = Field(None, description="给评价人的处理结果（仅差评）")
    history: list[RatingEventOut] = Field(default_factory=list, description="差评处理记录（公开部分）")


class CaseRatingOut(Schema):
    case_number: str = Field(description="办件编号；联办件的评价链接为联办件编号")
    matter: str
    department: str = Field(description="实施部门；联办件为牵头部门")
    can_rate: bool
    rating: RatingOut | None
    covers: list[RatingOut] = Field(default_factory=list,
                                    description="联办件（一件事）：一次评价计入的各事项，每个办理部门一条，含各自的差评处理")


class ReviewOut(Schema):
    id: int
    rating: RatingOut
    department: str
    step: str | None
    step_due: date | None
    step_due_provisional: bool = Field(False, description="期限暂估：跨入尚未维护节假日的年份，按周一至周五计算，维护后更正")
    status: str
    late: bool
    handler: str | None
    rater_name: str
    rater_phone: str
    actions: list[str]
    history: list[RatingEventOut]


class ActIn(Schema):
    verification: str = ""
    callback_note: str = ""
    callback_reached: bool | None = None
    outcome: str = ""
    measures: str = ""
    days: int | None = None
    feedback: str = ""
    appeal_reason: str = ""
    rectification: str = ""
    upheld: bool | None = None
    approve: bool | None = None
    comment: str = ""


class TicketIn(Schema):
    matter_text: str
    description: str
    contact_name: str
    contact_phone: str
    site_id: int | None = None
    place_text: str = ""


class IndicatorOut(Schema):
    code: str = Field(description="指标代码（评价时作为 scores 的键）")
    name: str = Field(description="指标名称")
    overall: bool = Field(description="是否总体评价")


class StatsRowOut(Schema):
    name: str = Field(description="部门、事项或窗口名称")
    total: int = Field(description="评价数")
    good_rate: float | None = Field(None, description="好评率（0–1）；无评价为空")
    bad: int = Field(description="差评数")
    bad_closed: int = Field(description="已办结的差评数")
    bad_on_time: int = Field(description="按时整改办结的差评数")
    on_time_rate: float | None = Field(None, description="差评按时整改率（0–1）；无差评为空")
    levels: dict[str, int] = Field(description="各评价等级的数量：等级名称 → 数量")


class StatsTotalOut(Schema):
    total: int = Field(description="评价数")
    good_rate: float | None = Field(None, description="好评率（0–1）；无评价为空")
    bad: int = Field(description="差评数")
    bad_closed: int = Field(description="已办结的差评数")
    bad_on_time: int = Field(description="按时整改办结的差评数")
    on_time_rate: float | None = Field(None, description="差评按时整改率（0–1）；无差评为空")


class StatsOut(Schema):
    start: date = Field(description="统计开始日期")
    end: date = Field(description="统计结束日期")
    by: str = Field(description="统计维度：department 部门、matter 事项、window 窗口")
    rows: list[StatsRowOut] = Field(description="按维度分列，评价数多的在前")
    total: StatsTotalOut = Field(description="合计")


class TicketOut(Schema):
    number: str
    status: str
    due_on: date
    due_provisional: bool = Field(False, description="期限暂估：跨入尚未维护节假日的年份，按周一至周五计算，维护后更正")
    status_path: str


# -- outputs ---------------------------------------------------------------------------------------

def _events(events, *, for_staff: bool) -> list[dict]:
    return [{"at": e.at, "label": e.label, "comment": e.comment if (for_staff or e.action != "opened") else "",
             "actor": e.actor_label if for_staff else None, "step": e.step_name if for_staff else None,
             "ip": e.ip if for_staff else None} for e in events]


def _rating_out(r: Rating, *, for_staff: bool = False) -> dict:
    review = getattr(r, "review", None) if r.is_bad else None
    status = None
    if review is not None:
        status = (review.state.public_label or review.state.name) if review.is_open else review.get_status_display()
    history = []
    if review is not None and not for_staff:
        history = _events(selectors.public_history(review), for_staff=False)
    return {"id": r.pk, "case_number": r.case.number, "matter": r.matter_name, "department": r.department.name,
            "level": r.level, "level_name": r.get_level_display(), "channel": r.channel, "handling": r.handling,
            "scores": r.scores, "comment": r.comment, "anonymous": r.anonymous, "rated_at": r.rated_at,
            "status": status, "feedback": review.feedback if review else None, "history": history}


def _review_out(user, review: BadRatingReview) -> dict:
    return {"id": review.pk, "rating": _rating_out(review.rating, for_staff=True),
            "department": review.department.name, "step": review.state.name if review.is_open else None,
            "step_due": review.step_due, "step_due_provisional": review.step_due_provisional,
            "status": review.get_status_display(), "late": review.late,
            "handler": str(review.handler) if review.handler_id else None,
            "rater_name": review.rating.rater_name, "rater_phone": review.rating.rater_phone,
            "actions": selectors.actions_for(user, review),
            "history": _events(selectors.review_history(review), for_staff=True)}


def _joint_of(token: str):
    """The joint case a link rates: a joint case's own link, or a sub-case's (rated as a whole)."""
    bundle = selectors.bundle_from_token(token)
    if bundle is None:
        case = selectors.case_from_token(token)
        if case is not None and case.bundle_id:
            bundle = selectors.bundle_of(case)
    return bundle


def _session_csrf(request) -> None:
    """A logged-in caller's rating or report is recorded in their name, so with a session the CSRF check
    applies (403 without the csrftoken cookie's value in X-CSRFToken), as on every session POST: a page
    elsewhere cannot make a logged-in browser rate or report. Calls without a login need no token."""
    staff(request)  # CaseSessionAuth: None when nobody is logged in, raises 403 on a failed check


def _case_or_404(token: str):
    case = selectors.case_from_token(token)
    if case is None:
        raise not_found("评价链接无效")
    return case


# -- public -----------------------------------------------------------------------------------------

@router.get("/indicators", response={200: list[IndicatorOut], **errors(422)}, operation_id="ratingIndicators",
            summary="评价指标", description="网上（online）或窗口（window）评价的分项指标。")
def indicators(request, mode: Literal["online", "window"] = Query("online", description="online 网上评价、window 窗口评价")):
    return [{"code": i.code, "name": i.name, "overall": i.is_overall}
            for i in selectors.active_indicators(mode)]


@router.get("/rate/{token}", response={200: CaseRatingOut, **errors(404)}, operation_id="readCaseRating",
            summary="通过评价链接读取办件及评价（含差评处理结果）", description="评价链接无效时返回 404。")
def read_case_rating(request, token: str):
    bundle = _joint_of(token)
    if bundle is not None:
        rows, cases = list(selectors.joint_ratings(bundle)), list(selectors.rateable_cases_of(bundle))
        return {"case_number": bundle.number, "matter": bundle.title, "department": bundle.lead_department.name,
                "can_rate": not rows and bool(cases) and bundle.phase == BundlePhase.COMPLETED,
                "rating": _rating_out(rows[0]) if rows else None, "covers": [_rating_out(r) for r in rows]}
    case = _case_or_404(token)
    rating = selectors.case_rating(case)
    return {"case_number": case.number, "matter": case.matter_version.name, "department": case.department.name,
            "can_rate": rating is None and case.phase in RATEABLE_PHASES,
            "rating": _rating_out(rating) if rating else None}


@router.post("/rate/{token}", response={201: RatingOut, **errors(400, 403, 404, 409, 422)}, operation_id="rateCase",
             summary="评价办件（一事一评）",
             description="同一办件同一次办理只能评价一次，重复评价返回 409；评价链接无效返回 404；等级或分项有误返回 422。"
                         + CSRF_NOTE)
def rate_case(request, token: str, body: RateIn):
    _session_csrf(request)
    bundle = _joint_of(token)
    case = None if bundle is not None else _case_or_404(token)
    channel = {"qr": RatingChannel.QR, "sms": RatingChannel.SMS, "pc": RatingChannel.PC,
               "mobile": RatingChannel.MOBILE}[body.via]
    try:
        if bundle is not None:  # 一件事一次办: one rating for the joint case, the first row answers
            rating = rate_joint(request.user, bundle, level=body.level, channel=channel, scores=body.scores,
                                comment=body.comment, anonymous=body.anonymous)[0]
        else:
            rating = rate(request.user, case, level=body.level, channel=channel, scores=body.scores,
                          comment=body.comment, anonymous=body.anonymous)
    except ValidationError as exc:
        raise _invalid(exc) from None
    return Status(201, _rating_out(selectors.rating_by_id(rating.pk)))


@router.get("/stats", response={200: StatsOut, **errors(422)}, operation_id="ratingStats", summary="好差评统计（公示）",
            description="按部门、事项或窗口统计好评率和差评整改情况；不带日期时为本年。日期应为 YYYY-MM-DD，"
                        "结束日期早于开始日期时返回 422。")
def stats(request, by: Literal["department", "matter", "window"] = Query("department", description="统计维度"),
          start: IsoDate | None = Query(None, description="开始日期（YYYY-MM-DD），默认本年1月1日"),
          end: IsoDate | None = Query(None, description="结束日期（YYYY-MM-DD），默认本年12月31日")):
    default = statistics.this_year()
    period = statistics.Period(start or default.start, end or default.end)
    if period.end < period.start:
        raise ApiError(422, "invalid", "结束日期不能早于开始日期", {"end": ["结束日期不能早于开始日期"]})
    keep = ("name", "total", "good_rate", "bad", "bad_closed", "bad_on_time", "on_time_rate")
    levels = [label for _, label in statistics.LEVELS]
    rows = [{**{k: r[k] for k in keep}, "levels": dict(zip(levels, r["levels"], strict=True))}
            for r in statistics.rows(by, period)]
    total = statistics.totals(period)  # once: each call aggregates the whole period
    return {"start": period.start, "end": period.end, "by": by, "rows": rows,
            "total": {k: total[k] for k in keep if k != "name"}}


@router.post("/cannot-do", response={201: TicketOut, **errors(400, 403, 422)}, operation_id="reportCannotDo",
             summary="“办不成事”反映（无需登录）",
             description="内容不全、电话有误或办事地点不存在时返回 422。" + CSRF_NOTE)
def report_cannot_do(request, body: TicketIn):
    _session_csrf(request)
    site = site_by_id(body.site_id) if body.site_id else None
    if body.site_id and site is None:
        raise ApiError(422, "invalid", "办事地点不存在", {"site_id": ["办事地点不存在"]})
    try:
        ticket = tickets.report(request.user, matter_text=body.matter_text, description=body.description,
                                contact_name=body.contact_name, contact_phone=body.contact_phone, site=site,
                                place_text=body.place_text, matter=matter_named(body.matter_text))
    except ValidationError as exc:
        raise _invalid(exc) from None
    return Status(201, {"number": ticket.number, "status": ticket.get_status_display(), "due_on": ticket.due_on,
                        "due_provisional": ticket.due_provisional, "status_path": tickets.status_path(ticket)})


# -- staff: the bad-rating loop --------------------------------------------------------------------

@router.get("/bad", response={200: list[ReviewOut], **STAFF}, auth=staff, operation_id="listBadRatings",
            summary="差评整改列表（本人范围内）")
@decorate_view(ensure_csrf_cookie)
def list_bad(request, queue: Literal["verify", "handling", "appeal", "review", "overdue", "closed"] = "verify"):
    return [_review_out(request.auth, r) for r in selectors.review_queue(request.auth, queue)[:200]]


def _review(user, pk: int) -> BadRatingReview:
    review = selectors.review_for_staff(user, pk)
    if review is None:
        raise not_found("差评不存在")
    return review


@router.get("/bad/{pk}", response={200: ReviewOut, **STAFF}, auth=staff, operation_id="getBadRating",
            summary="差评详情与处理记录")
@decorate_view(ensure_csrf_cookie)
def get_bad(request, pk: int):
    return _review_out(request.auth, _review(request.auth, pk))


@router.post("/bad/{pk}/{action}", response={200: ReviewOut, **errors(400, 401, 403, 404, 422)}, auth=staff, operation_id="actOnBadRating",
             summary="差评处理动作",
             description="action：verify 核实回访、handle 确定处理方式、rectified 整改完成并反馈、"
                         "decide_appeal 申诉裁决、review 复核（approve=true 通过，false 退回）。")
def act_on_bad(request, pk: int, action: str, body: ActIn):
    user, review = request.auth, _review(request.auth, pk)
    operations = {
        "verify": lambda: loop.verify(user, review, verification=body.verification, callback_note=body.callback_note,
                                      callback_reached=body.callback_reached),
        "handle": lambda: loop.handle(user, review, outcome=body.outcome, measures=body.measures, days=body.days,
                                      feedback=body.feedback, appeal_reason=body.appeal_reason),
        "rectified": lambda: loop.rectified(user, review, rectification=body.rectification, feedback=body.feedback),
        "decide_appeal": lambda: loop.decide_appeal(user, review, upheld=body.upheld, comment=body.comment),
        "review": lambda: loop.review_step(user, review, approve=bool(body.approve), comment=body.comment),
    }
    if action not in operations:
        raise HttpError(404, f"没有“{action}”这个处理动作")
    try:
        review = operations[action]()
    except ValidationError as exc:
        raise _invalid(exc) from None
    return _review_out(user, _review(user, review.pk))
