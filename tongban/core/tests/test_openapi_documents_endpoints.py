"""A developer opens /api/v1/docs and /api/v1/openapi.json and finds every endpoint described."""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/divisions", "/api/v1/divisions/{code}", "/api/v1/departments", "/api/v1/departments/{credit_code}",
    "/api/v1/sites", "/api/v1/sites/{site_id}", "/api/v1/matters", "/api/v1/matters/{implementation_code}",
    "/api/v1/matters/{implementation_code}/versions/{number}", "/api/v1/categories", "/api/v1/code-tables",
]


def _has_chinese(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text or "")


def test_openapi_lists_every_endpoint_with_chinese_summary_tag_and_parameters(client):
    res = client.get("/api/v1/openapi.json")
    assert res.status_code == 200
    schema = res.json()
    for path in ENDPOINTS:
        op = schema["paths"][path]["get"]
        assert _has_chinese(op["summary"]) and _has_chinese(op["description"]), path
        assert op["tags"] and all(_has_chinese(t) for t in op["tags"]), path
        for param in op.get("parameters", []):
            assert _has_chinese(param.get("description")), (path, param["name"])
    names = {p["name"] for p in schema["paths"]["/api/v1/matters"]["get"]["parameters"]}
    assert {"division", "department", "type", "object", "theme", "q", "level", "page", "page_size"} <= names


def test_response_schemas_describe_fields_in_chinese(client):
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("GuideOut", "MatterItemOut", "MaterialOut", "DivisionOut", "DepartmentOut", "SiteOut", "ErrorOut"):
        for field, prop in components[name]["properties"].items():
            assert _has_chinese(prop.get("description")), (name, field)


def test_docs_page_opens(client):
    res = client.get("/api/v1/docs")
    assert res.status_code == 200
    assert b"openapi.json" in res.content
