"""A file with bad rows: every problem is reported as 第N行【列名】原因, and nothing is imported —
not even the good rows."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tongban.registries.importing import import_records, import_rows
from tongban.registries.models import CreditRecord, LegalEntity, Person
from tongban.registries.tests.builders import registry_world, valid_id

pytestmark = pytest.mark.django_db

HEADER = ["公民身份号码", "姓名", "性别", "出生日期", "户籍地址", "户籍地区划代码", "婚姻状况"]


def test_every_bad_cell_is_named_and_nothing_is_written():
    w = registry_world()
    before = Person.objects.count()
    good = valid_id("43140219880817302")
    right = valid_id("43140219880817313")
    bad_check = right[:17] + ("1" if right[17] != "1" else "2")
    rows = [
        (2, [good, "王小红", "女", "1988-08-17", "云川市芙蓉区学院路3号", "431402002002", "已婚"]),
        (3, [bad_check, "赵六", "男", "1988-08-17", "云川市", "431402", ""]),
        (4, [valid_id("43140219900101001"), "钱七", "女", "1990-13-01", "云川市", "4314", "分居"]),
        (5, [valid_id("43140219900101011"), "", "男", "1990-01-01", "", "431402", ""]),
        (6, [good, "王小红", "女", "1988-08-17", "云川市芙蓉区学院路3号", "431402002002", "已婚"]),
        (7, [valid_id("43140219900101031"), "孙八", "男", "1991-01-01", "云川市", "431402", ""]),
    ]
    report = import_rows(w.steward, w.population, HEADER, rows)
    assert not report.ok
    messages = [str(e) for e in report.errors]
    assert any(m.startswith("第3行【公民身份号码】") and "校验位" in m for m in messages), messages
    assert any(m.startswith("第4行【出生日期】") and "1990-13-01" in m for m in messages), messages
    assert any(m.startswith("第4行【户籍地区划代码】") for m in messages), messages
    assert any(m.startswith("第4行【婚姻状况】") and "分居" in m for m in messages), messages
    assert any(m.startswith("第5行【姓名】") and "必填" in m for m in messages), messages
    assert any(m.startswith("第5行【户籍地址】") for m in messages), messages
    # The whole-record check (GB 11643: the number carries the birth date) names its column too.
    assert "第7行【出生日期】出生日期与公民身份号码不一致（号码中为 1990-01-01）" in messages
    assert any(m.startswith("第6行【公民身份号码】") and "第2行" in m for m in messages), messages
    assert "均未写入" in report.summary()
    assert Person.objects.count() == before


def test_sex_must_match_the_id_number():
    w = registry_world()
    report = import_rows(w.steward, w.population, HEADER, [
        (2, [valid_id("43140219880817302"), "王小红", "男", "1988-08-17", "云川市", "431402", ""])])
    assert [str(e) for e in report.errors] == ["第2行【性别】性别与公民身份号码不一致（号码第17位表示女）"]


def test_unknown_and_missing_columns_are_reported_on_the_header_row():
    w = registry_world()
    report = import_rows(w.steward, w.legal, ["统一社会信用代码", "企业名称", "法定代表人"], [(2, ["x", "y", "z"])])
    messages = [str(e) for e in report.errors]
    assert any("企业名称" in m and m.startswith("第1行") and "不是" in m for m in messages), messages
    assert any("缺少必填列" in m and "成立日期" in m for m in messages), messages
    assert LegalEntity.objects.count() == 1


def test_credit_records_check_the_subject_per_kind():
    w = registry_world()
    report = import_rows(w.steward, w.credit, ["记录编号", "主体类型", "主体标识", "主体名称", "信用类别", "认定事由",
                                               "认定部门", "认定日期", "有效期至"], [
        (2, ["SX2024-001", "法人", "91439901MA4T8K6X20", "某公司", "失信被执行人", "未履行生效判决", "云川市中级人民法院",
             "2024-05-01", "2023-01-01"]),
        (3, ["SX2024-002", "自然人", "ABC", "某人", "灰名单", "—", "—", "2024-05-01", ""]),
    ])
    messages = [str(e) for e in report.errors]
    assert any(m.startswith("第2行【有效期至】") for m in messages), messages
    assert any(m.startswith("第2行【主体标识】") and "校验位" in m for m in messages), messages
    assert any(m.startswith("第3行【信用类别】") and "灰名单" in m for m in messages), messages
    assert CreditRecord.objects.count() == 0


def test_a_file_of_another_kind_is_refused_clearly():
    w = registry_world()
    report = import_records(w.steward, w.population, io.BytesIO(b"not a workbook"), file_name="人口.xlsx")
    assert not report.ok and "无法读取Excel文件" in report.summary() + str(report.errors[0])
    report = import_records(w.steward, w.population, io.BytesIO(b""), file_name="人口.txt")
    assert "CSV" in str(report.errors[0])


def test_the_shell_command_exits_with_the_errors(tmp_path):
    registry_world()
    path = tmp_path / "bad.csv"
    path.write_text("公民身份号码,姓名,性别,出生日期,户籍地址,户籍地区划代码\n123,张,男,1990-01-01,云川市,431402\n",
                    encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="均未写入"):
        call_command("import_registry", "population", str(path), stderr=err)
    assert "第2行【公民身份号码】" in err.getvalue()
    with pytest.raises(CommandError, match="不存在"):
        call_command("import_registry", "no_such", str(path))
