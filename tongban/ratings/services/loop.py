"""The bad-rating loop (差评整改闭环): verify and call back, rectify / explain / appeal, feed back,
then three reviews — department, bureau (政务服务管理局), supervisor — before it closes.

国办发〔2019〕51号 (四): every bad rating is verified; a real one is rectified and answered, real-name
bad ratings are called back without exception; a rating found mistaken or malicious on appeal (申诉)
does not count. The steps, who acts at each and within how many working days, and where each action
leads are the process (ratings/process.py LOOP, on tongban.workflow); what an action does is the code
below. Every action locks the review, checks its state and the actor's
role for the responsible department, and writes a history line with who, when and from where.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department, holders
from tongban.cases.rating_links import joint_rating_path, rating_path
from tongban.notify.services import notify
from tongban.ratings.models import BadRatingReview, Outcome, Rating, ReviewEvent, ReviewStatus
from tongban.ratings.process import FORM_LABELS, FORMS, LOOP
from tongban.ratings.services.common import history
from tongban.workflow import clock, engine, selectors, services
from tongban.workflow.models import State

TEXT_MAX = 2000
RECTIFY_MAX_DAYS = 15  # local rules: 5 to 15 working days (docs/domain.md §7)


def current_version():
    """The loop version new bad ratings start on (installed on first use: tests flush tables)."""
    process = selectors.default_process("bad_rating")
    version = selectors.current_version(process.code) if process else None
    return version or selectors.current_version(LOOP.code) or services.install(LOOP)


def _lock(review: BadRatingReview) -> BadRatingReview:
    # No joins under FOR UPDATE: after waiting for another action, PostgreSQL re-checks only the locked
    # row, so a joined state read before the wait would be stale (see cases.services.common.lock).
    return BadRatingReview.objects.select_for_update().get(pk=review.pk)


def _record(review, actor, action: str, label: str, *, comment: str = "", public: bool = False,
            data: dict | None = None) -> ReviewEvent:
    return history(ReviewEvent, "review", review, actor, action, label, comment=comment, public=public,
                   audit_action=f"ratings.loop.{action}", object_id=str(review.pk),
                   step_name=review.state.name if review.state_id else "", data=data or {})


def _set_step_due(review: BadRatingReview, days: int | None = None, start=None) -> None:
    """The step's limit from `start` (today): the state's own, or `days` working days the department
    chose (整改). Kept with what it was counted from, to count again when it is provisional (§4.2)."""
    start = start or timezone.localdate()
    if days is not None:
        due, provisional = clock.due_and_provisional("working_days", days, start=start)
    else:
        due, provisional = clock.due_and_provisional(review.state.sla_unit, review.state.sla_value, start=start)
    review.step_due, review.step_due_provisional = due, provisional
    review.step_started_on, review.step_days = start, days


def refresh_provisional(review: BadRatingReview) -> bool:
    """Count a provisional step limit again (the sweep, once the calendar knows the year); True when
    it is no longer provisional. The 整改 deadline told to the rater moves with it."""
    with transaction.atomic():
        review = _lock(review)
        if not (review.is_open and review.step_due_provisional and review.step_started_on):
            return False
        rectify = review.rectify_due is not None and review.rectify_due == review.step_due
        _set_step_due(review, review.step_days, review.step_started_on)
        if review.step_due_provisional:
            return False
        if rectify:
            review.rectify_due = review.step_due
        review.save(update_fields=["step_due", "step_due_provisional", "rectify_due"])
        return True


def _go(review: BadRatingReview, action: str, actor, *, days: int | None = None) -> None:
    """Take `action` as `actor`: leave the state (late if past its limit), enter the next one with
    its own limit; the review's status follows the state (closed or voided at the end)."""
    t = engine.transition_for(review, action, refusal=f"该差评当前处于“{review.state.name}”环节，不能执行该操作。")
    if not any(can_act_for_department(actor, role, review.department) for role in t.roles):
        raise PermissionDenied(f"您没有办理“{t.label}”的权限（需要{review.department.name}的相应岗位）。")
    if clock.is_late(review.step_due):
        review.late = True
    engine.move(review, t, status_field="status")
    if review.state.is_final:
        review.step_due, review.step_due_provisional = None, False
    else:
        _set_step_due(review, days)
    review.escalated_step = ""


def _check(actor, review: BadRatingReview, form: str) -> None:
    """The review is open, one of the form's actions can be taken from its state, and the actor holds
    a role of that action for the responsible department."""
    if not review.is_open:
        raise ValidationError(f"该差评已{review.get_status_display()}，不能再办理。")
    possible = [t for t in selectors.transitions_from(review.state) if t.action in FORMS[form]]
    if not possible:
        raise ValidationError(f"该差评当前处于“{review.state.name}”环节，不能执行“{FORM_LABELS[form]}”。")
    if not any(can_act_for_department(actor, role, review.department) for t in possible for role in t.roles):
        raise PermissionDenied(f"您没有办理“{review.state.name}”的权限（需要{review.department.name}的相应岗位）。")


def roles_at(state: State) -> set[str]:
    return {role for t in selectors.transitions_from(state) for role in t.roles}


def _text(value, field: str, message: str, errors: dict, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = message
    elif len(value) > TEXT_MAX:
        errors[field] = f"内容不能超过{TEXT_MAX}字"
    return value


def _tell_staff(review: BadRatingReview, role: str, subject: str, body: str) -> None:
    number = review.rating.case.number
    for user in holders(role, department=review.department_id):
        notify(user=user, subject=subject, body=body, channels=("site",), reference=number,
               link=f"/ratings/bad/{review.pk}/")


def rating_link(rating) -> str:
    """Where the rater reads the answer: the joint case's one link for a joint case's rating."""
    return joint_rating_path(rating.bundle_number) if rating.bundle_number else rating_path(rating.case.number)


def tell_rater(review: BadRatingReview, subject: str, body: str) -> None:
    """反馈: to the rater's account and phone; an anonymous rater reads it on the rating link only."""
    rating = review.rating
    if rating.anonymous:
        return
    notify(user=rating.rater, phone=rating.rater_phone, subject=subject, body=body, channels=("site", "sms"),
           reference=rating.case.number, link=rating_link(rating))


# -- the actions ---------------------------------------------------------------------------------

@transaction.atomic
def open_review(rating: Rating) -> BadRatingReview:
    version = current_version()
    first = selectors.graph(version.pk).start
    review = BadRatingReview(rating=rating, department=rating.department, division=rating.division,
                             workflow=version, state=first, status=first.status or ReviewStatus.OPEN)
    _set_step_due(review)
    review.save()
    _record(review, rating.rater_name or "匿名评价人", "opened", f"收到差评（{rating.get_level_display()}）",
            comment=rating.comment, public=True,
            data={"level": rating.level, "channel": rating.channel, "real_name": rating.real_name})
    _tell_staff(review, Role.APPROVER, f"差评待核实：{rating.case.number}",
                f"「{rating.matter_name}」收到{rating.get_level_display()}评价，请于 {review.step_due:%m月%d日} 前核实"
                + ("并回访评价人（实名差评须100%回访）。" if rating.real_name else "。"))
    return review


@transaction.atomic
def verify(actor, review: BadRatingReview, *, verification: str, callback_note: str = "",
           callback_reached=None, callback_at=None) -> BadRatingReview:
    """核实 and 回访: the named person who verifies becomes the review's handler."""
    review = _lock(review)
    _check(actor, review, "verify")
    errors = {}
    verification = _text(verification, "verification", "请填写核实情况", errors)
    real_name = review.rating.real_name
    callback_note = _text(callback_note, "callback_note",
                          "实名差评必须回访：请填写回访记录（未接通也请记录拨打情况）", errors, required=real_name)
    if real_name and callback_reached is None:
        errors["callback_reached"] = "请选择回访是否接通"
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    review.handler, review.verification, review.verified_at = actor, verification, now
    if callback_note or callback_reached is not None:
        review.callback_note, review.callback_reached = callback_note, callback_reached
        review.callback_at = callback_at or now
    _record(review, actor, "verify", "核实并回访" if review.callback_at else "核实",
            comment=verification + (f"\n回访（{'已接通' if callback_reached else '未接通'}）：{callback_note}"
                                    if review.callback_at else ""),
            data={"callback_reached": callback_reached})
    _record(review, actor, "verify_public", "工作人员已核实您反映的情况" + ("并与您联系" if callback_reached else ""),
            public=True)
    _go(review, "verify", actor)
    review.save()
    return review


@transaction.atomic
def handle(actor, review: BadRatingReview, *, outcome: str, measures: str = "", days=None, feedback: str = "",
           appeal_reason: str = "") -> BadRatingReview:
    """整改 (with a deadline), 解释说明 (answered at once), or 申诉 to 督办."""
    review = _lock(review)
    _check(actor, review, "handle")
    errors = {}
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "请选择处理方式：整改、解释说明或申诉"})
    if outcome == Outcome.RECTIFY:
        measures = _text(measures, "measures", "请填写整改措施", errors)
        to_rectify = selectors.transition(review.state, "rectify")
        default = (to_rectify.to_state.sla_value if to_rectify else None) or 10
        try:
            days = int(days) if days not in (None, "") else default
        except (TypeError, ValueError):
            days = -1
        if not 1 <= days <= RECTIFY_MAX_DAYS:
            errors["days"] = f"整改期限应为1至{RECTIFY_MAX_DAYS}个工作日"
    elif outcome == Outcome.EXPLAIN:
        measures = _text(measures, "measures", "请填写解释说明（核实后认为服务无误的理由）", errors)
        feedback = _text(feedback, "feedback", "请填写给评价人的反馈内容", errors)
    else:
        appeal_reason = _text(appeal_reason, "appeal_reason", "请填写申诉理由（误评或恶意评价的依据）", errors)
    if errors:
        raise ValidationError(errors)
    review.outcome = outcome
    if outcome == Outcome.RECTIFY:
        review.measures = measures
        _record(review, actor, "handle", f"确定整改（{days}个工作日内）", comment=measures, data={"days": days})
        _go(review, "rectify", actor, days=days)
        review.rectify_due = review.step_due
        _record(review, actor, "handle_public", f"部门已确定整改措施，将于{review.rectify_due:%Y年%m月%d日}前整改到位",
                comment=measures, public=True)
    elif outcome == Outcome.EXPLAIN:
        review.measures = measures
        _record(review, actor, "handle", "解释说明", comment=measures)
        _feedback(review, actor, feedback)
        _go(review, "explain", actor)
    else:
        review.appeal_reason = appeal_reason
        _record(review, actor, "appeal", "提出申诉（误评或恶意评价）", comment=appeal_reason)
        _go(review, "appeal", actor)
        _tell_staff(review, Role.SUPERVISOR, f"差评申诉待裁决：{review.rating.case.number}",
                    f"{review.department.name}对「{review.rating.matter_name}」的差评提出申诉，请于"
                    f" {review.step_due:%m月%d日} 前裁决。")
    review.save()
    return review


def _feedback(review: BadRatingReview, actor, text: str) -> None:
    review.feedback, review.feedback_at = text, timezone.now()
    _record(review, actor, "feedback", "反馈评价人", comment=text, public=True)
    Rating.objects.filter(pk=review.rating_id).update(pushed_at=None)  # the province gets the answer too
    tell_rater(review, "您的评价已有处理结果", f"您对「{review.rating.matter_name}」的评价，处理结果：{text}")


@transaction.atomic
def rectified(actor, review: BadRatingReview, *, rectification: str, feedback: str) -> BadRatingReview:
    """整改完成: what was done, and the answer the rater receives."""
    review = _lock(review)
    _check(actor, review, "rectified")
    errors = {}
    rectification = _text(rectification, "rectification", "请填写整改结果", errors)
    feedback = _text(feedback, "feedback", "请填写给评价人的反馈内容", errors)
    if errors:
        raise ValidationError(errors)
    review.rectification, review.rectified_at = rectification, timezone.now()
    _record(review, actor, "rectified", "整改完成", comment=rectification)
    _feedback(review, actor, feedback)
    _go(review, "rectified", actor)
    review.save()
    return review


@transaction.atomic
def decide_appeal(actor, review: BadRatingReview, *, upheld: bool, comment: str) -> BadRatingReview:
    """督办 decides an appeal: upheld → the rating is void (kept, not counted); refused → back to
    the department, which must rectify or explain."""
    review = _lock(review)
    _check(actor, review, "decide_appeal")
    errors = {}
    comment = _text(comment, "comment", "请填写裁决意见", errors)
    if upheld is None:
        errors["upheld"] = "请选择申诉是否成立"
    if errors:
        raise ValidationError(errors)
    review.appeal_upheld = upheld
    if upheld:
        _record(review, actor, "appeal_upheld", "申诉成立：评价认定为误评或恶意评价，不计入统计", comment=comment)
        _record(review, actor, "appeal_public", "经复核，该评价认定为误评或恶意评价，不计入统计", public=True)
        _go(review, "uphold_appeal", actor)
        review.closed_at = timezone.now()
        Rating.objects.filter(pk=review.rating_id).update(invalid=True, pushed_at=None)
    else:
        _record(review, actor, "appeal_refused", "申诉不成立，退回部门整改或说明", comment=comment)
        _go(review, "refuse_appeal", actor)
    review.save()
    return review


@transaction.atomic
def review_step(actor, review: BadRatingReview, *, approve: bool, comment: str = "") -> BadRatingReview:
    """One of the three reviews. Approve: on to the next level, the last one closes the loop.
    Send back: the department handles it again (the reason is required)."""
    review = _lock(review)
    _check(actor, review, "review")
    level = review.state
    if review.handler_id and review.handler_id == getattr(actor, "pk", None) and level.code != "department_review":
        raise PermissionDenied("核实责任人不能复核自己办理的差评。")
    comment = (comment or "").strip()
    if not approve and not comment:
        raise ValidationError({"comment": "退回时请写明理由"})
    if len(comment) > TEXT_MAX:
        raise ValidationError({"comment": f"内容不能超过{TEXT_MAX}字"})
    if not approve:
        _record(review, actor, "send_back", f"{level.name}：退回重办", comment=comment)
        _go(review, "send_back", actor)
        review.save()
        return review
    _record(review, actor, "approve", f"{level.name}通过", comment=comment)
    _go(review, "approve", actor)
    if review.state.is_final:
        review.closed_at = timezone.now()
        _record(review, actor, "closed", "差评整改已办结", public=True)
        tell_rater(review, "您的差评已办结", f"您对「{review.rating.matter_name}」的评价已核实处理并复核办结，感谢您的监督。")
        Rating.objects.filter(pk=review.rating_id).update(pushed_at=None)  # push the closed loop again
    elif Role.SUPERVISOR in roles_at(review.state):
        _tell_staff(review, Role.SUPERVISOR, f"差评待复核：{review.rating.case.number}",
                    f"{review.department.name}「{review.rating.matter_name}」差评已到“{review.state.name}”环节。")
    review.save()
    return review


@transaction.atomic
def escalate(review: BadRatingReview) -> bool:
    """An overdue step: mark the review late, tell 督办 and the department once per step."""
    review = _lock(review)
    if not review.overdue or review.escalated_step == review.state.code:
        return False
    review.late, review.escalated_step = True, review.state.code
    _record(review, "系统", "escalate", f"“{review.state.name}”超期，已升级督办",
            data={"step": review.state.code, "due": review.step_due.isoformat()})
    subject = f"差评处理超期：{review.rating.case.number}"
    body = (f"{review.department.name}「{review.rating.matter_name}」差评的“{review.state.name}”环节"
            f"已超过期限 {review.step_due:%Y-%m-%d}，请督促办理。")
    _tell_staff(review, Role.SUPERVISOR, subject, body)
    if review.handler_id:
        notify(user=review.handler, subject=subject, body=body, channels=("site", "sms"),
               reference=review.rating.case.number, link=f"/ratings/bad/{review.pk}/")
    else:
        _tell_staff(review, Role.APPROVER, subject, body)
    review.save()
    return True
