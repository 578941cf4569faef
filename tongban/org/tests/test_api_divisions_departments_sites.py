"""A client reads the city's divisions, departments and service sites."""

import pytest

from tongban.catalog.tests.builders import make_department
from tongban.catalog.tests.staff_builders import make_county, make_site, make_town
from tongban.org.models import Window

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(city):
    county = make_county(city)
    town = make_town(county)
    city_market = make_department(city, name="云川市市场监督管理局", sector="market")
    county_market = make_department(county, name="芙蓉区市场监督管理局", sector="market")
    county_tax = make_department(county, name="芙蓉区税务局", sector="tax")
    city_site = make_site(city)
    town_site = make_site(town, name="东湖街道便民服务中心", kind="town")
    window = Window.objects.create(site=city_site, number="08", name="市场监管专窗", kind="special")
    window.departments.add(city_market)
    return locals()


def test_divisions_filter_by_parent_and_level(client, org, city):
    all_codes = [d["code"] for d in client.get("/api/v1/divisions").json()]
    assert all_codes == ["439901", "439902", "439902001000"]
    children = client.get("/api/v1/divisions", {"parent": "439901"}).json()
    assert [d["name"] for d in children] == ["芙蓉区"]
    assert children[0]["parent"] == {"code": "439901", "name": "云川市"}
    towns = client.get("/api/v1/divisions", {"level": 5}).json()
    assert towns[0]["full_name"] == "云川市芙蓉区东湖街道" and towns[0]["level_label"] == "镇（乡、街道）级"


def test_one_division_lists_its_children_and_counts(client, org):
    county = client.get("/api/v1/divisions/439902").json()
    assert county["name"] == "芙蓉区" and county["level"] == 4
    assert county["children"] == [{"code": "439902001000", "name": "东湖街道"}]
    assert county["department_count"] == 2 and county["site_count"] == 0


def test_departments_by_division_include_those_below_and_filter_by_sector(client, org):
    names = [d["name"] for d in client.get("/api/v1/departments", {"division": "439901"}).json()]
    assert set(names) == {"云川市市场监督管理局", "芙蓉区市场监督管理局", "芙蓉区税务局"}
    market = client.get("/api/v1/departments", {"sector": "market"}).json()
    assert {d["level"] for d in market} == {3, 4}
    county_only = client.get("/api/v1/departments", {"division": "439902", "sector": "market"}).json()
    assert [d["name"] for d in county_only] == ["芙蓉区市场监督管理局"]


def test_a_department_is_read_by_its_credit_code(client, org):
    tax = org["county_tax"]
    body = client.get(f"/api/v1/departments/{tax.credit_code}").json()
    assert body["name"] == "芙蓉区税务局" and body["division"] == {"code": "439902", "name": "芙蓉区"}
    assert body["level_label"] == "县级"


def test_sites_by_division_and_one_site_with_its_windows(client, org):
    sites = client.get("/api/v1/sites", {"division": "439902"}).json()
    assert [s["name"] for s in sites] == ["东湖街道便民服务中心"]
    assert sites[0]["kind_label"] == "便民服务中心"
    site = client.get(f"/api/v1/sites/{org['city_site'].pk}").json()
    assert site["address"] == "云川市人民路1号"
    assert site["windows"] == [{"number": "08", "name": "市场监管专窗", "kind": "special", "kind_label": "专业窗口",
                                "departments": [{"id": org["city_market"].pk, "name": "云川市市场监督管理局",
                                                 "credit_code": org["city_market"].credit_code}]}]


def test_bad_division_filters_are_chinese_422(client, org):
    res = client.get("/api/v1/departments", {"division": "43990"})
    assert res.status_code == 422
    assert res.json()["fields"]["division"] == ["区划代码应为6位（市、县）或12位（乡镇、村）数字"]
    res = client.get("/api/v1/divisions", {"parent": "439988"})
    assert res.status_code == 422 and "上级区划代码“439988”不存在" in res.json()["message"]
