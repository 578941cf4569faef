"""开办餐饮店: the food licence and the fire check need the 营业执照. They wait (no number, no clock) until the
company is registered, then receive its result automatically and start; a refused registration cancels
them."""

import pytest

from tongban.cases import selectors
from tongban.cases.models import BundleMemberState, Phase
from tongban.cases.services.bundles import accept_bundle
from tongban.catalog.tests.builders import credit_code
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import apply_for_theme
from tongban.themes.tests.support import decide, fill, make_theme_world, uploads_for

pytestmark = pytest.mark.django_db

SITUATION = {"entity": "company", "has_licence": False, "area": 420}
LICENCE = credit_code("91431402MA4T9Q7Y1")


@pytest.fixture
def w():
    return make_theme_world("restaurant")


def _apply(w, situation=SITUATION):
    theme = w.themes["restaurant"]
    plan = evaluate_theme(theme, situation, None, user=w.applicant)
    answers = fill(plan["form"], applicant_type="2", company_name="云川市芙蓉区湘味轩餐饮有限公司",
                   business_items=["hot_food"])
    bundle, _ = apply_for_theme(w.applicant, theme, situation=situation, answers=answers,
                                uploads=uploads_for(plan["materials"]))
    return accept_bundle(w.clerk, bundle, expected_revision=bundle.revision)


def _members(bundle):
    return {m.code: m for m in bundle.members.select_related("case")}


def test_the_form_does_not_ask_what_the_licence_will_say(w):
    plan = evaluate_theme(w.themes["restaurant"], SITUATION, None, user=w.applicant)
    assert [m["code"] for m in plan["chosen"]] == ["company", "food", "fire"]
    assert plan["chosen"][1]["waits_for"] == ["企业设立登记"]
    keys = {f["key"] for f in plan["form"]}
    assert "operator_credit_code" not in keys and "org_credit_code" not in keys
    assert "company_name" in keys and "org_name" not in keys  # one name for the company everywhere
    licence = [m for m in plan["materials"] if m["name"] == "营业执照"]
    assert licence and all(m["provided_by"] == "company" and not m["upload"] for m in licence)
    # Already holding a licence: no registration, and the credit code is asked.
    plan = evaluate_theme(w.themes["restaurant"], {**SITUATION, "has_licence": True}, None, user=w.applicant)
    assert [m["code"] for m in plan["chosen"]] == ["food", "fire"]
    assert "operator_credit_code" in {f["key"] for f in plan["form"]}


def test_small_places_take_the_small_licence_and_no_fire_check(w):
    plan = evaluate_theme(w.themes["restaurant"], {**SITUATION, "area": 45}, None, user=w.applicant)
    assert [m["code"] for m in plan["chosen"]] == ["company", "small_food"]
    assert plan["skipped"][-1] == {"code": "fire", "name": "公众聚集场所投入使用、营业前消防安全检查",
                                   "reason": "根据您的情形无需办理"}


def test_licence_result_starts_the_waiting_members(w):
    bundle = _apply(w)
    m = _members(bundle)
    for code in ("food", "fire"):
        assert m[code].state == BundleMemberState.WAITING and m[code].case.number is None
    market = w.approvers[("431402", "market")]
    assert list(selectors.cases_for_staff(market)) == [m["company"].case]

    decide(w, m["company"].case, number=LICENCE)

    m = _members(bundle)
    food, fire = m["food"].case, m["fire"].case
    assert food.phase == fire.phase == Phase.PROCESSING
    assert food.answers["operator_credit_code"] == LICENCE and food.answers["org_credit_code"] == LICENCE
    assert food.accepted_by == w.clerk and food.promised_due is not None
    event = food.events.get(action="attach_results")
    assert event.data["results"] == [{"member": "company", "case": m["company"].case.number,
                                      "name": "营业执照（含电子营业执照）", "number": LICENCE}]
    assert set(selectors.cases_for_staff(market)) == {m["company"].case, food}
    assert list(selectors.cases_for_staff(w.approvers[("431402", "fire")])) == [fire]


def test_a_refused_registration_cancels_the_licences(w):
    bundle = _apply(w)
    decide(w, _members(bundle)["company"].case, approve=False, comment="企业名称与他人重名")
    m = _members(bundle)
    assert m["food"].state == m["fire"].state == BundleMemberState.CANCELLED
    assert "未获准予" in m["food"].note
