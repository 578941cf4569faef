"""A parent-to-be browses 个人办事 by life event (出生) and narrows the list to their district."""

import pytest

from tongban.portal.tests.builders import make_simple_matter, make_small_catalogue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def names(page):
    return page.locator("#browse-results .matter-list a.name").all_inner_texts()


def test_browse_births_then_narrow_to_a_district(page):
    data = make_small_catalogue()
    page.goto("/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="个人办事").click()
    page.wait_for_url("**/personal/")
    assert page.get_by_role("heading", name="按人生阶段").is_visible()
    tile = page.locator("a.tile", has_text="出生")
    assert "2 项" in tile.inner_text()  # the city's and the district's entry
    tile.click()
    page.wait_for_url("**/browse/?object=1&category=P-L01")
    assert page.locator("#f-category").input_value() == "P-L01"
    assert names(page) == ["出生医学证明签发", "出生医学证明签发"]  # city and district entries
    assert "生育登记" not in names(page) and "食品经营许可（新办）" not in names(page)
    assert "共 2 项（出生）" in page.get_by_role("status").inner_text()

    # Narrow to the district: HTMX swaps the results in place and keeps the address shareable.
    page.evaluate("() => { window.__marker = 'same page'; }")
    page.locator("#f-division").select_option(data["county"].code)
    page.wait_for_url(f"**/browse/?*division={data['county'].code}*")
    page.wait_for_function("() => document.querySelectorAll('#browse-results a.name').length === 1")
    assert page.evaluate("window.__marker") == "same page"  # no full reload
    assert page.locator("#browse-results .meta").first.inner_text().startswith("云溪区卫生健康局")

    page.locator("#browse-results a.name").click()
    page.wait_for_url(f"**/guide/{data['county_birth'].code}/")
    assert page.get_by_role("heading", level=1).inner_text() == "出生医学证明签发"


def test_organisation_tiles_lead_to_company_matters(page):
    make_small_catalogue()
    page.goto("/organisation/")
    page.locator("a.tile", has_text="企业开办").click()
    page.wait_for_url("**/browse/?object=org&category=O-L01")
    assert names(page) == ["食品经营许可（新办）"]


def test_paging_works_without_javascript(browser, live_server):
    from tongban.catalog.tests.builders import make_department, make_division

    city = make_division()
    dept = make_department(city, name="云川市民政局", sector="civil")
    for i in range(23):
        make_simple_matter(dept, f"0001300{i:02d}000", f"婚姻登记事项{i:02d}", matter_type="07", levels="3",
                           service_objects=["1"], categories=["P-L04"])
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto("/browse/?object=1&category=P-L04")
        assert len(names(page)) == 20
        assert "共 23 项" in page.locator(".results-count").inner_text()
        page.get_by_role("link", name="下一页").click()
        page.wait_for_url("**page=2")
        assert names(page) == ["婚姻登记事项20", "婚姻登记事项21", "婚姻登记事项22"]
        # The filter form also works as a plain GET form.
        page.locator("#f-q").fill("事项05")
        page.get_by_role("button", name="筛选").click()
        page.wait_for_url("**q=*")
        assert names(page) == ["婚姻登记事项05"]
    finally:
        context.close()
