"""A citizen downloads the guide as a PDF: it opens, shows Chinese text and carries its own font."""

import re
import subprocess
from urllib.parse import unquote

import pytest

from tongban.portal.tests.builders import CITY_PLACE, make_full_guide


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_fonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_download_pdf_from_the_guide_page(page, tmp_path):
    impl, _ = make_full_guide()
    page.goto(f"/guide/{impl.code}/")
    with page.expect_download() as info:
        page.get_by_role("link", name="下载PDF").click()
    download = info.value
    assert download.suggested_filename == "办事指南-食品经营许可（新办）.pdf"
    path = tmp_path / "guide.pdf"
    download.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")

    text = pdf_text(path)
    compact = re.sub(r"\s+", "", text)
    expected_texts = (
        "办事指南", "食品经营许可（新办）", "一、基本信息", "实施编码", impl.code, "000201035000", "设定依据",
        "《中华人民共和国食品安全法》第三十五条", "受理条件", "申请材料", "食品经营许可申请书",
        "政府部门核发",
        "可容缺", "办理流程", "审查", "法定办结时限", "10个工作日", "承诺办结时限", "5个工作日", "收费",
        "每证10元", "办理结果", "食品经营许可证", "到办事现场次数", "跨省通办", CITY_PLACE, "0739-5201234",
        "常见问题", "办理食品经营许可需要现场核查吗？", "其他层级实施", "云溪区市场监督管理局", "第1页/共",
    )
    for expected in expected_texts:
        assert expected in compact, expected

    fonts = pdf_fonts(path)
    noto = [line for line in fonts.splitlines() if "NotoSansSC" in line]
    assert noto, fonts
    # columns: name type encoding emb sub uni → the CJK font is embedded and subset.
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in noto), fonts
    assert len(data) < 600_000  # subset, not the whole 8 MB font


@pytest.mark.django_db
def test_pdf_has_a_safe_download_name(client):
    impl, _ = make_full_guide()
    response = client.get(f"/guide/{impl.code}/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="guide-{impl.code}.pdf"; ')
    assert disposition.encode("ascii")  # header stays ASCII
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "办事指南-食品经营许可（新办）.pdf"


@pytest.mark.django_db
def test_unknown_guide_has_no_pdf(client):
    assert client.get("/guide/NOPE/pdf").status_code == 404
