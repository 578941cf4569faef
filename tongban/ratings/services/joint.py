"""One rating for a joint case (联办件, "一件事一次办"): the applicant rates the whole thing once.

国办发〔2019〕51号 wants every matter and every service body rated ("每个政务服务事项均可评价，每个
政务服务机构……都接受评价") and a bad rating answered by whoever handled it (谁办理、谁负责, as local
rules put it). So the one rating is kept as one row per sub-case a department handled — same level,
scores and comment, each with its own department, matter and decider, all carrying the joint case
number — and counts once in each of those departments' statistics. A bad one opens each department's
own loop; the rater follows every answer on the one link (docs/decisions/0010 §11).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tongban.cases.models import BundlePhase, CaseBundle
from tongban.core.actors import as_user
from tongban.core.services import audit
from tongban.ratings.models import CASE_HANDLING, DUPLICATE_MESSAGE, Rating
from tongban.ratings.selectors import rateable_cases_of
from tongban.ratings.services.loop import open_review
from tongban.ratings.services.recording import clean_rating, mode_of, new_rating


def joint_label(bundle: CaseBundle) -> str:
    return f"联办件整体评价（{bundle.title}，一件事一评）"[:100]


@transaction.atomic
def rate_joint(actor, bundle: CaseBundle, *, level, channel: str, scores: dict | None = None, comment: str = "",
               anonymous: bool = False, rater_name: str | None = None, rater_phone: str | None = None
               ) -> list[Rating]:
    """Record the joint case's one rating: a row for each sub-case its departments handled."""
    bundle = CaseBundle.objects.select_for_update().get(pk=bundle.pk)  # two taps at once: one waits
    cases = list(rateable_cases_of(bundle))
    mode = mode_of(cases[0]) if cases else "online"
    cleaned, errors = clean_rating(actor, mode, level=level, channel=channel, scores=scores, comment=comment,
                                   rater_phone=rater_phone)
    if bundle.phase != BundlePhase.COMPLETED:
        errors["case"] = f"联办件全部事项办结后才能评价（当前状态：{bundle.get_phase_display()}）。"
    elif not cases:
        errors["case"] = "该联办件没有经部门办理的事项，无需评价。"
    if errors:
        raise ValidationError(errors)
    if Rating.objects.filter(case__in=cases, handling=CASE_HANDLING).exists():
        raise ValidationError({"__all__": DUPLICATE_MESSAGE})
    rows = [new_rating(actor, case, cleaned, mode=mode, channel=channel, handling=CASE_HANDLING,
                       handling_label=joint_label(bundle), anonymous=anonymous, rater_name=rater_name,
                       rater_phone=rater_phone, bundle_number=bundle.number) for case in cases]
    try:
        with transaction.atomic():
            for row in rows:
                row.save()
    except IntegrityError:
        raise ValidationError({"__all__": DUPLICATE_MESSAGE}) from None
    first = rows[0]
    audit(actor if as_user(actor) else (first.rater_name or "匿名评价人"), "ratings.rate_joint", bundle,
          f"{bundle.number} {first.get_channel_display()}评价：{first.get_level_display()}（{len(rows)} 个事项）",
          {"level": first.level, "channel": channel, "anonymous": anonymous, "ratings": [r.pk for r in rows],
           "cases": [c.number for c in cases]}, object_id=bundle.number)
    if first.is_bad:
        for row in rows:  # each department verifies and answers for its own part
            open_review(row)
    return rows
