"""Export the catalogue, import it into an empty catalogue: every element comes back the same."""

import openpyxl
import pytest

from tongban.catalog.excel import export_matters_file, import_matters_file
from tongban.catalog.models import Implementation, Matter
from tongban.catalog.services import add_implementation, publish_spec
from tongban.catalog.spec import version_spec
from tongban.catalog.tests.builders import matter_spec
from tongban.catalog.tests.excel_builders import catalogue_counts, small_city

pytestmark = pytest.mark.django_db

LOCAL = {"place": "芙蓉区政务服务中心一楼", "hours": "周一至周五 9:00-17:00\n周六 9:00-12:00",
         "consult_phone": "12345", "supervise_phone": "0739-12345"}


def _catalogue(depts):
    tricky = matter_spec(
        name="=SUM(A1)（以等号开头的名称）", legal_basis="第一行\n第二行", limit_note="不含公示时间",
        levels="3,4,5", tongban_scope="cross_city", intermediary="", quantity_limit="无数量限制",
        categories=["P-T17", "O-T05"],  # both named 税收财务: exported as codes
        has_fee=True, supports_express=True, visits_required=1, online_depth=4, legal_limit_days=None,
        fees=[{"name": "工本费", "standard": "每证12.5元", "amount_cents": 1250,
               "basis": "价费字〔2020〕1号"},
              {"name": "加急费", "standard": "面议"}],
        faqs=[{"question": "要带原件吗？", "answer": "需要。"}],
        materials=[{"name": "申请书", "form": "both", "copies": 2, "required": False,
                    "necessity_note": "委托时提供",
                    "source": "exempt", "rongque_allowed": True, "paper_spec": "", "notes": "签字"}],
        steps=[{"name": "受理", "limit_days": 0},
               {"name": "审查", "actor": "科室", "description": "书面审查"}],
        results=[{"name": "批复", "kind": "approval"}],
    )
    version, _ = publish_spec(None, basic_code="000201035000", owner_department=depts["city_market"],
                              spec=tricky)
    add_implementation(None, version.matter, depts["city_market"], **LOCAL)
    add_implementation(None, version.matter, depts["county_market"], **{**LOCAL, "consult_phone": "0739-1"})
    other, _ = publish_spec(None, basic_code="000120001000", owner_department=depts["city_health"],
                            spec=matter_spec(name="出生医学证明办理", matter_type="20", case_kind=1,
                                             promised_limit_days=0, levels="3"))
    add_implementation(None, other.matter, depts["city_health"], **LOCAL)


def _snapshot():
    specs = {m.basic_code: (m.owner_department_id, version_spec(m.current_version))
             for m in Matter.objects.all()}
    impls = sorted(Implementation.objects.values_list("code", "department_id", "level", "place", "hours",
                                                      "consult_phone", "supervise_phone"))
    return specs, impls


def _cells(path):
    book = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}


def test_export_then_import_into_an_empty_catalogue_restores_everything(tmp_path):
    depts = small_city()
    _catalogue(depts)
    before = _snapshot()
    path = tmp_path / "export.xlsx"
    assert export_matters_file(path) == 3

    # Re-importing into the same catalogue changes nothing at all.
    same = import_matters_file(path)
    assert same.ok and (same.created, same.updated, same.unchanged) == (0, 0, 3), str(same)

    Implementation.objects.all().delete()
    Matter.objects.all().delete()
    assert catalogue_counts() == (0, 0)
    report = import_matters_file(path)

    assert report.ok, str(report)
    assert report.created == 3
    assert _snapshot()[0] == before[0]
    assert _snapshot()[1] == before[1]
    again = tmp_path / "again.xlsx"
    export_matters_file(again)
    assert _cells(again) == _cells(path)


def test_exported_text_starting_with_an_equals_sign_is_text_not_a_formula(tmp_path):
    _catalogue(small_city())
    path = tmp_path / "export.xlsx"
    export_matters_file(path)
    ws = openpyxl.load_workbook(path)["实施清单"]
    names = [row[2] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert "=SUM(A1)（以等号开头的名称）" in names
    cell = next(c for c in ws["C"] if c.value == "=SUM(A1)（以等号开头的名称）")
    assert cell.data_type == "s"
