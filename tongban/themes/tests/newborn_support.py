"""A submitted 新生儿出生一件事 application (cert, hukou, medical), for the lifecycle tests."""

from tongban.cases.tests.builders import valid_id
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import apply_for_theme
from tongban.themes.tests.support import fill, uploads_for

SITUATION = {"settle_here": True, "parents_married": True}
CERT_NO = "Q430012345"
BABY_ID = valid_id("43140220260101001")


def apply_newborn(w, optional=("medical",), key=None):
    theme = w.themes["newborn"]
    plan = evaluate_theme(theme, SITUATION, list(optional), user=w.applicant)
    bundle, _ = apply_for_theme(w.applicant, theme, situation=SITUATION, optional=list(optional),
                                answers=fill(plan["form"], baby_name="王小宝"), uploads=uploads_for(plan["materials"]),
                                idempotency_key=key)
    return bundle


def members(bundle) -> dict:
    return {m.code: m for m in bundle.members.select_related("case")}
