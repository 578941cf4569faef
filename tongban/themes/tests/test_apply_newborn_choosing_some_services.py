"""A mother applies for 新生儿出生一件事, leaving out some services: one form (the parents' ID numbers asked
once), one set of materials, one joint case with a draft sub-case per chosen service."""

import pytest
from django.core.exceptions import ValidationError

from tongban.cases.models import BundleMemberState, BundlePhase, Case, Phase
from tongban.cases.selectors import bundles_for_applicant
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import apply_for_theme
from tongban.themes.tests.support import fill, make_theme_world, uploads_for

pytestmark = pytest.mark.django_db

SITUATION = {"settle_here": True, "parents_married": True}


@pytest.fixture
def w():
    return make_theme_world("newborn")


def test_the_form_asks_shared_things_once(w):
    plan = evaluate_theme(w.themes["newborn"], SITUATION, ["medical"], user=w.applicant)
    assert [m["code"] for m in plan["chosen"]] == ["cert", "hukou", "medical"]
    assert {s["code"]: s["reason"] for s in plan["skipped"]} == {"vaccine": "未选择", "sscard": "未选择"}
    keys = [f["key"] for f in plan["form"] if f["type"] != "section"]
    assert len(keys) == len(set(keys))
    # Every member asks the applicant's (a parent's) ID number; the mother's is on the certificate form.
    assert keys.count("applicant_id_number") == 1 and keys.count("mother_id_number") == 1
    assert "insured_name" not in keys and "baby_name" in keys  # alias: the insured is the baby
    assert "insured_id_number" not in keys  # filled from the 户口 registration's result
    assert "birth_certificate_no" not in keys  # filled from the certificate
    assert "insured_category" not in keys  # the theme answers “新生儿”
    assert plan["prefill"]["applicant_id_number"] == w.applicant.id_number
    marriage = [m for m in plan["materials"] if m["name"] == "父母结婚证"]
    assert len(marriage) == 1 and marriage[0]["required"] and len(marriage[0]["parts"]) == 2
    assert {m["name"] for m in plan["materials"] if m["upload"] and m["required"]} == {
        "出生医学证明首次签发登记表", "出生登记申报表", "父母结婚证"}


def test_unmarried_parents_need_no_marriage_certificate(w):
    plan = evaluate_theme(w.themes["newborn"], {**SITUATION, "parents_married": False}, [], user=w.applicant)
    assert "父母结婚证" not in {m["name"] for m in plan["materials"]}


def test_apply_creates_one_joint_case_and_draft_sub_cases(w):
    theme = w.themes["newborn"]
    plan = evaluate_theme(theme, SITUATION, ["medical"], user=w.applicant)
    bundle, created = apply_for_theme(w.applicant, theme, situation=SITUATION, optional=["medical"],
                                      answers=fill(plan["form"], baby_name="王小宝"),
                                      uploads=uploads_for(plan["materials"]))
    assert created and bundle.number.startswith("LB431402")
    assert bundle.phase == BundlePhase.SUBMITTED
    assert bundle.definition["code"] == "newborn" and bundle.definition["version"] == theme.version
    members = {m.code: m for m in bundle.members.select_related("case")}
    assert set(members) == {"cert", "hukou", "medical"}
    assert members["medical"].requires == ["hukou"] and members["medical"].state == BundleMemberState.WAITING
    for m in members.values():  # nothing reached a department before the window accepts
        assert m.case.phase == Phase.DRAFT and m.case.number is None and m.case.bundle_id == bundle.pk
    assert members["hukou"].case.answers["baby_name"] == "王小宝"
    assert members["medical"].case.answers["insured_name"] == "王小宝"
    assert members["medical"].case.answers["insured_category"] == "新生儿"
    # 父母结婚证 uploaded once, counted by both members, stored once.
    cert_file = members["cert"].case.files.get(material__name="父母结婚证")
    hukou_file = members["hukou"].case.files.get(material__name="父母结婚证")
    assert cert_file.file.name == hukou_file.file.name
    assert list(bundles_for_applicant(w.applicant)) == [bundle]
    assert list(bundles_for_applicant(w.other)) == []


def test_mistakes_are_reported_per_field_and_nothing_is_saved(w):
    theme = w.themes["newborn"]
    plan = evaluate_theme(theme, SITUATION, [], user=w.applicant)
    answers = fill(plan["form"], mother_id_number="430102199003071230", baby_weight="很重")
    with pytest.raises(ValidationError) as exc:
        apply_for_theme(w.applicant, theme, situation={"settle_here": "也许"}, optional=[], answers=answers,
                        uploads={})
    errors = exc.value.message_dict
    assert "“新生儿是否在芙蓉区落户？”请回答“是”或“否”" in errors["situation.settle_here"]
    assert errors["situation.parents_married"] == ["请回答“新生儿父母是否已登记结婚？”"]
    with pytest.raises(ValidationError) as exc:
        apply_for_theme(w.applicant, theme, situation=SITUATION, optional=[], answers=answers, uploads={})
    errors = exc.value.message_dict
    assert "校验位不正确" in errors["answers.mother_id_number"][0]
    assert "应为数字" in errors["answers.baby_weight"][0]
    assert any(k.startswith("materials.") for k in errors)
    assert not Case.objects.exists()
