"""Departments decide their sub-cases; each prerequisite's result flows into the waiting member; when
all are decided the applicant sees one completed joint case and collects every result with one code."""

import pytest
from django.core.exceptions import ValidationError

from tongban.cases.models import BundleMemberState, BundlePhase, DeliveryStatus, Phase
from tongban.cases.selectors import bundle_members, bundle_timeline
from tongban.cases.services import delivery
from tongban.cases.services.bundle_progress import hand_over_bundle
from tongban.cases.services.bundles import accept_bundle
from tongban.notify.models import Notification
from tongban.themes.tests.newborn_support import BABY_ID, CERT_NO, apply_newborn, members
from tongban.themes.tests.support import decide, make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def test_results_flow_down_and_everything_is_handed_out_together(w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    m = members(bundle)

    decide(w, m["cert"].case, number=CERT_NO)
    m = members(bundle)
    hukou = m["hukou"].case
    assert m["hukou"].state == BundleMemberState.DISPATCHED and hukou.phase == Phase.PROCESSING
    assert hukou.answers["birth_certificate_no"] == CERT_NO  # filled from the certificate
    attached = hukou.events.get(action="attach_results")
    assert CERT_NO in attached.comment and attached.public
    assert m["medical"].state == BundleMemberState.WAITING
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.PROCESSING

    decide(w, hukou, number=BABY_ID)
    medical = members(bundle)["medical"].case
    assert medical.phase == Phase.PROCESSING and medical.answers["insured_id_number"] == BABY_ID

    decide(w, medical, number="")
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.COMPLETED
    assert bundle.delivery_status == DeliveryStatus.READY and len(bundle.pickup_code) == 6
    rows = bundle_members(bundle)
    assert all(r.case.phase == Phase.COMPLETED and r.case.outcome == "approved" for r in rows)
    assert all(r.case.pickup_code == "" for r in rows)  # no sub-case hands out on its own
    assert [n for n in Notification.objects.filter(recipient=w.applicant, channel="site")
            if "取件码" in n.body] == [Notification.objects.get(recipient=w.applicant, channel="site",
                                                                 subject="联办件结果待领取")]
    with pytest.raises(ValidationError, match="随联办件统一出件"):
        delivery.hand_over(w.clerk, rows[0].case, pickup_code=bundle.pickup_code)

    with pytest.raises(ValidationError):
        hand_over_bundle(w.clerk, bundle, pickup_code="000000" if bundle.pickup_code != "000000" else "111111")
    bundle = hand_over_bundle(w.clerk, bundle, pickup_code=bundle.pickup_code)
    assert bundle.delivery_status == DeliveryStatus.DELIVERED
    assert all(r.case.delivery_status == DeliveryStatus.DELIVERED for r in bundle_members(bundle))
    labels = [e.label for e in bundle_timeline(bundle, for_applicant=True)]
    assert labels[0] == "提交联办申请" and "全部事项已办结" in labels and labels[-1].startswith("综合窗口统一出件")


def test_a_denied_prerequisite_cancels_what_waits_for_it(w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    decide(w, members(bundle)["cert"].case, number=CERT_NO)
    decide(w, members(bundle)["hukou"].case, approve=False, comment="申报材料与出生医学证明不一致")
    m = members(bundle)
    assert m["medical"].state == BundleMemberState.CANCELLED
    assert m["medical"].case.phase == Phase.WITHDRAWN and m["medical"].case.number is None
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.COMPLETED  # everything is decided: one hand-out of what there is
    assert bundle.delivery_status == DeliveryStatus.READY


def test_a_result_that_does_not_fit_the_form_is_reported_not_lost(w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    decide(w, members(bundle)["cert"].case, number=CERT_NO)
    decide(w, members(bundle)["hukou"].case, number="户籍号123")  # not a 公民身份号码
    m = members(bundle)["medical"]
    assert m.state == BundleMemberState.DISPATCHED and m.case.phase == Phase.PROCESSING
    assert "insured_id_number" not in m.case.answers
    failed = m.case.events.get(action="fill_failed")
    assert failed.public and "参保人公民身份号码" in failed.comment
