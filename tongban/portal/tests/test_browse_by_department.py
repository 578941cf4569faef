"""A citizen looks a department up in the list by division and opens its matters."""

import pytest

from tongban.portal.tests.builders import make_small_catalogue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_find_a_department_and_its_matters(page):
    data = make_small_catalogue()
    page.goto("/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="部门").click()
    page.wait_for_url("**/departments/")

    city = page.get_by_role("region", name="云川市", exact=True)
    district = page.get_by_role("region", name="云川市云溪区")
    assert "云川市卫生健康委员会" in city.inner_text() and "云川市市场监督管理局" in city.inner_text()
    assert "云溪区卫生健康局" in district.inner_text()
    assert "云川市卫生健康委员会" not in district.inner_text()
    assert "2 项" in city.locator("a.tile", has_text="云川市卫生健康委员会").inner_text()

    city.get_by_role("link", name="云川市卫生健康委员会").click()
    page.wait_for_url(f"**/departments/{data['health'].pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "云川市卫生健康委员会"
    assert data["health"].credit_code in page.locator("main").inner_text()
    assert page.locator(".matter-list a.name").all_inner_texts() == ["出生医学证明签发", "生育登记"]

    page.get_by_role("link", name="生育登记").click()
    page.wait_for_url(f"**/guide/{data['registration'].code}/")
    # The breadcrumb leads back to the department.
    page.get_by_role("navigation", name="当前位置").get_by_role("link", name="云川市卫生健康委员会").click()
    page.wait_for_url(f"**/departments/{data['health'].pk}/")


def test_browse_filter_by_department_and_level(page):
    data = make_small_catalogue()
    page.goto(f"/browse/?department={data['county_health'].pk}")
    assert page.locator("#f-department").input_value() == str(data["county_health"].pk)
    assert page.locator("#browse-results a.name").all_inner_texts() == ["出生医学证明签发"]
    page.goto("/browse/?level=3&type=20")
    assert page.locator("#browse-results a.name").all_inner_texts() == ["出生医学证明签发", "生育登记"]
