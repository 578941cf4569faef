"""A foreign resident switches the portal to English; the choice sticks, matter content stays Chinese."""

import pytest

from tongban.portal.tests.builders import make_full_guide

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_switch_language_on_a_guide(page):
    impl, _ = make_full_guide()
    page.goto(f"/guide/{impl.code}/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"

    page.get_by_label("语言").select_option("en")
    page.get_by_role("button", name="切换").click()
    page.wait_for_url(f"**/guide/{impl.code}/")  # back on the same page
    assert page.locator("html").get_attribute("lang") == "en"
    nav = page.get_by_role("navigation", name="Main navigation")
    assert nav.get_by_role("link").all_inner_texts() == ["Home", "Personal services", "Business services",
                                                         "Departments", "Catalogues"]
    assert page.get_by_role("heading", name="Basic information").is_visible()
    assert page.get_by_role("heading", name="Application materials").is_visible()
    assert page.get_by_role("link", name="Download PDF").is_visible()
    assert page.get_by_role("button", name="Print").is_visible()
    assert page.get_by_role("link", name="Skip to main content").count() == 1
    # The matter's own content is published in Chinese only.
    assert page.get_by_role("heading", level=1).inner_text() == "食品经营许可（新办）"
    assert "Implementation code" in page.locator("#basic").inner_text()

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Home").click()
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_label("Language").select_option("zh-hans")
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_role("navigation", name="主导航").get_by_role("link", name="个人办事").is_visible()
