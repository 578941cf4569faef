"""In a real browser: a person opens 谁用了我的数据 and finds the approver's read with the case number."""

import pytest

from tongban.cases.tests.builders import submitted_case
from tongban.core.tests.browser import log_in
from tongban.registries import services
from tongban.registries.purposes import Purpose
from tongban.registries.tests.builders import grant, registry_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)



def test_the_person_sees_the_read_and_the_refused_attempt(page, live_server):
    w = registry_world()
    case = submitted_case(w)
    try:
        services.read(w.police_approver, w.population, w.applicant.id_number, purpose=Purpose.of_case(case),
                      fields=["name"])
    except services.RegistryAccessDenied:
        pass
    grant(w, w.population, ["name", "household_address"])
    services.read(w.approver, w.population, w.applicant.id_number, purpose=Purpose.of_case(case),
                  fields=["name", "household_address"])
    log_in(page, live_server, w.applicant)

    page.goto("/my/data-use/")
    assert page.get_by_role("heading", name="谁用了我的数据").is_visible()
    rows = page.get_by_role("row").filter(has_text=case.number)
    assert rows.count() == 2
    read = rows.filter(has_text="已读取")
    assert "云川市市场监督管理局" in read.inner_text() and "姓名、户籍地址" in read.inner_text()
    refused = rows.filter(has_text="已拒绝")
    assert "公安赵磊" in refused.inner_text() and "不能查询" in refused.inner_text()
    assert "共 1 次读取" in page.locator("main").inner_text()
    assert page.js_errors == []
