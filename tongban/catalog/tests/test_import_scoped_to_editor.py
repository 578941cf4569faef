"""An editor imports only entries of the departments they maintain; other rows are reported, and the
standard elements of a matter maintained by a higher level cannot be changed from a lower level."""

import pytest

from tongban.catalog.excel import import_matters_file
from tongban.catalog.models import Implementation, MatterVersion
from tongban.catalog.tests.excel_builders import (
    BIRTH,
    FOOD,
    catalogue_counts,
    make_editor,
    sample_sheets,
    small_city,
    write_book,
)

pytestmark = pytest.mark.django_db


def _only(sheets, row_indexes):
    rows = [sheets["实施清单"][i] for i in row_indexes]
    codes = {r["基本编码"] for r in rows}
    out = {title: [r for r in body if r["基本编码"] in codes] for title, body in sheets.items()}
    out["实施清单"] = rows
    return out


def test_rows_of_other_departments_are_reported_and_nothing_is_written(tmp_path):
    depts = small_city()
    county_editor = make_editor(depts["county_market"])

    report = import_matters_file(write_book(tmp_path / "all.xlsx", sample_sheets(depts)), county_editor)

    column = "实施主体统一社会信用代码"
    assert [(e.row, e.column) for e in report.errors] == [(2, column), (4, column)]
    assert "“云川市市场监督管理局”不在您的事项管理范围内" in report.errors[0].message
    assert catalogue_counts() == (0, 0)


def test_a_county_editor_adds_the_county_entry_of_a_city_matter_but_cannot_change_its_standard(tmp_path):
    depts = small_city()
    assert import_matters_file(write_book(tmp_path / "city.xlsx", _only(sample_sheets(depts), [0, 2]))).ok
    county_editor = make_editor(depts["county_market"])
    county_rows = _only(sample_sheets(depts), [1])

    report = import_matters_file(write_book(tmp_path / "county.xlsx", county_rows), county_editor)

    assert report.ok, str(report)
    assert (report.created, report.matters_created, report.matters_updated) == (1, 0, 0)
    assert Implementation.objects.filter(matter__basic_code=FOOD).count() == 2

    county_rows["实施清单"][0]["承诺办结时限（工作日）"] = 2
    report = import_matters_file(write_book(tmp_path / "county2.xlsx", county_rows), county_editor)

    [error] = report.errors
    assert error.row == 2 and "由“云川市市场监督管理局”统一维护" in error.message
    assert MatterVersion.objects.filter(matter__basic_code=FOOD).count() == 1
    assert not Implementation.objects.filter(matter__basic_code=BIRTH,
                                             department=depts["county_market"]).exists()
