"""Recording a rating (评价): any channel, one per case and handling, audited; a bad one opens the loop.

一事一评 online: the whole case is one handling ("case"), rated once it is 办结. 一次一评 at a window:
each visit is one handling, keyed by the clerk's timeline event on the case ("visit-<id>"), rated on
the hall tablet right after the service (国办发〔2019〕51号: "服务绩效由企业和群众来评判").
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tongban.cases.models import BundlePhase, Case, CaseBundle, Phase
from tongban.core.actors import as_user
from tongban.core.services import audit
from tongban.ratings.models import CASE_HANDLING, DUPLICATE_MESSAGE, Rating
from tongban.ratings.services.joint import rate_joint
from tongban.ratings.services.loop import open_review
from tongban.ratings.services.recording import RATEABLE_PHASES, clean_rating, mode_of, new_rating


@transaction.atomic
def rate(actor, case: Case, *, level, channel: str, scores: dict | None = None, comment: str = "",
         anonymous: bool = False, handling: str = CASE_HANDLING, handling_label: str = "", window=None,
         staff=None, rater_name: str | None = None, rater_phone: str | None = None) -> Rating:
    """Record one rating. `actor` is the rater (a logged-in applicant, or None through a signed
    link or the tablet) or, for channel phone, the staff member who typed it in.

    A sub-case of a joint case is not rated on its own: its whole-case rating is the joint case's
    (services/joint.py), whatever the channel it comes through (an old link, a phone call, a return
    visit). Window visits (一次一评) stay per sub-case."""
    if handling == CASE_HANDLING and case.bundle_id:
        rows = rate_joint(actor, case.bundle, level=level, channel=channel, scores=scores, comment=comment,
                          anonymous=anonymous, rater_name=rater_name, rater_phone=rater_phone)
        return next((r for r in rows if r.case_id == case.pk), rows[0])
    mode = mode_of(case, handling)
    cleaned, errors = clean_rating(actor, mode, level=level, channel=channel, scores=scores, comment=comment,
                                   rater_phone=rater_phone)
    if handling == CASE_HANDLING and case.phase not in RATEABLE_PHASES:
        errors["case"] = f"办件办结后才能评价（当前状态：{case.get_phase_display()}）。"
    if case.phase == Phase.DRAFT:
        errors["case"] = "草稿不能评价。"
    if errors:
        raise ValidationError(errors)
    if Rating.objects.filter(case=case, handling=handling).exists():
        raise ValidationError({"__all__": DUPLICATE_MESSAGE})
    rating = new_rating(actor, case, cleaned, mode=mode, channel=channel, handling=handling,
                        handling_label=handling_label or ("办件整体评价（一事一评）" if handling == CASE_HANDLING else ""),
                        anonymous=anonymous, window=window, staff=staff, rater_name=rater_name,
                        rater_phone=rater_phone)
    try:
        with transaction.atomic():  # a savepoint: the same handling rated twice at the same moment
            rating.save()
    except IntegrityError:
        raise ValidationError({"__all__": DUPLICATE_MESSAGE}) from None
    audit(actor if as_user(actor) else (rating.rater_name or "匿名评价人"), "ratings.rate", rating,
          f"{case.number} {rating.get_channel_display()}评价：{rating.get_level_display()}",
          {"level": rating.level, "channel": channel, "handling": handling, "anonymous": anonymous},
          object_id=str(rating.pk))
    if rating.is_bad:
        open_review(rating)
    return rating


def rateable_now(case: Case) -> bool:
    """Can the whole case be rated now? A sub-case only once its joint case is 办结 as a whole."""
    if case.phase not in RATEABLE_PHASES:
        return False
    if case.bundle_id:
        return CaseBundle.objects.filter(pk=case.bundle_id, phase=BundlePhase.COMPLETED).exists()
    return True
