"""The demo city comes with joint cases (联办件): the citizen's 新生儿出生一件事, completed with every result
collected and waiting for her one rating, and the agent's 开办餐饮店一件事, still being handled."""

import pytest
from freezegun import freeze_time

from tongban.accounts.models import Role, User
from tongban.cases.models import BundlePhase, CaseBundle, DeliveryStatus, Outcome, Phase
from tongban.cases.selectors import bundle_members
from tongban.demo.data.joint_cases_demo import load_demo_joint_cases
from tongban.demo.tests.whole_city import NOW, REAL_CLOCK_FOR
from tongban.ratings.models import RatingChannel
from tongban.ratings.selectors import joint_ratings, rateable_cases_of
from tongban.ratings.services.joint import rate_joint

pytestmark = pytest.mark.django_db


@pytest.fixture
def result(whole_city, db):
    # load_demo builds the joint cases itself, as `tongban demo` does, on NOW (conftest.py).
    with freeze_time(NOW, ignore=REAL_CLOCK_FOR):
        yield whole_city["joint_cases"]


def test_citizen_has_a_completed_newborn_case_with_every_result_and_can_rate_it(result, whole_city):
    assert result["created"] == 2 and result["warnings"] == [] and result["not_loaded"] == []
    citizen = User.objects.get(username="citizen")
    bundle = CaseBundle.objects.get(applicant=citizen, source_code="newborn")
    assert bundle.phase == BundlePhase.COMPLETED and bundle.delivery_status == DeliveryStatus.DELIVERED
    rows = bundle_members(bundle)
    assert [r.code for r in rows] == ["cert", "vaccine", "hukou", "medical"]  # two optional services chosen
    for r in rows:
        assert r.case.phase == Phase.COMPLETED and r.case.outcome == Outcome.APPROVED
        assert r.case.results.exists() and r.case.delivery_status == DeliveryStatus.DELIVERED
    # Each result went on to the member waiting for it (the baby's ID number into 医保参保).
    hukou, medical = rows[2].case, rows[3].case
    assert medical.answers["insured_id_number"] == hukou.results.get().number

    # Left unrated for a visitor: the citizen gives the joint case its one rating.
    assert not joint_ratings(bundle).exists() and rateable_cases_of(bundle).count() == 4
    rate_joint(citizen, bundle, level=5, channel=RatingChannel.PC, comment="一次申请就全办好了。")
    assert joint_ratings(bundle).count() == 4


def test_the_approvers_it_needed_are_demo_accounts_like_the_others(result, whole_city):
    listed = {r["username"] for r in whole_city["accounts"]}  # the accounts table `tongban demo` prints
    assert {"approver_furong_health", "approver_furong_police", "approver_furong_medical"} <= listed
    health = User.objects.get(username="approver_furong_health")
    assert health.password == User.objects.get(username="citizen").password  # the demo password
    assert health.staff_roles.get().role == Role.APPROVER


def test_agent_has_a_restaurant_case_in_progress(result):
    bundle = CaseBundle.objects.get(applicant__username="agent", source_code="restaurant")
    assert bundle.phase == BundlePhase.PROCESSING and bundle.accepted_at is not None
    phases = {r.code: r.case.phase for r in bundle_members(bundle)}
    assert phases == {"food": Phase.COMPLETED, "fire": Phase.PROCESSING}
    food = next(r.case for r in bundle_members(bundle) if r.code == "food")
    assert food.answers["org_credit_code"] == food.answers["operator_credit_code"]  # the agent's company
    assert food.decided_by.username == "approver_furong_market"


def test_loading_again_adds_nothing(result):
    count = CaseBundle.objects.count()
    assert load_demo_joint_cases()["created"] == 0
    assert CaseBundle.objects.count() == count
