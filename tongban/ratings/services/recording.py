"""Building one rating row: the level, scores and comment checked against the indicator set of its
mode (网上办理 "一事一评", 窗口办理 "一次一评"), who and what was rated snapshotted. Shared by rating one
case (services/rating.py) and rating a joint case once (services/joint.py)."""

import re

from django.core.exceptions import ValidationError

from tongban.cases.models import Case, CaseEvent, Channel, Phase
from tongban.core.actors import as_user
from tongban.core.actors import label as actor_label
from tongban.core.validators import is_valid_mobile
from tongban.ratings.models import (
    CASE_HANDLING,
    Indicator,
    Level,
    Mode,
    Rating,
    RatingChannel,
)

RATEABLE_PHASES = (Phase.COMPLETED, Phase.REFUSED)  # 办结: decided, or refused with a notice
COMMENT_MAX = 500
ONLINE_CHANNELS = (Channel.WEB, Channel.MOBILE)
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")


def mode_of(case: Case, handling: str = CASE_HANDLING) -> str:
    if handling != CASE_HANDLING:
        return Mode.WINDOW
    return Mode.ONLINE if case.channel in ONLINE_CHANNELS else Mode.WINDOW


def indicators(mode: str):
    return Indicator.objects.filter(mode=mode, active=True).order_by("order")


def rated_staff(case: Case):
    """Who is rated for the whole case: online the decider (the approver), at a window the clerk
    who took the application in."""
    if case.channel in ONLINE_CHANNELS:
        return case.decided_by or case.accepted_by
    return case.accepted_by or case.registered_by


def visit_handling(case: Case, clerk) -> tuple[str, str]:
    """(key, label) of the window visit the clerk just served: their last step on the case."""
    event = (CaseEvent.objects.filter(case=case, actor=clerk).exclude(action="")
             .order_by("-at", "-id").first()) if getattr(clerk, "pk", None) else None
    if event is None:
        raise ValidationError({"case": "您没有为该办件办理过窗口业务，不能发起窗口评价；请核对办件编号。"})
    return f"visit-{event.pk}", f"窗口服务：{event.label}（{event.at:%Y-%m-%d}）"[:100]


def already_rated(case: Case, handling: str = CASE_HANDLING) -> Rating | None:
    return Rating.objects.filter(case=case, handling=handling).first()


def parse_level(value, field: str = "level") -> int:
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = None
    if level not in Level.values:
        raise ValidationError({field: "请选择评价等级（非常满意、满意、基本满意、不满意或非常不满意）"})
    return level


def clean_scores(mode: str, scores: dict | None) -> dict:
    """{indicator code: level} for the optional indicators that were answered; unknown codes refused."""
    known = {i.code: i for i in indicators(mode)}
    out, errors = {}, []
    for code, value in (scores or {}).items():
        if value in (None, ""):
            continue
        ind = known.get(code)
        if ind is None:
            errors.append(f"分项评价“{code}”不是{Mode(mode).label}的评价指标")
            continue
        if ind.is_overall:
            continue  # the overall indicator is the rating's level itself
        try:
            out[code] = parse_level(value)
        except ValidationError:
            errors.append(f"分项评价“{ind.name}”的等级不正确")
    if errors:
        raise ValidationError({"scores": errors})
    return out


def clean_rating(actor, mode: str, *, level, channel: str, scores: dict | None, comment: str,
                 rater_phone: str | None) -> tuple[dict, dict]:
    """(cleaned values, errors) of what a rater gave, shared by a case's and a joint case's rating."""
    errors = {}
    if channel not in RatingChannel.values:
        errors["channel"] = "评价渠道不正确"
    try:
        level = parse_level(level)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        scores = clean_scores(mode, scores)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = f"评价内容不能超过{COMMENT_MAX}字（现有{len(comment)}字）"
    entered_by = None
    if channel == RatingChannel.PHONE:
        entered_by = as_user(actor)
        if entered_by is None:
            errors["channel"] = "电话评价须由工作人员登录后录入"
        phone = (rater_phone or "").strip()
        if phone and not (is_valid_mobile(phone) or LANDLINE.fullmatch(phone)):
            errors["rater_phone"] = "评价人电话格式不正确（手机号11位，或区号-座机号）"
    return {"level": level, "scores": scores, "comment": comment, "entered_by": entered_by}, errors


def new_rating(actor, case: Case, cleaned: dict, *, mode: str, channel: str, handling: str, handling_label: str,
               anonymous: bool, window=None, staff=None, rater_name: str | None = None,
               rater_phone: str | None = None, bundle_number: str = "") -> Rating:
    """The row for `case`, with what was rated (department, matter, staff …) copied at rating time."""
    applicant = case.applicant
    logged_in_applicant = as_user(actor) is not None and applicant is not None and actor.pk == applicant.pk
    rater = None if anonymous else (actor if logged_in_applicant else applicant)
    staff = staff if staff is not None else rated_staff(case)
    rating = Rating(
        case=case, handling=handling, mode=mode, channel=channel, level=cleaned["level"], scores=cleaned["scores"],
        comment=cleaned["comment"], handling_label=handling_label, anonymous=anonymous, rater=rater,
        rater_name="" if anonymous else (rater_name if rater_name is not None else case.applicant_name)[:200],
        rater_phone="" if anonymous else (rater_phone if rater_phone is not None else case.applicant_phone)[:20],
        entered_by=cleaned["entered_by"], department=case.department, division=case.division,
        matter=case.implementation.matter, matter_name=case.matter_version.name,
        staff=staff, staff_name=actor_label(staff) if staff is not None else "", window=window,
        bundle_number=bundle_number,
    )
    rating.full_clean(validate_constraints=False)
    return rating
