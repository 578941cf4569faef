"""An approver claims a case; a supervisor urges it; the approver answers."""

import pytest

from tongban.cases.tests.api_support import accepted, call
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def test_claim_then_a_second_claim_is_refused(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.approver)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/claim", {"expected_revision": case.revision})
    assert res.status_code == 200, res.content
    assert res.json()["assignee"] == "审批刘强"

    client.force_login(w.approver2)
    stale = call(client, "POST", f"/api/v1/cases/{case.number}/claim", {"expected_revision": case.revision})
    assert stale.status_code == 409
    fresh = call(client, "POST", f"/api/v1/cases/{case.number}/claim",
                 {"expected_revision": res.json()["revision"]})
    assert fresh.status_code == 422 and "已由 审批刘强 承办" in fresh.json()["message"]
    missing = call(client, "POST", f"/api/v1/cases/{case.number}/claim", {})
    assert missing.status_code == 422 and missing.json()["fields"]["expected_revision"] == ["修订号为必填项"]


def test_supervisor_urges_and_the_approver_answers(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.supervisor)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/urges", {"message": "请加快办理"})
    assert res.status_code == 201, res.content
    urge = res.json()
    assert urge["message"] == "请加快办理" and urge["answer"] == ""

    client.force_login(w.approver)
    detail = call(client, "GET", f"/api/v1/cases/{case.number}").json()
    assert [u["id"] for u in detail["urges"]] == [urge["id"]]
    res = call(client, "POST", f"/api/v1/cases/{case.number}/urges/{urge['id']}/answer",
               {"answer": "已安排现场核查，明日办结"})
    assert res.status_code == 200 and res.json()["answered_at"]

    client.force_login(w.applicant)
    timeline = call(client, "GET", f"/api/v1/cases/{case.number}").json()["timeline"]
    assert "督办" not in [e["label"] for e in timeline]  # internal


def test_an_approver_cannot_urge(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.approver)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/urges", {"message": "自己督办自己"})
    assert res.status_code == 403
    res = call(client, "POST", f"/api/v1/cases/{case.number}/urges", {})
    assert res.status_code == 422 and res.json()["fields"]["message"] == ["督办意见为必填项"]


def test_assign_to_an_approver_of_the_department(client, w):
    case = accepted(w, submitted_case(w))
    client.force_login(w.approver)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/assign",
               {"assignee_id": w.police_approver.pk, "expected_revision": case.revision})
    assert res.status_code == 422 and "不是该部门的审批人员" in res.json()["fields"]["assignee_id"][0]
    res = call(client, "POST", f"/api/v1/cases/{case.number}/assign",
               {"assignee_id": w.approver2.pk, "expected_revision": case.revision})
    assert res.status_code == 200 and res.json()["assignee"] == "审批陈静"
