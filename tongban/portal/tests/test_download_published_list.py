"""A journalist opens the published lists (政务服务事项目录, 公共服务事项目录) and downloads them as Excel."""

import io

import pytest
from openpyxl import load_workbook

from tongban.portal.tests.builders import make_small_catalogue

HEADER = ["序号", "事项名称", "事项类型", "基本编码", "实施编码", "实施主体", "实施主体统一社会信用代码",
          "行使层级", "服务对象", "办件类型", "法定时限", "承诺时限", "是否收费", "到办事现场次数",
          "网上办理深度", "通办范围", "办理地点", "咨询电话"]


def rows_of(path_or_bytes):
    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    ws = load_workbook(src, read_only=True).worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_download_the_public_services_list(page, tmp_path):
    data = make_small_catalogue()
    page.goto("/")
    page.get_by_role("link", name="公共服务事项目录").click()
    page.wait_for_url("**/lists/public-services/")
    assert page.get_by_role("heading", level=1).inner_text() == "公共服务事项目录"
    table = page.locator("main table")
    assert table.locator("tbody tr").count() == 3  # 出生医学证明 (city, district), 生育登记
    assert "食品经营许可（新办）" not in table.inner_text()  # a licence is a 政务服务 matter

    with page.expect_download() as info:
        page.get_by_role("link", name="下载Excel").click()
    assert info.value.suggested_filename == "公共服务事项目录.xlsx"
    path = tmp_path / "list.xlsx"
    info.value.save_as(path)
    rows = rows_of(path)
    assert rows[0] == HEADER
    assert [r[0] for r in rows[1:]] == [1, 2, 3]
    birth = rows[1]
    assert birth[1:9] == ["出生医学证明签发", "公共服务", "000120001000", data["birth"].code,
                          "云川市卫生健康委员会", data["health"].credit_code, "市级", "自然人"]
    assert birth[10:13] == ["法律法规未规定", "1个工作日", "否"]
    assert rows[2][5] == "云川市卫生健康委员会" and rows[2][1] == "生育登记"
    assert rows[3][5] == "云溪区卫生健康局" and rows[3][7] == "县级"

    # Narrowed to the district, the page and the file hold the district's entry only.
    page.locator("#l-division").select_option(data["county"].code)
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(f"**division={data['county'].code}")
    assert page.locator("main table tbody tr").count() == 1
    with page.expect_download() as info:
        page.get_by_role("link", name="下载Excel").click()
    assert info.value.suggested_filename == f"公共服务事项目录-{data['county'].code}.xlsx"
    info.value.save_as(tmp_path / "district.xlsx")
    rows = rows_of(tmp_path / "district.xlsx")
    assert len(rows) == 2 and rows[1][4] == data["county_birth"].code


@pytest.mark.django_db
def test_government_services_list_holds_applied_for_matters_only(client):
    data = make_small_catalogue()
    response = client.get("/lists/government-services.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = rows_of(response.content)
    assert rows[0] == HEADER
    assert [(r[1], r[2], r[4]) for r in rows[1:]] == [("食品经营许可（新办）", "行政许可", data["food"].code)]
    page = client.get("/lists/government-services/")
    assert "食品经营许可（新办）" in page.content.decode() and "出生医学证明签发" not in page.content.decode()
    assert client.get("/lists/unknown/").status_code == 404
