"""Every public page fits a 390px phone and a 1280px desktop without sideways scrolling.

The screenshots land in $TONGBAN_SCREENSHOTS (default /tmp/tb_portal_shots) for a person to look at.
"""

import os
from pathlib import Path

import pytest

from tongban.catalog.services import add_implementation
from tongban.catalog.tests.builders import make_department
from tongban.portal.tests.builders import CITY_HOURS, make_full_guide, make_simple_matter

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path(os.environ.get("TONGBAN_SCREENSHOTS", "/tmp/tb_portal_shots"))
# Controls outside running text must be at least 24×24 CSS px (WCAG 2.2, 2.5.8 目标尺寸).
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'button, select, input:not([type=hidden]), .btn, .btn-small, .tile, .main-nav a, .breadcrumb a, .toc a')]
  .filter(el => el.offsetParent !== null && !el.closest('.visually-hidden'))
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width < 24 || r.height < 24)
  .map(([el, r]) => `${el.tagName} ${(el.textContent || el.name || '').trim().slice(0, 12)} ${Math.round(r.width)}×${Math.round(r.height)}`)"""
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def seed():
    impl, sibling = make_full_guide()
    city, county = impl.department.division, sibling.department.division
    health = make_department(city, name="云川市卫生健康委员会", sector="health")
    county_health = make_department(county, name="云溪区卫生健康局", sector="health")
    birth = make_simple_matter(health, "000120001000", "出生医学证明签发", matter_type="20", levels="3,4",
                               service_objects=["1"], categories=["P-L01", "P-T01"], legal_limit_days=None,
                               promised_limit_days=1)
    add_implementation(None, birth.matter, county_health, place="云溪区政务服务中心", hours=CITY_HOURS,
                       consult_phone="0739-6200001", supervise_phone="0739-6200002")
    make_simple_matter(health, "000120002000", "生育登记", matter_type="20", levels="3",
                       service_objects=["1"], categories=["P-L05"], legal_limit_days=None,
                       promised_limit_days=0, case_kind=1)
    return impl


@pytest.mark.parametrize("device", VIEWPORTS)
def test_pages_fit_the_screen(browser, live_server, device):
    impl = seed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[device], locale="zh-CN")
    page = context.new_page()
    pages = {
        "home": "/", "guide": f"/guide/{impl.code}/", "personal": "/personal/",
        "organisation": "/organisation/",
        "departments": "/departments/", "department": f"/departments/{impl.department_id}/",
        "browse": "/browse/?object=1", "list": "/lists/public-services/", "login": "/accounts/login/",
        "search": "/search/?q=%E5%87%BA%E7%94%9F",
    }
    try:
        for name, url in pages.items():
            response = page.goto(url)
            assert response.status == 200, url
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            page.screenshot(path=str(SHOTS / f"{name}-{device}.png"), full_page=True)
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px on {device}"
            small = page.evaluate(SMALL_TARGETS)
            assert not small, f"{url} has controls smaller than 24×24 px on {device}: {small}"
        # Large-text mode on a phone must still fit.
        page.goto(f"/guide/{impl.code}/")
        page.get_by_role("button", name="大字版").click()
        page.wait_for_url(f"**/guide/{impl.code}/")
        page.screenshot(path=str(SHOTS / f"guide-large-{device}.png"), full_page=True)
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()
