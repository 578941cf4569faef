"""Staff act on a case through the API: their department only, the right role, never twice."""

import pytest

from tongban.cases.models import Case
from tongban.cases.tests.api_support import accepted, call, walk_in_without
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def _act(client, case, action, revision=None, **body):
    return call(client, "POST", f"/api/v1/cases/{case.number}/actions",
                {"action": action, "expected_revision": case.revision if revision is None else revision, **body})


def test_clerk_accepts_and_the_clock_starts(client, w):
    case = submitted_case(w)
    client.force_login(w.clerk)

    res = _act(client, case, "accept", comment="材料齐全")

    assert res.status_code == 200, res.content
    body = res.json()
    assert body["phase"]["code"] == "processing" and body["state"] == "审查"
    assert body["revision"] > case.revision
    assert body["deadline"]["state"] == "normal" and body["deadline"]["remaining"] == 5
    assert body["timeline"][-1]["label"] == "受理" and body["timeline"][-1]["comment"] == "材料齐全"


def test_approver_of_another_department_cannot_find_the_case(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.police_approver)
    res = _act(client, case, "advance")
    assert res.status_code == 404
    assert Case.objects.get(pk=case.pk).state.code == "review"


def test_a_clerk_may_not_take_the_approvers_step(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.clerk)
    res = _act(client, case, "advance")
    assert res.status_code == 403
    assert res.json()["code"] == "forbidden" and "审批人员" in res.json()["message"]


def test_a_stale_revision_is_a_409_naming_who_was_first(client, w):
    case = submitted_case(w)
    seen = case.revision
    accepted(w, case)  # another clerk was quicker
    client.force_login(w.approver)
    res = _act(client, case, "refuse", revision=seen, comment="不属于本机关职权范围")
    assert res.status_code == 409
    body = res.json()
    assert body["code"] == "conflict"
    assert "已被他人处理" in body["message"] and "窗口王芳" in body["message"]
    assert Case.objects.get(pk=case.pk).phase == "processing"


def test_an_action_the_step_does_not_have_is_refused(client, w):
    case = submitted_case(w)
    client.force_login(w.approver)
    res = _act(client, case, "approve")
    assert res.status_code == 422 and "“受理”环节不能执行“准予”" in res.json()["message"]
    res = _act(client, case, "explode")
    assert res.status_code == 422 and "办理动作取值不在允许范围内" in res.json()["message"]


def test_reasons_and_parameters_are_checked_field_by_field(client, w):
    case = walk_in_without(w, "食品安全管理制度")
    client.force_login(w.clerk)

    no_reason = _act(client, case, "refuse")
    assert no_reason.status_code == 422
    assert no_reason.json()["fields"] == {"comment": ["请写明不予受理的理由"]}

    bad_date = _act(client, case, "accept_rongque", params={"materials": [w.materials["食品安全管理制度"].pk],
                                                           "due_on": "下周五"})
    assert bad_date.status_code == 422
    assert bad_date.json()["fields"] == {"params.due_on": ["承诺补齐日期应为日期（YYYY-MM-DD）"]}

    stray = _act(client, case, "accept", params={"due_on": "2026-12-01"})
    assert stray.status_code == 422 and stray.json()["fields"] == {"params.due_on": ["不支持的字段“due_on”"]}

    core = _act(client, case, "accept_rongque", params={"materials": [w.materials["经营场所平面图"].pk],
                                                       "due_on": "2099-01-01"})
    assert core.status_code == 422 and "params.materials" in core.json()["fields"]


def test_rongque_with_parameters_goes_through(client, w):
    case = walk_in_without(w, "食品安全管理制度")
    client.force_login(w.clerk)
    res = _act(client, case, "accept_rongque", params={"materials": [w.materials["食品安全管理制度"].pk],
                                                      "due_on": "2099-01-01"})
    assert res.status_code == 200, res.content
    body = res.json()
    assert body["accept_mode"]["label"] == "容缺受理"
    assert body["pending_materials"][0]["name"] == "食品安全管理制度"
    assert body["deadline"]["state"] == "paused"


def test_correction_is_told_once_with_every_item(client, w):
    case = submitted_case(w)
    client.force_login(w.clerk)
    items = [{"material_id": w.materials["经营场所平面图"].pk, "name": "经营场所平面图", "problem": "未标注面积"},
             {"name": "申请表", "problem": "经营项目与场所不符"}]
    res = _act(client, case, "request_correction", params={"items": items, "note": "请一并补正"})
    assert res.status_code == 200, res.content
    assert res.json()["phase"]["code"] == "correction"



def test_a_correction_item_without_the_problem_is_named(client, w):
    case = submitted_case(w)
    client.force_login(w.clerk)
    res = _act(client, case, "request_correction", params={"items": [{"name": "经营场所平面图"}]})
    assert res.status_code == 422
    assert res.json()["fields"] == {"params.items.0.problem": ["补正事项为必填项"]}
