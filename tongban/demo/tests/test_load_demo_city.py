"""A developer loads the demo city 云川市 and finds its structure, accounts and sample matters."""

import re

import pytest
from django.contrib.auth import authenticate
from django.db import transaction

from tongban.accounts.models import Role, User
from tongban.accounts.selectors import departments_in_scope
from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Implementation, Matter
from tongban.core.models import AuditEvent
from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.demo.data import matters_sample, structure
from tongban.demo.data.accounts import DEMO_PASSWORD
from tongban.demo.loader import load_demo
from tongban.org.models import Department, Division, Level, ServiceSite, Window

pytestmark = pytest.mark.django_db

SAMPLE = ["matters_sample"]


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    # Loaded once for the module inside a transaction that is rolled back at the end; each test
    # runs in its own savepoint on top of it, so tests that write still leave it as loaded.
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(modules=SAMPLE)
        transaction.set_rollback(True)


@pytest.fixture
def summary(demo_city, db):
    return demo_city


def test_the_city_has_four_levels_with_real_format_codes(summary):
    counts = {level: Division.objects.filter(level=level).count() for level in (3, 4, 5, 6)}
    assert counts[3] == 1 and counts[4] == 3
    for district in Division.objects.filter(level=Level.COUNTY):
        towns = district.children.all()
        assert towns.count() >= 2
        for town in towns:
            assert town.children.count() >= 2
    for division in Division.objects.select_related("parent"):
        if division.level in (3, 4):
            assert re.fullmatch(r"4314\d\d", division.code)
        else:
            assert re.fullmatch(r"\d{12}", division.code) and division.code.startswith(division.parent.code[:6])
            assert division.code[:-3 if division.level == 6 else -6] == division.parent.code[
                :-3 if division.level == 6 else len(division.parent.code)]
    assert summary["errors"] == []


def test_every_department_has_a_valid_credit_code_of_its_kind(summary):
    departments = list(Department.objects.select_related("division"))
    assert len(departments) == summary["departments"] > 100
    for dept in departments:
        assert is_valid_credit_code(dept.credit_code), dept.name
        assert dept.credit_code[2:8] == dept.division.code[:6], dept.name  # registering division
        assert dept.phone.startswith("0739-") and dept.supervise_phone.startswith("0739-")
        assert dept.address
    kinds = {d.sector: d.credit_code[:2] for d in departments}
    assert kinds["market"] == "11" and kinds["housing_fund"] == "12" and kinds["power"] == "91"
    # Every sector of the convention exists in the city; the district ones where real.
    city = Division.objects.get(code=structure.CITY_CODE)
    assert set(city.departments.values_list("sector", flat=True)) == set(structure.SECTORS)
    furong = Division.objects.get(code="431402")
    furong_sectors = set(furong.departments.values_list("sector", flat=True))
    assert {"market", "public_security", "tax", "civil_affairs"} <= furong_sectors
    assert not furong_sectors & {"housing_fund", "power", "forestry"}
    assert Department.objects.filter(sector="town_gov").count() == Division.objects.filter(level=5).count()
    assert Department.objects.filter(sector="village_committee").count() == Division.objects.filter(level=6).count()


def test_halls_have_hours_coordinates_and_windows(summary):
    centers = ServiceSite.objects.filter(kind=ServiceSite.Kind.CENTER)
    assert centers.count() == 4
    assert ServiceSite.objects.filter(kind=ServiceSite.Kind.TOWN).count() == Division.objects.filter(level=5).count()
    assert ServiceSite.objects.filter(kind=ServiceSite.Kind.VILLAGE).count() >= 3
    for site in ServiceSite.objects.all():
        assert 27 < site.latitude < 28.5 and 112.5 < site.longitude < 113.8
        assert "法定节假日" in site.hours or site.kind == ServiceSite.Kind.VILLAGE
    city_hall = centers.get(division__code=structure.CITY_CODE)
    kinds = list(city_hall.windows.values_list("kind", flat=True))
    assert kinds.count(Window.Kind.COMPREHENSIVE) == 8
    assert {Window.Kind.PICKUP, Window.Kind.HELP, Window.Kind.COMPLAINT, Window.Kind.SPECIAL} <= set(kinds)
    utilities = city_hall.windows.get(name="水电气网联办专窗")
    assert set(utilities.departments.values_list("sector", flat=True)) == {"water_supply", "power", "gas",
                                                                          "telecom"}


def test_every_role_has_a_demo_account_with_the_right_scope(summary):
    assert {r["password"] for r in summary["accounts"]} == {DEMO_PASSWORD}
    users = {u.username: u for u in User.objects.filter(username__in=[r["username"] for r in summary["accounts"]])}
    assert len(users) == len(summary["accounts"])
    # All demo accounts share one hash of the demo password (hashing a dozen times costs seconds).
    assert len({u.password for u in users.values()}) == 1
    assert authenticate(username="citizen", password=DEMO_PASSWORD) == users["citizen"]
    citizen_row = next(r for r in summary["accounts"] if r["username"] == "citizen")
    assert is_valid_id_number(citizen_row["scope"].split()[-1])

    city_market = Department.objects.get(division__code="431400", sector="market")
    furong_market = Department.objects.get(division__code="431402", sector="market")
    police = Department.objects.get(division__code="431400", sector="public_security")
    assert list(departments_in_scope(users["approver_market"], Role.APPROVER)) == [city_market]
    assert list(departments_in_scope(users["approver_furong_market"], Role.APPROVER)) == [furong_market]
    assert list(departments_in_scope(users["approver_police"], Role.APPROVER)) == [police]
    assert list(departments_in_scope(users["editor_furong_market"], Role.EDITOR)) == [furong_market]
    assert not departments_in_scope(users["editor_market"], Role.APPROVER).exists()
    # The supervisor of the 政务服务和大数据管理局 watches every department down to the villages.
    assert departments_in_scope(users["supervisor"], Role.SUPERVISOR).count() == Department.objects.count()
    clerk_scope = departments_in_scope(users["clerk"], Role.CLERK)
    assert clerk_scope.count() == Department.objects.filter(division__code="431400").count()
    assert users["admin"].is_superuser
    assert departments_in_scope(users["hotline"], Role.HOTLINE).count() == Department.objects.count()
    assert departments_in_scope(users["steward"], Role.STEWARD).get().sector == "gov_service"
    assert not departments_in_scope(users["citizen"], Role.CLERK).exists()


def test_sample_matters_are_published_and_implemented_at_their_levels(summary):
    assert summary["matters"] == Matter.objects.count() == len(matters_sample.MATTERS)
    food = Matter.objects.get(basic_code="000901001000")
    assert food.current_version.status == VersionStatus.PUBLISHED
    assert food.owner_department.division.code == structure.CITY_CODE  # highest implementing level
    assert sorted(food.implementations.values_list("level", flat=True)) == [3, 4, 4, 4]
    assert set(food.implementations.values_list("department__sector", flat=True)) == {"market"}
    marriage = Matter.objects.get(basic_code="000907001000")
    assert sorted(marriage.implementations.values_list("level", flat=True)) == [4, 4, 4]
    assert marriage.owner_department.division.code == "431402"
    # 高龄津贴: the county 民政局 decides, the town governments accept at their 便民服务中心.
    allowance = Matter.objects.get(basic_code="000905001000")
    towns = allowance.implementations.filter(level=Level.TOWN)
    assert towns.count() == Division.objects.filter(level=5).count()
    assert set(towns.values_list("department__sector", flat=True)) == {"town_gov"}


def test_implementation_entries_carry_the_hall_window_and_phones(summary):
    for impl in Implementation.objects.select_related("department", "site", "matter"):
        assert impl.code == impl.department.credit_code + str(impl.level) + impl.matter.basic_code
        assert impl.site is not None and impl.site.name in impl.place
        assert impl.hours == impl.site.hours and impl.consult_phone == impl.department.phone
    city_food = Implementation.objects.get(matter__basic_code="000901001000", level=3)
    assert "云川市政务服务中心" in city_food.place and "18号窗口（企业开办专窗）" in city_food.place
    furong_marriage = Implementation.objects.get(matter__basic_code="000907001000",
                                                 department__division__code="431402")
    assert "16号窗口（婚姻登记专窗）" in furong_marriage.place


def test_loading_twice_changes_nothing(summary):
    events = AuditEvent.objects.count()
    again = load_demo(modules=SAMPLE)
    assert again["published"] == 0 and again["implemented"] == 0 and again["errors"] == []
    assert AuditEvent.objects.count() == events
    assert again["implementations"] == summary["implementations"]


def test_a_bad_matter_is_reported_and_the_rest_still_loads(summary, monkeypatch):
    bad = {**matters_sample.MATTERS[0], "basic_code": "000909001000", "promised_limit_days": 30}
    unknown_sector = {**matters_sample.MATTERS[0], "basic_code": "000909002000", "sector": "nowhere"}
    monkeypatch.setattr(matters_sample, "MATTERS", [*matters_sample.MATTERS, bad, unknown_sector])
    result = load_demo(modules=SAMPLE)
    assert len(result["errors"]) == 2
    assert "承诺办结时限不得超过法定办结时限" in result["errors"][0]
    assert "nowhere" in result["errors"][1]
    assert not Matter.objects.filter(basic_code__in=["000909001000", "000909002000"]).exists()
