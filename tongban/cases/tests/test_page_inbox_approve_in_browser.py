"""In a real browser: an approver opens the 办件箱, picks the case waiting for a decision and approves it."""

import pytest

from tongban.cases.models import ActionKind, Case, Outcome
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.staff_support import accepted_case
from tongban.core.tests.browser import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)



def test_approver_opens_inbox_and_approves(page, live_server):
    w = make_world()
    case = accepted_case(w)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision, comment="材料齐全，符合条件")
    log_in(page, live_server, w.approver)

    page.goto("/inbox/")
    decide_tab = page.get_by_role("link", name="待决定")
    assert "1" in decide_tab.inner_text()
    decide_tab.click()
    page.wait_for_url("**/inbox/?queue=decide")
    row = page.get_by_role("row").filter(has_text=case.number)
    assert "张三" not in row.inner_text() or "4301" in row.inner_text()  # masked ID beside the name
    assert "正常" in row.inner_text()
    row.get_by_role("link", name=case.number).click()
    page.wait_for_url(f"**/inbox/cases/{case.number}/")

    page.locator("summary", has_text="准予").first.click()
    page.get_by_label("食品经营许可证编号").fill("JY14314000000009")
    page.get_by_label("决定意见").fill("经审查符合《食品经营许可审查通则》，准予许可。")
    page.get_by_role("button", name="确认准予").click()

    page.wait_for_load_state()
    flash = page.get_by_role("status").filter(has_text="已准予")
    assert case.number in flash.inner_text()
    case = Case.objects.get(pk=case.pk)
    assert case.outcome == Outcome.APPROVED
    assert case.results.get().number == "JY14314000000009"
    assert page.get_by_role("link", name="准予许可决定书（PDF）").is_visible()
    assert page.js_errors == []
