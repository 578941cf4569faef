"""An administrator exports the implementation list from the shell and imports it back."""

import pytest
from openpyxl import load_workbook

from tongban.catalog.excel_layout import MAIN_SHEET
from tongban.catalog.models import Matter
from tongban.catalog.tests.builders import make_matter
from tongban.cli import main

pytestmark = pytest.mark.django_db


def _credit_cell(sheet):
    for row in sheet.iter_rows(min_row=1, max_row=5):
        for cell in row:
            if cell.value == "实施主体统一社会信用代码":
                return cell.row, cell.column
    raise AssertionError("no 信用代码 column")


def test_export_then_import_the_same_file_changes_nothing(market, tmp_path, capsys):
    make_matter(market)
    path = tmp_path / "实施清单.xlsx"
    assert main(["export-matters", str(path)]) == 0
    assert f"已导出 1 条实施清单到 {path}" in capsys.readouterr().out
    assert main(["import-matters", str(path)]) == 0
    out = capsys.readouterr().out
    assert "导入完成" in out and "新增0条" in out and "未变化1条" in out


def test_a_file_with_a_bad_credit_code_exits_with_status_1_and_names_the_row(market, tmp_path, capsys):
    make_matter(market)
    path = tmp_path / "实施清单.xlsx"
    main(["export-matters", str(path)])
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    header_row, column = _credit_cell(sheet)
    cell = sheet.cell(row=header_row + 1, column=column)
    cell.value = cell.value[:17] + ("0" if cell.value[17] != "0" else "1")
    book.save(path)
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["import-matters", str(path)])
    assert exc.value.code == 1
    out = capsys.readouterr().out
    assert "导入未执行" in out and "校验位" in out
    assert Matter.objects.count() == 1


def test_a_missing_file_is_reported_in_chinese(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import-matters", str(tmp_path / "nope.xlsx")])
    assert exc.value.code == 2
    assert "文件不存在" in capsys.readouterr().err
