"""The export download holds only the entries of the departments the editor maintains."""

import io

import openpyxl
import pytest
from django.urls import reverse

from tongban.accounts.models import Role, StaffRole
from tongban.catalog.excel import import_matters_file
from tongban.catalog.tests.excel_builders import (
    BIRTH,
    FOOD,
    make_editor,
    sample_sheets,
    small_city,
    write_book,
)
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _download(client, user):
    client.force_login(user)
    response = client.get(reverse("catalog-export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return {ws.title: list(ws.iter_rows(min_row=2, values_only=True)) for ws in book}


def test_a_county_editor_downloads_only_county_entries(client, tmp_path):
    depts = small_city()
    assert import_matters_file(write_book(tmp_path / "all.xlsx", sample_sheets(depts))).ok
    county_editor = make_editor(depts["county_market"], "county-editor")

    sheets = _download(client, county_editor)

    assert [(r[1], r[5]) for r in sheets["实施清单"]] == [(FOOD, depts["county_market"].credit_code)]
    assert {r[0] for r in sheets["申请材料"]} == {FOOD}  # materials of the exported matters only
    assert AuditEvent.objects.filter(action="catalog.export", actor=county_editor).exists()


def test_a_platform_admin_downloads_everything_and_the_template_is_empty(client, tmp_path):
    depts = small_city()
    assert import_matters_file(write_book(tmp_path / "all.xlsx", sample_sheets(depts))).ok
    admin = make_editor(depts["city_health"], "admin")
    StaffRole.objects.create(user=admin, role=Role.ADMIN, division=depts["city"])

    sheets = _download(client, admin)

    assert sorted(r[1] for r in sheets["实施清单"]) == [BIRTH, FOOD, FOOD]
    template = client.get(reverse("catalog-import-template"))
    book = openpyxl.load_workbook(io.BytesIO(template.content))
    assert book.sheetnames == ["实施清单", "申请材料", "办理流程", "收费项目", "办理结果", "常见问题",
                               "填写说明"]
    assert book["实施清单"].max_row == 1 and book["实施清单"].freeze_panes == "D2"
