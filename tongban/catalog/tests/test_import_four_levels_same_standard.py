"""四级十同: rows of one 基本编码 that disagree on a standard element are rejected, naming the rows."""

import pytest

from tongban.catalog.excel import import_matters_file
from tongban.catalog.tests.excel_builders import FOOD, catalogue_counts, sample_sheets, small_city, write_book

pytestmark = pytest.mark.django_db


def test_city_and_county_rows_with_different_time_limits_are_rejected(tmp_path):
    sheets = sample_sheets(small_city())
    sheets["实施清单"][1]["承诺办结时限（工作日）"] = 3
    sheets["实施清单"][1]["受理条件"] = "县里另定的条件"

    report = import_matters_file(write_book(tmp_path / "conflict.xlsx", sheets))

    assert not report.ok
    [error] = report.errors
    assert (error.sheet, error.row) == ("实施清单", 3)
    assert "四级十同" in error.message and FOOD in error.message and "第2行" in error.message
    assert "承诺办结时限" in error.message and "受理条件" in error.message
    assert catalogue_counts() == (0, 0)


def test_labels_and_codes_mean_the_same_and_do_not_conflict(tmp_path):
    sheets = sample_sheets(small_city())
    county = sheets["实施清单"][1]
    county.update({"事项类型": "01", "服务对象": "2、1", "网上办理深度": 5, "办件类型": "2",
                   "支持预约办理": "是"})

    report = import_matters_file(write_book(tmp_path / "codes.xlsx", sheets))

    assert report.ok, str(report)
    assert catalogue_counts() == (2, 3)


def test_a_row_at_a_level_outside_the_standard_levels_is_reported(tmp_path):
    sheets = sample_sheets(small_city())
    for row in sheets["实施清单"][:2]:
        row["标准行使层级"] = "市级"

    report = import_matters_file(write_book(tmp_path / "levels.xlsx", sheets))

    assert [(e.row, e.column) for e in report.errors] == [(3, "行使层级")]
    assert "县级不在该事项的标准行使层级（市级）中" in report.errors[0].message
