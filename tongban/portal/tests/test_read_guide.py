"""A citizen opens a guide and finds every element of the 办事指南 on the page."""

import re

import pytest

from tongban.portal.tests.builders import CITY_HOURS, CITY_PLACE, make_full_guide

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_element_of_the_guide_is_visible(page):
    impl, sibling = make_full_guide()
    page.goto(f"/guide/{impl.code}/")

    assert page.title().startswith("食品经营许可（新办）")
    assert page.get_by_role("heading", level=1).inner_text() == "食品经营许可（新办）"

    def row(label):
        header = page.locator("th", has_text=label)
        return page.locator("table.kv tr", has=header).first.locator("td").inner_text()

    basic = page.locator("#basic")
    expected = {
        "事项类型": "行政许可（01）",
        "基本编码": "000201035000",
        "实施编码": impl.code,
        "实施主体": "云川市市场监督管理局",
        "实施主体统一社会信用代码": impl.department.credit_code,
        "行使层级": "市级（标准行使层级：市级、县级）",
        "服务对象": "自然人、企业法人",
        "办件类型": "承诺件",
        "法定办结时限": "10个工作日",
        "承诺办结时限": "5个工作日（现场核查时间不计入）",
        "到办事现场次数": "1次",
        "网上办理深度": "网上受理、网上办理（四星）",
        "是否支持预约办理": "是",
        "是否支持网上支付": "是",
        "是否支持物流快递": "是",
        "通办范围": "跨省通办",
        "是否收费": "是",
        "中介服务": "无（不涉及中介服务）",
        "数量限制": "无数量限制",
        "版本": "第1版",
    }
    for label, value in expected.items():
        assert row(label) == value, label
    assert row("发布日期")[:2] == "20"
    assert "《中华人民共和国食品安全法》第三十五条" in basic.inner_text()  # 设定依据

    assert "有专职或者兼职的食品安全管理人员" in page.locator("#conditions").inner_text()

    # 申请材料: one row per material, with every column.
    materials = page.locator("#materials")
    headers = materials.locator("thead th").all_inner_texts()
    assert headers == ["序号", "材料名称", "材料形式", "份数", "必要性", "来源渠道", "容缺", "空白表格",
                       "示例样表", "填报须知"]
    rows = materials.locator("tbody tr")
    assert rows.count() == 3
    first = rows.nth(0).locator("td").all_inner_texts()
    assert first[1] == "食品经营许可申请书"
    assert first[2] == "原件（A4）"
    assert first[3] == "1"
    assert first[4] == "必要（关键材料）"
    assert first[5] == "申请人自备"
    assert first[6] == "否"
    assert "下载空白表格" in first[7] and "下载示例样表" in first[8]
    assert first[9] == "申请人签字并加盖公章"
    second = rows.nth(1).locator("td").all_inner_texts()
    assert second[2] == "复印件（A4）" and second[3] == "2"
    assert second[5] == "政府部门核发（由市场监管部门核发）"
    third = rows.nth(2).locator("td").all_inner_texts()
    assert third[4] == "非必要（连锁经营的提供）"
    assert third[5] == "免提交（电子证照或数据共享）"
    assert third[6] == "可容缺"

    # The blank form downloads through the portal (MEDIA_ROOT is not served).
    with page.expect_download() as info:
        materials.get_by_role("link", name=re.compile("下载空白表格.*食品经营许可申请书")).click()
    download = info.value
    assert download.suggested_filename == "食品经营许可申请书-空白表格.docx"
    with open(download.path(), "rb") as fh:
        assert fh.read() == b"blank form bytes"

    steps = page.locator("#process ol.steps > li")
    assert steps.count() == 4
    assert [s.split("\n")[0].strip() for s in steps.all_inner_texts()][:2] == ["申请", "受理1个工作日"]
    assert "对申请材料进行审查，必要时现场核查" in steps.nth(2).inner_text()

    fees = page.locator("#fees").inner_text()
    for text in ("食品经营许可证工本费", "每证10元", "《行政事业性收费标准》", "小微企业免收"):
        assert text in fees

    results = page.locator("#results").inner_text()
    for text in ("食品经营许可证", "证照", "5年", "窗口领取；邮政快递送达"):
        assert text in results

    where = page.locator("#where").inner_text()
    for text in (CITY_PLACE, CITY_HOURS, "0739-5201234", "0739-5209999", "云川市人民大道88号"):
        assert text in where

    faq = page.locator("#faq").inner_text()
    assert "办理食品经营许可需要现场核查吗？" in faq and "仅经营散装熟食等高风险食品的需要现场核查。" in faq

    siblings = page.locator("#siblings")
    assert "云溪区市场监督管理局" in siblings.inner_text() and "县级" in siblings.inner_text()

    # 打印 and 下载PDF buttons, and the QR code.
    assert page.get_by_role("button", name="打印").is_visible()
    assert page.get_by_role("link", name="下载PDF").get_attribute("href") == f"/guide/{impl.code}/pdf"
    assert page.locator("#guide-qr svg").is_visible()

    # Following the sibling link opens the county's guide with the same standard elements.
    siblings.get_by_role("link", name="云溪区市场监督管理局").click()
    page.wait_for_url(f"**/guide/{sibling.code}/")
    assert row("实施编码") == sibling.code
    assert row("行使层级").startswith("县级")
    assert page.js_errors == []


def test_a_cancelled_entry_has_no_guide(page):
    from tongban.catalog.services import cancel_implementation

    impl, _ = make_full_guide()
    cancel_implementation(None, impl, "机构改革")
    response = page.goto(f"/guide/{impl.code}/")
    assert response.status == 404
