"""A file with many different mistakes: each one is reported on its own row and column, in Chinese."""

import pytest

from tongban.catalog.excel import import_matters_file
from tongban.catalog.tests.excel_builders import FOOD, catalogue_counts, sample_sheets, small_city, write_book

pytestmark = pytest.mark.django_db


def test_every_mistake_is_reported_with_its_place_and_reason(tmp_path):
    depts = small_city()
    sheets = sample_sheets(depts)
    main = sheets["实施清单"]
    main[0]["承诺办结时限（工作日）"] = 12  # more than the legal 10 days (and so row 3 now differs: 四级十同)
    main[1]["实施编码"] = "X" * 31
    main[1]["行使层级"] = "市级"  # 芙蓉区 is a county
    main[2]["实施主体统一社会信用代码"] = "91110000MA00000000"[:17] + "X"
    main[2]["基本编码"] = 120001000  # a number: the leading zeros are gone
    main.append({**main[0], "承诺办结时限（工作日）": 5, "事项类型": "行政审批"})
    sheets["申请材料"].append({"基本编码": "999999999999", "材料名称": "无主材料"})
    sheets["办理流程"].append({"基本编码": FOOD, "序号": 1, "环节名称": "重复序号"})
    sheets["办理结果"] = [r for r in sheets["办理结果"] if r["基本编码"] == FOOD]

    report = import_matters_file(write_book(tmp_path / "mistakes.xlsx", sheets))

    found = {(e.sheet, e.row, e.column): e.message for e in report.errors}
    assert "不得超过法定办结时限" in found["实施清单", 2, "承诺办结时限（工作日）"]
    assert "实施编码应为" in found["实施清单", 3, "实施编码"]
    assert "芙蓉区市场监督管理局为县级" in found["实施清单", 3, "行使层级"]
    assert "请以文本格式填写" in found["实施清单", 4, "基本编码"]
    assert "不是有效的取值" in found["实施清单", 5, "事项类型"]
    assert "四级十同" in found["实施清单", 3, "基本编码"]
    assert "不在“实施清单”表中" in found["申请材料", 5, "基本编码"]
    assert "序号不能重复" in found["办理流程", 6, "序号"]
    assert catalogue_counts() == (0, 0)
    assert str(report).startswith("导入未执行")


def test_a_file_that_is_not_a_workbook_is_reported(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"not a workbook")
    report = import_matters_file(path)
    assert not report.ok and "无法读取文件" in report.errors[0].message


def test_missing_results_and_blank_required_cells_are_reported(tmp_path):
    sheets = sample_sheets(small_city())
    sheets["办理结果"] = []
    for row in sheets["实施清单"]:
        del row["办理地点"]
    report = import_matters_file(write_book(tmp_path / "incomplete.xlsx", sheets))
    messages = [str(e) for e in report.errors]
    assert any("缺少办理结果" in m for m in messages)
    assert sum("【办理地点】必填项，不能为空" in m for m in messages) == 3
