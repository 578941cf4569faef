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
    for name in ("GuideOut", "MatterItemOut", "MatterMaterialOut", "DivisionOut", "DepartmentOut", "SiteOut", "ErrorOut"):
        for field, prop in components[name]["properties"].items():
            assert _has_chinese(prop.get("description")), (name, field)


def test_each_schema_name_stands_for_one_shape(monkeypatch):
    """ninja files each schema under its class name and silently keeps the last of two that share one, so
    a generated client would read a guide's materials as a draft's (issue 12)."""
    from ninja.openapi.schema import OpenAPISchema

    from tongban.api import api

    clashes = set()
    file_away = OpenAPISchema.add_schema_definitions

    def checking(self, definitions):
        clashes.update(name for name, shape in definitions.items()
                       if name in self.schemas and self.schemas[name] != shape)
        file_away(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", checking)
    schema = api.get_openapi_schema()
    assert not clashes
    components = schema["components"]["schemas"]
    assert "form" in components["MatterMaterialOut"]["properties"]  # the guide's material
    assert "upload_needed" in components["CaseMaterialOut"]["properties"]  # a draft's material
    guide = schema["paths"]["/api/v1/matters/{implementation_code}"]["get"]["responses"][200]
    assert guide["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/GuideOut"}
    assert components["GuideOut"]["properties"]["materials"]["items"] == {"$ref": "#/components/schemas/MatterMaterialOut"}


def test_every_error_an_operation_answers_is_documented_as_error_out(client):
    schema = client.get("/api/v1/openapi.json").json()
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            statuses = {int(s) for s in op["responses"]}
            where = (method.upper(), path)
            assert {400, 503} <= statuses, where  # a NUL byte anywhere; the database is unavailable
            # What can be wrong: a body, a query parameter, a path parameter that is not any text.
            if op.get("requestBody") or any(p["in"] != "path" or p.get("schema", {}).get("type") != "string"
                                            for p in op.get("parameters", [])):
                assert 422 in statuses, where
            if op.get("security"):
                assert 401 in statuses, where
            for status in statuses - set(range(200, 400)):
                assert op["responses"][str(status)]["content"]["application/json"]["schema"] == error, (where, status)


def test_docs_page_opens(client):
    res = client.get("/api/v1/docs")
    assert res.status_code == 200
    assert b"openapi.json" in res.content
