"""Following a case through the API: applicants see their own, staff what their role covers, and
nobody can tell someone else's case from a missing one."""

import pytest

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import claim
from tongban.cases.tests.api_support import accepted, call
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def test_applicant_reads_own_case_with_public_timeline_and_clock(client, w):
    case = accepted(w, submitted_case(w))
    claim(w.approver, case, expected_revision=case.revision)  # an internal step
    client.force_login(w.applicant)

    res = call(client, "GET", f"/api/v1/cases/{case.number}")

    assert res.status_code == 200, res.content
    body = res.json()
    assert body["viewer"] == "applicant"
    assert body["matter"]["name"] == "食品经营许可（新办）"
    assert body["phase"] == {"code": "processing", "label": "办理中"}
    assert body["deadline"]["label"] == "正常" and body["deadline"]["due"]
    assert [e["label"] for e in body["timeline"]] == ["提交申请", "受理"]
    assert all(e["public"] for e in body["timeline"])
    assert {n["kind"] for n in body["notices"]} == {"accept"}
    assert body["notices"][0]["url"] == f"/cases/{case.number}/notices/accept.pdf"
    assert len(body["files"]) == 3 and all(f["download_url"] for f in body["files"])
    assert body["payment"] == {"settled": True, "orders": []}
    assert body["actions"] == [] and body["urges"] == []


def test_another_applicant_gets_the_same_404_as_for_a_missing_number(client, w):
    case = submitted_case(w)
    client.force_login(w.other_applicant)
    theirs = call(client, "GET", f"/api/v1/cases/{case.number}")
    missing_number = case.number[:-5] + "99999"
    missing = call(client, "GET", f"/api/v1/cases/{missing_number}")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json()["message"].replace(case.number, "N") == missing.json()["message"].replace(missing_number, "N")


def test_staff_of_another_department_get_404(client, w):
    case = submitted_case(w)
    client.force_login(w.police_approver)
    assert call(client, "GET", f"/api/v1/cases/{case.number}").status_code == 404


def test_staff_in_scope_see_internal_events_and_their_buttons(client, w):
    case = accepted(w, submitted_case(w))
    claim(w.approver, case, expected_revision=case.revision)
    client.force_login(w.approver)

    body = call(client, "GET", f"/api/v1/cases/{case.number}").json()

    assert body["viewer"] == "staff"
    assert "领取办件" in [e["label"] for e in body["timeline"]]
    assert body["assignee"] == "审批刘强"
    assert [a["action"] for a in body["actions"]] == [ActionKind.ADVANCE, ActionKind.REQUEST_CORRECTION]
    assert body["delivery"]["pickup_code"] is None


def test_my_cases_lists_only_mine_including_drafts(client, w):
    mine = submitted_case(w)
    from tongban.cases.services import intake

    draft = intake.start_application(w.applicant, w.impl)
    theirs = intake.start_application(w.other_applicant, w.impl)
    client.force_login(w.applicant)

    body = call(client, "GET", "/api/v1/cases").json()

    assert body["count"] == 2
    assert {i["number"] for i in body["items"]} == {mine.number, None}
    assert str(draft.uid) in {i["uid"] for i in body["items"]}
    assert str(theirs.uid) not in {i["uid"] for i in body["items"]}
    only_submitted = call(client, "GET", "/api/v1/cases?phase=submitted").json()
    assert [i["number"] for i in only_submitted["items"]] == [mine.number]


def test_the_decision_shows_results_and_how_to_collect(client, w):
    from tongban.cases.tests.api_support import decided

    case = decided(w, submitted_case(w))
    client.force_login(w.applicant)
    body = call(client, "GET", f"/api/v1/cases/{case.number}").json()
    assert body["outcome"] == {"code": "approved", "label": "准予"}
    assert body["results"][0]["number"] == "JY14399010000001"
    assert body["delivery"]["status"]["label"] == "待领取"
    assert body["delivery"]["pickup_code"] == case.pickup_code and len(case.pickup_code) == 6
    assert {"accept", "decision"} <= {n["kind"] for n in body["notices"]}


def test_the_applicant_cannot_reach_staff_actions(client, w):
    case = submitted_case(w)
    client.force_login(w.applicant)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/actions",
               {"action": "accept", "expected_revision": case.revision})
    assert res.status_code == 404
    case.refresh_from_db()
    assert case.phase == "submitted"
