"""Importing the same file twice: the second run changes nothing and says so."""

import pytest

from tongban.catalog.excel import import_matters_file
from tongban.catalog.models import Implementation, MatterVersion
from tongban.catalog.tests.excel_builders import FOOD, sample_sheets, small_city, write_book

pytestmark = pytest.mark.django_db


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    depts = small_city()
    path = write_book(tmp_path / "list.xlsx", sample_sheets(depts))
    assert import_matters_file(path).ok
    stamps = dict(Implementation.objects.values_list("code", "updated_at"))

    again = import_matters_file(path)

    assert again.ok, str(again)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert (again.matters_created, again.matters_updated) == (0, 0)
    assert MatterVersion.objects.count() == 2
    assert dict(Implementation.objects.values_list("code", "updated_at")) == stamps
    assert "新增0条，更新0条，未变化3条" in str(again)


def test_changing_a_phone_updates_only_that_entry_and_a_time_limit_publishes_a_new_version(tmp_path):
    depts = small_city()
    assert import_matters_file(write_book(tmp_path / "v1.xlsx", sample_sheets(depts))).ok
    sheets = sample_sheets(depts)
    sheets["实施清单"][1]["咨询电话"] = "0739-88888888"

    report = import_matters_file(write_book(tmp_path / "v2.xlsx", sheets))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 2), str(report)
    assert Implementation.objects.get(department=depts["county_market"]).consult_phone == "0739-88888888"

    for row in sheets["实施清单"][:2]:
        row["承诺办结时限（工作日）"] = 3
    report = import_matters_file(write_book(tmp_path / "v3.xlsx", sheets))

    assert (report.created, report.updated, report.unchanged, report.matters_updated) == (0, 2, 1, 1)
    versions = MatterVersion.objects.filter(matter__basic_code=FOOD).order_by("number")
    assert [(v.number, v.promised_limit_days) for v in versions] == [(1, 5), (2, 3)]
