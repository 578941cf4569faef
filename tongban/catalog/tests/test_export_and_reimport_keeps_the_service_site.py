"""Each 实施清单 entry's 服务场所 travels with the workbook: exported as the site's name and its division
code, imported back to the same site; a name that matches no site, or several, is a row error."""

import openpyxl
import pytest

from tongban.catalog.excel import export_matters_file, import_matters_file
from tongban.catalog.models import Implementation, Matter
from tongban.catalog.services import update_implementation
from tongban.catalog.tests.builders import make_division
from tongban.catalog.tests.excel_builders import FOOD, sample_sheets, small_city, write_book
from tongban.catalog.tests.staff_builders import make_site
from tongban.org.models import Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(tmp_path):
    """The sample list imported, the city and county market entries linked to their halls."""
    depts = small_city()
    assert import_matters_file(write_book(tmp_path / "list.xlsx", sample_sheets(depts))).ok
    halls = {"city": make_site(depts["city"], "云川市政务服务中心"),
             "county": make_site(depts["county"], "芙蓉区政务服务中心")}
    for key, hall in (("city_market", "city"), ("county_market", "county")):
        update_implementation(None, _entry(depts[key]), site=halls[hall])
    return depts, halls


def _entry(department):
    return Implementation.objects.get(department=department, matter__basic_code=FOOD)


def _sites():
    return dict(Implementation.objects.values_list("code", "site__name"))


def _main_rows(path):
    ws = openpyxl.load_workbook(path)["实施清单"]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_site_of_each_entry_is_exported_and_comes_back(listed, tmp_path):
    depts, _halls = listed
    before = _sites()
    path = tmp_path / "export.xlsx"
    export_matters_file(path)
    rows = {row["实施主体"]: row for row in _main_rows(path)}
    assert (rows["云川市市场监督管理局"]["服务场所"], rows["云川市市场监督管理局"]["服务场所区划代码"]) == (
        "云川市政务服务中心", depts["city"].code)
    assert rows["芙蓉区市场监督管理局"]["服务场所区划代码"] == depts["county"].code
    assert rows["云川市卫生健康委员会"]["服务场所"] is None

    # The links lost (or edited away) in the catalogue: the workbook restores them as updates.
    Implementation.objects.update(site=None)
    report = import_matters_file(path)
    assert report.ok and (report.updated, report.unchanged) == (2, 1), str(report)
    assert _sites() == before

    # Into an empty catalogue: the new entries are created with their sites.
    Implementation.objects.all().delete()
    Matter.objects.all().delete()
    assert import_matters_file(path).created == 3
    assert _sites() == before
    again = tmp_path / "again.xlsx"
    export_matters_file(again)
    assert _main_rows(again) == _main_rows(path)


def test_a_workbook_without_the_site_columns_leaves_the_links_alone(listed, tmp_path):
    before = _sites()
    old_layout = write_book(tmp_path / "old-layout.xlsx", sample_sheets(listed[0]), omit=("服务场所", "服务场所区划代码"))
    report = import_matters_file(old_layout)
    assert report.ok and report.unchanged == 3, str(report)
    assert _sites() == before


def test_a_site_that_cannot_be_found_or_told_apart_is_a_row_error(listed, tmp_path):
    depts, halls = listed
    other_county = make_division(code="439903", name="天心区", level=Level.COUNTY, parent=depts["city"])
    make_site(other_county, "天心区政务服务中心")
    make_site(depts["city"], "便民服务中心", kind="town")
    make_site(depts["county"], "便民服务中心", kind="town")
    sheets = sample_sheets(depts)
    city_row, county_row, health_row = sheets["实施清单"]
    city_row["服务场所"] = "云川市市民之家"
    county_row["服务场所"] = "天心区政务服务中心"  # a neighbouring district's hall
    health_row["服务场所"] = "便民服务中心"  # one in the city, one in the county below it

    report = import_matters_file(write_book(tmp_path / "sites.xlsx", sheets))

    found = {e.row: e.message for e in report.errors if e.column == "服务场所"}
    assert found == {
        2: "没有名为“云川市市民之家”的服务场所，请核对名称，或先在机构管理中登记该服务场所",
        3: "服务场所“天心区政务服务中心”不在芙蓉区市场监督管理局可选的范围内（本区划、上级区划或直接下级区划的服务场所）",
        4: "有2处名为“便民服务中心”的服务场所，请在“服务场所区划代码”列填写所在区划代码以区分",
    }
    assert _entry(depts["city_market"]).site == halls["city"]

    city_row["服务场所"] = ""
    county_row["服务场所"] = "芙蓉区政务服务中心"
    health_row["服务场所区划代码"] = depts["county"].code
    report = import_matters_file(write_book(tmp_path / "fixed.xlsx", sheets))
    assert report.ok, str(report)
    assert _entry(depts["city_market"]).site is None  # a blank cell unlinks
    assert _entry(depts["county_market"]).site == halls["county"]
    health = Implementation.objects.get(department=depts["city_health"])
    assert (health.site.name, health.site.division) == ("便民服务中心", depts["county"])
