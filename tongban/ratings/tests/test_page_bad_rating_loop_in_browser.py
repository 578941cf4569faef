"""In a real browser, on a phone for the rater: 非常不满意 from the QR link, then the department and
督办 work the loop page by page, the rater reads the answer, and the history names who did what when."""

import pytest

from tongban.core.tests.browser import log_in
from tongban.ratings.models import BadRatingReview, ReviewStatus
from tongban.ratings.tests.support import completed_case, rate_link, world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "zh-CN", "is_mobile": True, "has_touch": True}


def test_bad_rating_from_phone_to_closure(browser, live_server, page):
    w = world()
    case = completed_case(w)

    phone = browser.new_context(base_url=live_server.url, **PHONE)
    rater = phone.new_page()
    rater.goto(rate_link(case))
    choice = rater.get_by_role("group", name="您对这次办事满意吗？").get_by_label("非常不满意")
    box = rater.locator("label.level-1").bounding_box()
    assert box["height"] >= 48 and box["width"] >= 300  # a big target on a phone
    choice.check()
    rater.get_by_label("想说的话").fill("材料被退回三次，每次说法不一样。")
    rater.get_by_role("button", name="提交评价").click()
    rater.get_by_text("感谢您的评价！").wait_for()
    assert "核实中" in rater.locator(".loop-status").inner_text()

    log_in(page, live_server, w.approver)
    page.goto("/ratings/bad/")
    page.get_by_role("link", name=case.number).click()
    page.get_by_label("核实情况").fill("属实：窗口未一次性告知补正内容。")
    page.get_by_label("已接通").check()
    page.get_by_label("回访记录").fill("已致电张三致歉，说明整改安排。")
    page.get_by_role("button", name="提交核实回访").click()
    page.get_by_text("“核实回访”已完成").wait_for()
    page.get_by_label("整改", exact=True).check()
    page.get_by_label("整改措施或解释说明").fill("制作一次性告知清单，组织窗口培训。")
    page.get_by_role("button", name="提交处理方式").click()
    page.get_by_label("整改结果").fill("告知清单已上墙，培训已完成。")
    page.get_by_label("给评价人的反馈").fill("经核实情况属实，已整改，感谢您的监督。")
    page.get_by_role("button", name="提交整改结果").click()
    page.get_by_role("button", name="复核通过").click()
    page.get_by_text("“部门复核”已完成").wait_for()

    rater.reload()
    assert "经核实情况属实，已整改，感谢您的监督。" in rater.locator(".answer").inner_text()

    log_in(page, live_server, w.supervisor)
    page.goto("/ratings/bad/?queue=review")
    page.get_by_role("link", name=case.number).click()
    page.get_by_role("button", name="复核通过").click()
    page.get_by_role("button", name="复核通过并办结").click()
    page.get_by_text("差评整改已办结").first.wait_for()
    assert BadRatingReview.objects.get(rating__case=case).status == ReviewStatus.CLOSED

    rows = page.locator("section", has=page.get_by_role("heading", name="处理记录")).get_by_role("row")
    history = [rows.nth(i).inner_text() for i in range(rows.count())]
    for who, what in (("审批刘强", "核实并回访"), ("审批刘强", "整改完成"), ("审批刘强", "反馈评价人"),
                      ("督办周敏", "政务服务管理局复核通过"), ("督办周敏", "差评整改已办结")):
        assert any(who in row and what in row and "20" in row for row in history), (who, what, history)
    rater.reload()
    assert "已办结" in rater.locator(".loop-status").inner_text()
    assert page.js_errors == []
    phone.close()
