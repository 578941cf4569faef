"""On a phone: the holder opens 我的证照, opens a licence, makes a 7-day share link, and someone
else opens that link and sees that the licence is valid."""

import pytest

from tongban.core.tests.browser import log_in
from tongban.licences.tests.builders import issue_for, licence_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def browser_context_args():
    return {"viewport": {"width": 390, "height": 844}, "locale": "zh-CN", "is_mobile": True, "has_touch": True}


def test_open_wallet_share_a_link_and_verify_it(page, live_server, browser):
    w = licence_world()
    licence = issue_for(w)
    log_in(page, live_server, w.applicant)

    page.goto("/my/licences/")
    card = page.locator(".licence-card").filter(has_text=licence.number)
    assert card.is_visible() and "有效" in card.inner_text()
    card.get_by_role("link", name="食品经营许可证").click()
    page.wait_for_url(f"**/my/licences/{licence.identifier}/")
    assert page.get_by_role("heading", name="核验结果：有效", exact=False).is_visible()
    assert page.locator(".qr-box svg").is_visible()
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("7天").check()
    page.get_by_role("button", name="生成分享链接").click()
    link = page.get_by_label("分享链接", exact=False).input_value()
    assert "/licences/shared/" in link

    other = browser.new_context(base_url=live_server.url)
    try:
        stranger = other.new_page()
        stranger.goto(link)
        assert stranger.get_by_role("heading", name="核验结果：有效", exact=False).is_visible()
        assert licence.number in stranger.content()
        assert w.applicant.id_number not in stranger.content()
    finally:
        other.close()
    assert page.js_errors == []
