"""An older citizen turns on 大字版; the text grows and stays large on every page until turned off."""

import pytest

from tongban.portal.tests.builders import make_full_guide

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def font_px(page, selector="main p, main td"):
    return float(page.locator(selector).first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))


def test_large_text_mode_persists(page):
    impl, _ = make_full_guide()
    page.goto(f"/guide/{impl.code}/")
    normal = font_px(page)
    toggle = page.get_by_role("button", name="大字版")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    page.wait_for_url(f"**/guide/{impl.code}/")
    assert "large-text" in page.locator("html").get_attribute("class")
    assert font_px(page) >= normal * 1.2
    assert page.get_by_role("button", name="标准字号").get_attribute("aria-pressed") == "true"
    cookie = {c["name"]: c for c in page.context.cookies()}["large_text"]
    assert cookie["value"] == "1" and cookie["expires"] > 0  # persistent, not a session cookie

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="部门").click()
    page.wait_for_url("**/departments/")
    assert "large-text" in page.locator("html").get_attribute("class")

    page.get_by_role("button", name="标准字号").click()
    page.wait_for_url("**/departments/")
    assert "large-text" not in (page.locator("html").get_attribute("class") or "")


def test_toggle_refuses_to_redirect_elsewhere(client, db):
    response = client.post("/large-text/", {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/large-text/").status_code == 405
