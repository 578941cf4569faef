"""Staff list their 办件箱 through the API; applicants cannot."""

import pytest

from tongban.cases.tests.api_support import accepted, call
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def test_clerk_sees_the_pending_queue_with_masked_ids(client, w):
    waiting = submitted_case(w)
    running = accepted(w, submitted_case(w))
    client.force_login(w.clerk)

    body = call(client, "GET", "/api/v1/cases?scope=staff&queue=pending").json()

    assert [i["number"] for i in body["items"]] == [waiting.number]
    assert "*" in body["items"][0]["applicant_id_number"]
    review = call(client, "GET", "/api/v1/cases?scope=staff&queue=review").json()
    assert [i["number"] for i in review["items"]] == [running.number]
    assert review["items"][0]["deadline"]["label"] == "正常"
    everything = call(client, "GET", "/api/v1/cases?scope=staff").json()
    assert everything["count"] == 2


def test_other_department_sees_an_empty_queue(client, w):
    submitted_case(w)
    client.force_login(w.police_approver)
    assert call(client, "GET", "/api/v1/cases?scope=staff&queue=pending").json()["count"] == 0


def test_applicant_asking_for_the_staff_view_is_refused(client, w):
    client.force_login(w.applicant)
    res = call(client, "GET", "/api/v1/cases?scope=staff")
    assert res.status_code == 403 and "工作人员" in res.json()["message"]


def test_queue_names_are_checked(client, w):
    client.force_login(w.clerk)
    res = call(client, "GET", "/api/v1/cases?scope=staff&queue=urgent")
    assert res.status_code == 422 and "办件箱取值不在允许范围内" in res.json()["message"]
    res = call(client, "GET", "/api/v1/cases?queue=pending")
    assert res.status_code == 422 and "scope=staff" in res.json()["fields"]["queue"][0]
