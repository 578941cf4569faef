"""An editor's workbook carries 基本编码 and 实施编码 that do not follow the catalogue's numbering
(docs/domain.md §2.1): too long, too short, letters, a type digit pair that names another matter type.
Each row is reported with the part that is wrong; corrected, the file imports."""

import pytest

from tongban.catalog.excel import import_matters_file
from tongban.catalog.tests.excel_builders import (
    BIRTH,
    FOOD,
    catalogue_counts,
    sample_sheets,
    small_city,
    write_book,
)

pytestmark = pytest.mark.django_db


def _set_code(sheets, old, new):
    for rows in sheets.values():
        for row in rows:
            if row.get("基本编码") == old:
                row["基本编码"] = new


def test_each_badly_numbered_row_is_reported_and_nothing_is_written(tmp_path):
    depts = small_city()
    sheets = sample_sheets(depts)
    main = sheets["实施清单"]
    _set_code(sheets, BIRTH, "000101001000")  # 出生医学证明 is 公共服务 (20), the code says 行政许可 (01)
    main[0]["实施编码"] = depts["city_market"].credit_code + "3" + FOOD + "00000000"  # 39 characters
    main.append({**main[0], "基本编码": "0002010350001234567890123", "实施编码": None,  # 25 characters
                 "实施主体": depts["city_health"].name,
                 "实施主体统一社会信用代码": depts["city_health"].credit_code})
    main.append({**main[0], "基本编码": "ABCDEF", "实施编码": None})

    report = import_matters_file(write_book(tmp_path / "codes.xlsx", sheets))

    found = {(e.row, e.column): e.message for e in report.errors if e.sheet == "实施清单"}
    assert "实施编码应为 " + depts["city_market"].credit_code + "3" + FOOD in found[2, "实施编码"]
    assert "实施编码应为31位" in found[2, "实施编码"] and "当前为39位" in found[2, "实施编码"]
    assert found[4, "基本编码"] == ("基本编码第5–6位为事项类型代码：“000101001000”表示行政许可（01），"
                                   "与事项类型公共服务（20）不一致")
    assert "基本编码应为12位数字（目录段4位+事项类型代码2位+主项序号3位+子项序号3位）" in found[5, "基本编码"]
    assert "（25位）" in found[5, "基本编码"]
    assert "“ABCDEF”（6位）" in found[6, "基本编码"]
    assert catalogue_counts() == (0, 0)

    fixed = sample_sheets(depts)
    assert import_matters_file(write_book(tmp_path / "fixed.xlsx", fixed)).ok
    assert catalogue_counts() == (2, 3)


def test_a_row_may_not_change_a_matter_to_a_type_its_code_does_not_name(tmp_path):
    depts = small_city()
    assert import_matters_file(write_book(tmp_path / "first.xlsx", sample_sheets(depts))).ok
    sheets = sample_sheets(depts)
    for row in sheets["实施清单"]:
        if row["基本编码"] == FOOD:
            row["事项类型"] = "行政确认"

    report = import_matters_file(write_book(tmp_path / "retyped.xlsx", sheets))

    assert not report.ok
    assert {(e.row, e.message) for e in report.errors} == {
        (n, f"基本编码第5–6位为事项类型代码：“{FOOD}”表示行政许可（01），与事项类型行政确认（07）不一致")
        for n in (2, 3)}
