"""Through the API a mother applies for 新生儿出生 (multipart, Idempotency-Key), follows her joint case;
the window accepts it as one; nobody else can read it."""

import json

import pytest

from tongban.cases.models import CaseBundle
from tongban.cases.tests.builders import pdf
from tongban.themes.selectors import evaluate_theme
from tongban.themes.tests.newborn_support import SITUATION
from tongban.themes.tests.support import fill, make_theme_world, multipart

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def _post(client, w, key=None, **over):
    plan = evaluate_theme(w.themes["newborn"], SITUATION, ["sscard"], user=w.applicant)
    files = {m["key"]: pdf(f"{m['name']}.pdf") for m in plan["materials"] if m["upload"] and m["required"]}
    data = multipart("newborn", situation=SITUATION, optional=["sscard"],
                     answers=fill(plan["form"], baby_name="王小宝", **over), files=files)
    headers = {"Idempotency-Key": key} if key else {}
    return client.post("/api/v1/themes/newborn/applications", data, headers=headers)


def test_apply_once_even_when_retried(client, w):
    client.force_login(w.applicant)
    first = _post(client, w, key="newborn-retry-1")
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["phase"] == {"code": "submitted", "label": "待受理"}
    assert first["Location"] == f"/api/v1/joint-cases/{body['number']}"
    assert [m["code"] for m in body["members"]] == ["cert", "hukou", "sscard"]
    assert body["members"][2]["state"]["code"] == "waiting" and body["members"][2]["waits_for"] == ["出生登记（出生户口登记）"]
    again = _post(client, w, key="newborn-retry-1")
    assert again.status_code == 200 and again.json()["number"] == body["number"]
    assert CaseBundle.objects.count() == 1


def test_mistakes_name_the_fields(client, w):
    client.force_login(w.applicant)
    bad = _post(client, w, mother_id_number="43010219900307123X")
    assert bad.status_code == 422
    assert "answers.mother_id_number" in bad.json()["fields"]
    assert CaseBundle.objects.count() == 0
    client.logout()
    assert _post(client, w).status_code == 401


def test_only_mine_and_the_window_accepts(client, w):
    client.force_login(w.applicant)
    number = _post(client, w).json()["number"]
    assert client.get("/api/v1/joint-cases").json()["count"] == 1
    client.force_login(w.other)
    assert client.get(f"/api/v1/joint-cases/{number}").status_code == 404
    assert client.get("/api/v1/joint-cases").json()["count"] == 0
    client.force_login(w.approvers[("431402", "health")])
    assert client.get(f"/api/v1/joint-cases/{number}").status_code == 404
    client.force_login(w.clerk)
    queue = client.get("/api/v1/joint-cases", {"scope": "staff", "queue": "pending"}).json()
    assert [i["number"] for i in queue["items"]] == [number]
    stale = client.post(f"/api/v1/joint-cases/{number}/accept", json.dumps({"expected_revision": 7}),
                        content_type="application/json")
    assert stale.status_code == 409
    accepted = client.post(f"/api/v1/joint-cases/{number}/accept", json.dumps({"expected_revision": 0}),
                           content_type="application/json")
    assert accepted.status_code == 200, accepted.content
    data = accepted.json()
    assert data["phase"]["code"] == "processing" and data["delivery"]["pickup_code"] is None
    cert = data["members"][0]
    assert cert["state"]["code"] == "dispatched" and cert["case_number"] and cert["phase"]["code"] == "processing"
    client.force_login(w.applicant)
    mine = client.get(f"/api/v1/joint-cases/{number}").json()
    assert [e["label"] for e in mine["timeline"]][:2] == ["提交联办申请", "综合窗口受理（一次受理，并联分送各部门）"]


def test_window_correction_through_the_api(client, w):
    client.force_login(w.applicant)
    number = _post(client, w).json()["number"]
    client.force_login(w.clerk)
    sent = client.post(f"/api/v1/joint-cases/{number}/correction", json.dumps({
        "expected_revision": 0, "items": [{"member": "hukou", "problem": "落户地址不完整"}]}),
        content_type="application/json")
    assert sent.status_code == 200 and sent.json()["correction"]["items"][0]["member_name"] == "出生登记（出生户口登记）"
    client.force_login(w.applicant)
    fixed = client.patch(f"/api/v1/joint-cases/{number}/answers",
                         json.dumps({"answers": {"hukou_address": "云川市芙蓉区建设路1号2栋301室"}}),
                         content_type="application/json")
    assert fixed.status_code == 200, fixed.content
    wrong = client.patch(f"/api/v1/joint-cases/{number}/answers", json.dumps({"answers": {"nope": 1}}),
                         content_type="application/json")
    assert wrong.status_code == 422 and wrong.json()["fields"] == {"answers.nope": ["申请表没有字段“nope”"]}
    again = client.post(f"/api/v1/joint-cases/{number}/resubmit")
    assert again.status_code == 200 and again.json()["phase"]["code"] == "submitted"
