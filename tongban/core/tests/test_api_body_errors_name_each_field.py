"""A client posts a JSON body with fields missing or wrong, and the 422 names each field as the client
sent it, in Chinese: `fields.description` "遇到的问题为必填项", not `body.description` "请求内容为必填项"."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_an_incomplete_report_names_each_missing_field(client):
    res = client.post("/api/v1/ratings/cannot-do", json.dumps({"matter_text": "开饭店", "contact_phone": 13800001234}),
                      content_type="application/json")
    assert res.status_code == 422
    body = res.json()
    assert body["fields"] == {"contact_phone": ["联系电话格式不正确"], "description": ["遇到的问题为必填项"],
                              "contact_name": ["联系人为必填项"]}
    assert body["message"].startswith("参数有误：") and "联系人为必填项" in body["message"]


def test_a_value_out_of_range_names_the_field_and_the_range(client):
    res = client.post("/api/v1/licences/verify", json.dumps({"payload": "x" * 4001}), content_type="application/json")
    assert res.status_code == 422
    assert res.json()["fields"] == {"payload": ["二维码内容过长（最多4000个字符）"]}
