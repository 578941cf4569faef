"""The window accepts the joint case as one; each department then finds only its own sub-case in its
inbox, a waiting member is in nobody's inbox, and only the window sees the joint case."""

import pytest
from django.core.exceptions import PermissionDenied

from tongban.cases import selectors
from tongban.cases.models import BundleMemberState, BundlePhase, Phase
from tongban.cases.services.bundles import accept_bundle
from tongban.themes.tests.newborn_support import apply_newborn, members
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def test_accepting_dispatches_each_member_to_its_department(w):
    bundle = apply_newborn(w)
    # Before acceptance no department has anything.
    for approver in w.approvers.values():
        assert not selectors.cases_for_staff(approver).exists()

    bundle = accept_bundle(w.clerk, bundle, expected_revision=bundle.revision)
    assert bundle.phase == BundlePhase.PROCESSING and bundle.accepted_by == w.clerk
    m = members(bundle)
    assert m["cert"].case.phase == Phase.PROCESSING and m["cert"].case.number
    assert m["cert"].case.promised_due is not None  # its own clock runs
    # 户口 waits for the 出生医学证明, 医保 for the 户口: not dispatched, clock not started.
    for code in ("hukou", "medical"):
        assert m[code].state == BundleMemberState.WAITING
        assert m[code].case.phase == Phase.DRAFT and m[code].case.accepted_at is None

    health = w.approvers[("431402", "health")]
    police = w.approvers[("431402", "public_security")]
    insurance = w.approvers[("431402", "medical_insurance")]
    assert list(selectors.cases_for_staff(health)) == [m["cert"].case]
    assert list(selectors.queue(health, "review")) == [m["cert"].case]
    assert not selectors.cases_for_staff(police).exists()
    assert not selectors.cases_for_staff(insurance).exists()


def test_only_the_window_and_the_applicant_see_the_joint_case(w):
    bundle = apply_newborn(w)
    assert selectors.bundle_for_staff(w.clerk, bundle.number) == bundle
    assert selectors.bundle_for_applicant(w.applicant, bundle.number) == bundle
    assert selectors.bundle_for_applicant(w.other, bundle.number) is None
    assert selectors.bundle_for_staff(w.approvers[("431402", "health")], bundle.number) is None
    assert list(selectors.bundle_queue(w.clerk, "pending")) == [bundle]


def test_a_window_without_the_district_in_scope_cannot_accept(w):
    bundle = apply_newborn(w)
    with pytest.raises(PermissionDenied) as exc:
        accept_bundle(w.city_clerk_only, bundle, expected_revision=bundle.revision)
    assert "综合窗口" in str(exc.value)
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.SUBMITTED
    assert all(m.case.phase == Phase.DRAFT for m in members(bundle).values())
