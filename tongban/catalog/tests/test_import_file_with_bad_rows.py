"""An editor's file with one bad credit code and one missing 承诺时限: both rows reported, nothing written;
after fixing those two cells, every row is imported."""

import pytest

from tongban.catalog.excel import import_matters_file
from tongban.catalog.models import Implementation, Matter
from tongban.catalog.tests.excel_builders import (
    BIRTH,
    FOOD,
    catalogue_counts,
    sample_sheets,
    small_city,
    write_book,
)
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_bad_rows_are_all_reported_and_nothing_is_imported(tmp_path):
    depts = small_city()
    sheets = sample_sheets(depts)
    good_code = sheets["实施清单"][1]["实施主体统一社会信用代码"]
    wrong_check = "0" if good_code[17] != "0" else "1"
    sheets["实施清单"][1]["实施主体统一社会信用代码"] = good_code[:17] + wrong_check
    sheets["实施清单"][2]["承诺办结时限（工作日）"] = None

    report = import_matters_file(write_book(tmp_path / "bad.xlsx", sheets))

    assert not report.ok
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [
        ("实施清单", 3, "实施主体统一社会信用代码"),
        ("实施清单", 4, "承诺办结时限（工作日）"),
    ]
    assert "校验位错误" in report.errors[0].message
    assert "必填" in report.errors[1].message
    assert catalogue_counts() == (0, 0)
    text = str(report)
    assert "导入未执行" in text and "第3行" in text and "第4行" in text and "承诺办结时限" in text

    sheets = sample_sheets(depts)
    report = import_matters_file(write_book(tmp_path / "fixed.xlsx", sheets))

    assert report.ok, str(report)
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert (report.matters_created, report.matters_updated) == (2, 0)
    assert catalogue_counts() == (2, 3)
    food = Matter.objects.get(basic_code=FOOD)
    assert food.owner_department == depts["city_market"]  # the highest level maintains the standard
    version = food.current_version
    assert version.promised_limit_days == 5 and version.legal_limit_days == 10
    assert [m.name for m in version.materials.all()] == ["食品经营许可申请书", "营业执照"]
    assert version.materials.all()[1].rongque_allowed is True
    assert sorted(version.service_objects.values_list("code", flat=True)) == ["1", "2"]
    assert version.levels == "3,4" and version.tongban_scope == "city"
    birth = Matter.objects.get(basic_code=BIRTH).current_version
    assert birth.legal_limit_days is None and birth.fees.get().amount_cents == 1000
    county = Implementation.objects.get(department=depts["county_market"])
    assert county.code == depts["county_market"].credit_code + "4" + FOOD
    assert county.place == "芙蓉区政务服务中心二楼"
    assert AuditEvent.objects.filter(action="catalog.import").count() == 1
