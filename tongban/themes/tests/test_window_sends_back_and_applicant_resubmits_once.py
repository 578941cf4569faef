"""The window sends the whole joint application back with items per sub-case; the applicant fixes them
in the one form and resubmits once. Later a department asks for 补正 on its sub-case; the applicant
again resubmits once from the joint case."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongban.cases.models import ActionKind, BundlePhase, Phase
from tongban.cases.services.bundles import (
    accept_bundle,
    refuse_bundle,
    request_bundle_correction,
    resubmit_bundle,
)
from tongban.cases.services.common import CaseConflict
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import pdf
from tongban.themes.services import correct_joint_application
from tongban.themes.tests.newborn_support import apply_newborn, members
from tongban.themes.tests.support import approver_for, make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def _marriage_key(bundle):
    return next(m["key"] for m in bundle.layout["materials"] if m["name"] == "父母结婚证")


def test_correction_as_one_then_accept(w):
    bundle = apply_newborn(w)
    with pytest.raises(ValidationError) as exc:
        request_bundle_correction(w.clerk, bundle, items=[{"member": "nope", "problem": "x"}],
                                  expected_revision=bundle.revision)
    assert "items.1.member" in exc.value.message_dict
    bundle = request_bundle_correction(w.clerk, bundle, expected_revision=bundle.revision, note="请一并补正", items=[
        {"member": "cert", "name": "父母结婚证", "problem": "结婚证照片页不清晰"},
        {"member": "hukou", "name": "落户地址", "problem": "落户地址应与户口簿一致"},
    ])
    assert bundle.phase == BundlePhase.CORRECTION
    assert [i["member_name"] for i in bundle.correction["items"]] == ["出生医学证明办理", "出生登记（出生户口登记）"]
    with pytest.raises(CaseConflict):  # a second clerk on a stale page
        accept_bundle(w.clerk, bundle, expected_revision=0)
    with pytest.raises(PermissionDenied):
        correct_joint_application(w.other, bundle, answers={"hukou_address": "云川市芙蓉区建设路1号"})

    errors = correct_joint_application(w.applicant, bundle, answers={"hukou_address": "云川市芙蓉区建设路1号2栋",
                                                                    "baby_weight": "九斤"},
                                       uploads={_marriage_key(bundle): pdf("结婚证-清晰.pdf")})
    assert "应为数字" in errors["answers.baby_weight"]
    m = members(bundle)
    assert m["hukou"].case.answers["hukou_address"] == "云川市芙蓉区建设路1号2栋"  # the valid part is kept
    for code in ("cert", "hukou"):  # the one new upload replaced the file of both members
        current = m[code].case.files.filter(material__name="父母结婚证", replaced_at__isnull=True)
        assert [f.original_name for f in current] == ["结婚证-清晰.pdf"]

    bundle = resubmit_bundle(w.applicant, bundle)
    assert bundle.phase == BundlePhase.SUBMITTED and bundle.correction["resolved_at"]
    bundle = accept_bundle(w.clerk, bundle, expected_revision=bundle.revision)
    assert members(bundle)["cert"].case.phase == Phase.PROCESSING


def test_a_department_correction_is_resubmitted_from_the_joint_case(w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    cert = members(bundle)["cert"].case
    act(approver_for(w, cert), cert, ActionKind.REQUEST_CORRECTION, expected_revision=cert.revision,
        items=[{"material_id": None, "name": "出生体重", "problem": "出生体重与分娩记录不一致"}])
    with pytest.raises(PermissionDenied):
        resubmit_bundle(w.other, bundle)
    errors = correct_joint_application(w.applicant, bundle, answers={"baby_weight": 3350})
    assert errors == {}
    bundle = resubmit_bundle(w.applicant, bundle)
    cert.refresh_from_db()
    assert cert.phase == Phase.PROCESSING and cert.answers["baby_weight"] == 3350
    assert "出生医学证明办理" in bundle.events.last().label


def test_refusing_closes_every_sub_case(w):
    bundle = apply_newborn(w)
    with pytest.raises(ValidationError):
        refuse_bundle(w.clerk, bundle, comment=" ", expected_revision=bundle.revision)
    bundle = refuse_bundle(w.clerk, bundle, comment="新生儿不在本区出生且不在本区落户", expected_revision=bundle.revision)
    assert bundle.phase == BundlePhase.REFUSED
    assert {m.case.phase for m in members(bundle).values()} == {Phase.WITHDRAWN}
    with pytest.raises(ValidationError):
        resubmit_bundle(w.applicant, bundle)
