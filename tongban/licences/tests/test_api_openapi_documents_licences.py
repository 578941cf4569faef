"""A developer reads /api/v1/openapi.json and finds the licence endpoints described in Chinese."""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = [("get", "/api/v1/licences/seals"), ("post", "/api/v1/licences/verify"), ("get", "/api/v1/licences/mine"),
             ("post", "/api/v1/licences/mine/{identifier}/share"), ("post", "/api/v1/licences/{identifier}/revoke"),
             ("post", "/api/v1/licences/{identifier}/change")]


def _zh(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text or "")


def test_licence_endpoints_have_chinese_summaries_descriptions_and_parameters(client):
    schema = client.get("/api/v1/openapi.json").json()
    for method, path in ENDPOINTS:
        op = schema["paths"][path][method]
        assert _zh(op["summary"]) and _zh(op["description"]) and op["tags"] == ["电子证照"], path
        for param in op.get("parameters", []):
            assert _zh(param.get("description")), (path, param["name"])
    for name in ("SealOut", "VerifyOut", "LicenceOut", "ShareOut"):
        for field, prop in schema["components"]["schemas"][name]["properties"].items():
            assert _zh(prop.get("description")) or "$ref" in prop or "allOf" in prop, (name, field)
