"""A developer reads /api/v1/openapi.json and finds every case operation, its auth and its errors."""

import pytest

pytestmark = pytest.mark.django_db


def test_case_operations_are_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path, method in [("/api/v1/cases", "post"), ("/api/v1/cases", "get"), ("/api/v1/cases/drafts", "post"),
                         ("/api/v1/cases/drafts/{uid}", "patch"), ("/api/v1/cases/drafts/{uid}/files", "post"),
                         ("/api/v1/cases/drafts/{uid}/submit", "post"), ("/api/v1/cases/{number}", "get"),
                         ("/api/v1/cases/{number}/actions", "post"), ("/api/v1/cases/{number}/resubmit", "post"),
                         ("/api/v1/cases/{number}/extend", "post"), ("/api/v1/cases/{number}/claim", "post"),
                         ("/api/v1/cases/{number}/special-procedure", "post"),
                         ("/api/v1/cases/{number}/urges", "post"), ("/api/v1/cases/{number}/delivery", "put")]:
        op = paths[path][method]
        assert op["summary"] and op["tags"] == ["办件"], (path, method)
        assert "422" in op["responses"] or method == "get", (path, method)

    submit = paths["/api/v1/cases"]["post"]
    assert {p["name"] for p in submit["parameters"]} == {"Idempotency-Key"}
    assert set(submit["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert "implementation_code" in submit["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert "409" in paths["/api/v1/cases/{number}/actions"]["post"]["responses"]
    claim_body = paths["/api/v1/cases/{number}/claim"]["post"]["requestBody"]["content"]["application/json"]
    assert "expected_revision" in claim_body["schema"]["properties"]
    assert paths["/api/v1/cases"]["post"]["security"] == [{"CaseSessionAuth": []}]
    scheme = schema["components"]["securitySchemes"]["CaseSessionAuth"]
    assert "X-CSRFToken" in scheme["description"]
