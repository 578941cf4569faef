"""In a real browser: from the 综合窗口 the clerk opens 实名核验, types the number on the person's
居民身份证, finds the account, ticks the confirmation and records the check — by keyboard labels
alone, with the ID number never in the address bar."""

import pytest

from tongban.accounts.identity import record_verification
from tongban.accounts.models import AssuranceLevel, VerificationMethod
from tongban.cases.tests.builders import make_world
from tongban.core.tests.browser import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)



def test_the_clerk_records_an_in_person_check(page, live_server):
    w = make_world()
    card = w.applicant.id_number
    record_verification(w.applicant, w.applicant, id_number=card, name="张三",
                        method=VerificationMethod.SELF_DECLARED)
    log_in(page, live_server, w.clerk)
    urls = []
    page.on("framenavigated", lambda frame: urls.append(frame.url))

    page.goto("/desk/")
    page.get_by_label("申请人证件号码").fill(card)
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    assert "已注册平台账号" in page.locator("main").inner_text()

    page.get_by_role("link", name="实名核验（窗口当面核验，三级）").click()
    page.get_by_label("居民身份证号码").fill(card)
    page.get_by_role("button", name="查找账户").click()
    page.wait_for_load_state()
    assert page.get_by_label("姓名（与居民身份证一致）").input_value() == "张三"
    page.get_by_role("button", name="记录当面核验（三级）").click()
    page.wait_for_load_state()
    assert "请确认已当面查验居民身份证原件" in page.locator("main").inner_text()  # not ticked yet

    page.get_by_label("我已当面查验本人居民身份证原件：证件真实有效，本人与证件照片一致").check()
    page.get_by_role("button", name="记录当面核验（三级）").click()
    page.wait_for_load_state()
    assert "记录窗口当面核验，实名等级：三级（窗口当面核验）" in page.locator(".flash").inner_text()

    w.applicant.refresh_from_db()
    assert w.applicant.identity_level == AssuranceLevel.IN_PERSON
    assert urls and not any(card in u or card.lower() in u for u in urls)
    assert page.js_errors == []
