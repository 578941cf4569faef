"""A client lists the published themes, reads one with its questions and reduction report, and evaluates
answers into the members, the one form and the one set of materials; the OpenAPI documents it all."""

import json

import pytest

from tongban.themes.definition import definition_of
from tongban.themes.selectors import reduction_report
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("restaurant")


def test_list_and_read_a_theme(client, w):
    listing = client.get("/api/v1/themes")
    assert listing.status_code == 200
    assert [t["code"] for t in listing.json()] == ["restaurant"]
    assert listing.json()[0]["guide_url"] == "/themes/restaurant/"
    detail = client.get("/api/v1/themes/restaurant").json()
    assert [q["key"] for q in detail["questions"]] == ["entity", "has_licence", "area"]
    assert {m["code"]: m["requires"] for m in detail["member_list"]}["food"] == ["company", "individual"]
    # The guide page and the API read the same report.
    expected = json.loads(json.dumps(reduction_report(definition_of(w.themes["restaurant"])), default=str))
    assert detail["report"]["separately"] == expected["separately"]
    assert detail["report"]["as_theme"]["steps"] == 4
    small = client.get("/api/v1/themes/restaurant/report", {"situation": json.dumps({"area": 40, "entity": "individual", "has_licence": False})})
    assert [m["code"] for m in small.json()["members"]] == ["individual", "small_food"]
    bad = client.get("/api/v1/themes/restaurant/report", {"situation": json.dumps({"area": "大"})})
    assert bad.status_code == 422 and "situation.area" in bad.json()["fields"]
    assert client.get("/api/v1/themes/nope").json()["message"] == "未找到代码为“nope”的一件事主题（不存在或未发布）"


def test_evaluate_answers(client, w):
    client.force_login(w.applicant)
    body = {"situation": {"entity": "individual", "has_licence": False, "area": 120}}
    data = client.post("/api/v1/themes/restaurant/evaluate", json.dumps(body), content_type="application/json").json()
    assert [m["code"] for m in data["chosen"]] == ["individual", "food"]
    assert data["prefill"]["applicant_name"] == "张晓梅"
    assert any(m["upload"] for m in data["materials"])
    assert data["report"]["separately"]["promised_days"] == 5
    partial = client.post("/api/v1/themes/restaurant/evaluate", json.dumps({"situation": {"area": "很大"}}),
                          content_type="application/json").json()
    assert partial["errors"]["situation.area"] == "“经营场所使用面积是多少？”应为数字（平方米）"


def test_openapi_documents_the_theme_endpoints(client, w):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {"listThemes", "getTheme", "getThemeReport", "evaluateTheme", "applyForTheme", "getJointCase",
            "acceptJointCase", "requestJointCorrection", "resubmitJointCase", "handOverJointCase"} <= operations
    apply = schema["paths"]["/api/v1/themes/{code}/applications"]["post"]
    assert "multipart/form-data" in apply["requestBody"]["content"]
    assert "Idempotency-Key" in {p["name"] for p in apply["parameters"]}
