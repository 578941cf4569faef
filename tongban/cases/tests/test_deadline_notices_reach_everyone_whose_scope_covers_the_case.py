"""Who hears of a district's case: warnings, overdue notices and urges reach every approver and
supervisor whose role covers the case's department — held for the department itself, for the whole
district, or for the whole city with its districts — and nobody else."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.accounts.models import Role, StaffRole
from tongban.accounts.selectors import holders
from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act, urge
from tongban.cases.tasks import sweep
from tongban.cases.tests.builders import make_user, submitted_case
from tongban.catalog.tests.builders import make_department, make_division, make_matter
from tongban.notify.models import Notification
from tongban.org.models import Level

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def furong_case():
    from types import SimpleNamespace

    from tongban.cases.tests.builders import make_world

    w = make_world(promised_days=5)
    furong = make_division("439902", "芙蓉区", Level.COUNTY, parent=w.city)
    tianxin = make_division("439903", "天心区", Level.COUNTY, parent=w.city)
    furong_market = make_department(furong, name="芙蓉区市场监督管理局", sector="market")
    furong_police = make_department(furong, name="芙蓉区公安分局", sector="police")
    _, w.impl = make_matter(furong_market, basic_code="000201035001", promised_limit_days=5)

    def staff(name, role, division, department=None, subdivisions=False):
        user = make_user(name, role=None, display_name=name)
        StaffRole.objects.create(user=user, role=role, division=division, department=department,
                                 include_subdivisions=subdivisions)
        return name

    covering = SimpleNamespace(
        approvers={staff("appr_department", Role.APPROVER, furong, furong_market),
                   staff("appr_district", Role.APPROVER, furong),
                   staff("appr_city_and_below", Role.APPROVER, w.city, subdivisions=True)},
        supervisors={staff("sup_district", Role.SUPERVISOR, furong),
                     staff("sup_city_and_below", Role.SUPERVISOR, w.city, subdivisions=True)})
    # Roles that do not cover 芙蓉区市场监督管理局: another department, the city's own departments only,
    # another district; make_world's approver/supervisor hold city-only roles as well.
    staff("appr_other_department", Role.APPROVER, furong, furong_police)
    staff("appr_city_only", Role.APPROVER, w.city)
    staff("sup_other_district", Role.SUPERVISOR, tianxin)
    staff("sup_city_only", Role.SUPERVISOR, w.city)
    with freeze_time(datetime(2026, 9, 29, 10, 0, tzinfo=BEIJING)):
        case = submitted_case(w)
        clerk = make_user("furong_clerk", role=Role.CLERK, division=furong)
        case = act(clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    return case, covering


def _told(case, subject_start):
    return set(Notification.objects.filter(reference=case.number, subject__startswith=subject_start)
               .values_list("recipient__username", flat=True))


def test_warning_reaches_every_approver_whose_scope_covers_the_department(furong_case):
    case, covering = furong_case
    assert sweep(today=date(2026, 10, 10)) == {"warned": 1, "overdue": 0}
    assert _told(case, "办件预警") == covering.approvers


def test_overdue_notice_reaches_the_city_supervisor_of_a_district_case(furong_case):
    case, covering = furong_case
    assert sweep(today=date(2026, 10, 13))["overdue"] == 1
    assert _told(case, "办件超期") == covering.approvers | covering.supervisors


def test_urge_of_an_unassigned_case_reaches_division_wide_approvers(furong_case):
    case, covering = furong_case
    supervisor = holders(Role.SUPERVISOR, department=case.department).get(username="sup_city_and_below")
    urge(supervisor, case, message="请于今日内办结")
    assert _told(case, "督办") == covering.approvers


def test_a_deactivated_approver_is_not_told(furong_case):
    case, covering = furong_case
    holders(Role.APPROVER, department=case.department).filter(username="appr_district").update(is_active=False)
    sweep(today=date(2026, 10, 10))
    assert _told(case, "办件预警") == covering.approvers - {"appr_district"}


def test_holders_of_a_division_as_a_whole(furong_case):
    case, covering = furong_case
    district = case.department.division
    assert {u.username for u in holders(Role.SUPERVISOR, division=district)} == covering.supervisors
    assert {u.username for u in holders(Role.APPROVER, division=district)} == covering.approvers - {"appr_department"}


def test_holders_is_one_query(furong_case, django_assert_num_queries):
    case, covering = furong_case
    department = case.department
    with django_assert_num_queries(1):
        assert {u.username for u in holders(Role.APPROVER, department=department)} == covering.approvers
