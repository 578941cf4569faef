"""一次性告知 from the workbench: one row per item (a material, or 其他 with its name), all at once."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import Case, Phase
from tongban.cases.services import intake
from tongban.cases.tests.builders import fill_and_upload, make_world
from tongban.cases.tests.staff_support import TODAY

pytestmark = pytest.mark.django_db


@freeze_time(TODAY)
def test_clerk_lists_every_item_at_once(client):
    w = make_world()
    # At the window the clerk may register without every scan, then list what is missing.
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三")
    case = intake.submit(w.clerk, fill_and_upload(w, case, skip=("经营场所平面图",), actor=w.clerk))
    plan = w.materials["经营场所平面图"]
    client.force_login(w.clerk)

    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    # The form starts with a row for the missing material.
    assert f'<option value="{plan.pk}" selected>' in page and "未提交该材料" in page

    data = {"action": "request_correction", "expected_revision": case.revision, "rows": "3",
            "item-0-material": str(plan.pk), "item-0-problem": "未提交，请补充经营场所平面图",
            "item-1-material": "other", "item-1-name": "法定代表人签字", "item-1-problem": "申请书未签字",
            "item-2-material": str(w.materials["食品安全管理制度"].pk), "item-2-problem": "",
            "note": "请一次补齐"}
    r = client.post(f"/inbox/cases/{case.number}/act/", data)
    assert r.status_code == 422  # a chosen row without a problem is pointed out, not silently dropped
    page = r.content.decode()
    assert "第3行" in page and "申请书未签字" in page and "请一次补齐" in page

    data["item-2-material"] = ""
    r = client.post(f"/inbox/cases/{case.number}/act/", data)
    assert r.status_code == 302
    case = Case.objects.get(pk=case.pk)
    assert case.phase == Phase.CORRECTION
    items = case.corrections.get().items
    assert [i["name"] for i in items] == ["经营场所平面图", "法定代表人签字"]
    assert items[0]["material_id"] == plan.pk and items[1]["material_id"] is None
    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert "补正材料一次性告知书（PDF）" in page and "等待申请人补正" in page
