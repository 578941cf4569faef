"""An approver extends the limit once, and stops the clock for a special procedure (行政许可法 §42, §45)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.cases.tests.api_support import accepted, call
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
# 行政许可法 §42 ¶1: the head of the body approves; the approver records it.
HEAD = {"approver_name": "李建国", "approver_position": "局长", "approved_on": "2026-11-02",
        "approval_document": "云市监审〔2026〕18号"}


@pytest.fixture
def w():
    return make_world()


def url(case, tail):
    return f"/api/v1/cases/{case.number}/{tail}"


@freeze_time(MONDAY)
def test_extension_moves_the_due_date_once(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.approver)
    before = call(client, "GET", f"/api/v1/cases/{case.number}").json()["deadline"]["due"]

    res = call(client, "POST", url(case, "extend"), {"days": 5, "reason": "需现场核实经营场所",
                                                     "expected_revision": case.revision, **HEAD})
    assert res.status_code == 200, res.content
    body = res.json()
    assert body["deadline"]["due"] > before and body["extension_days"] == 5
    assert "延长办理期限 5 个工作日，经局长李建国批准（2026-11-02，云市监审〔2026〕18号）" in [
        e["label"] for e in body["timeline"]]

    again = call(client, "POST", url(case, "extend"), {"days": 1, "reason": "再延",
                                                       "expected_revision": body["revision"], **HEAD})
    assert again.status_code == 422 and "已延期一次" in again.json()["message"]
    too_long = call(client, "POST", url(case, "extend"), {"days": 11, "reason": "x", "expected_revision": 0})
    assert too_long.status_code == 409  # the stale revision is caught before anything else


@freeze_time(MONDAY)
def test_days_beyond_the_legal_cap_are_named(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.approver)
    res = call(client, "POST", url(case, "extend"), {"days": 11, "reason": "需要", "expected_revision": case.revision,
                                                     **HEAD})
    assert res.status_code == 422
    assert res.json()["fields"] == {"days": ["延长期限应为 1 至 10 个工作日（行政许可法第四十二条）"]}
    # The former 联合办理 checkbox is gone: a case alone is never extended by 15.
    res = call(client, "POST", url(case, "extend"), {"days": 15, "reason": "需要", "joint": True,
                                                     "expected_revision": case.revision, **HEAD})
    assert res.status_code == 422 and "1 至 10" in res.json()["message"]
    res = call(client, "POST", url(case, "extend"), {"days": 3, "reason": "需要", "expected_revision": case.revision})
    assert res.status_code == 422 and set(res.json()["fields"]) == {
        "approver_name", "approver_position", "approved_on", "approval_document"}


@freeze_time(MONDAY)
def test_special_procedure_pauses_and_resumes_the_clock(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.approver)

    res = call(client, "POST", url(case, "special-procedure"),
               {"procedure": "expert_review", "reason": "需组织专家评审", "expected_revision": case.revision})
    assert res.status_code == 200, res.content
    paused = res.json()
    assert paused["special_procedure"] is True
    assert paused["deadline"] == {**paused["deadline"], "state": "paused", "label": "暂停计时"}
    assert paused["actions"] == []  # nothing can be decided while the procedure runs

    bad = call(client, "POST", url(case, "special-procedure"),
               {"procedure": "lottery", "reason": "x", "expected_revision": paused["revision"]})
    assert bad.status_code == 422 and "特别程序取值不在允许范围内" in bad.json()["message"]

    res = call(client, "POST", url(case, "special-procedure/end"),
               {"comment": "评审通过", "expected_revision": paused["revision"]})
    assert res.status_code == 200, res.content
    assert res.json()["special_procedure"] is False and res.json()["deadline"]["state"] == "normal"


def test_only_an_approver_of_the_department_may_extend(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.clerk)
    res = call(client, "POST", url(case, "extend"), {"days": 3, "reason": "x", "expected_revision": case.revision})
    assert res.status_code == 403
    client.force_login(w.police_approver)
    res = call(client, "POST", url(case, "extend"), {"days": 3, "reason": "x", "expected_revision": case.revision})
    assert res.status_code == 404
