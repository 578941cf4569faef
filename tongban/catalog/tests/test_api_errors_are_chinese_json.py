"""A client that sends a bad filter or asks for an unknown code gets JSON with a Chinese message."""

import pytest

from tongban.catalog.tests.staff_builders import small_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


def error(client, url, params=None, status=422):
    res = client.get(url, params or {})
    assert res.status_code == status, res.content
    assert res["Content-Type"].startswith("application/json")
    return res.json()


@pytest.mark.parametrize(("params", "field", "words"), [
    ({"type": "99"}, "type", "事项类型取值不在允许范围内"),
    ({"level": "abc"}, "level", "层级取值不在允许范围内（可选：1, 2, 3, 4, 5, 6）"),
    ({"level": "9"}, "level", "层级取值不在允许范围内"),
    ({"division": "12345"}, "division", "区划代码应为6位"),
    ({"division": "439999"}, "division", "区划代码“439999”不存在"),
    ({"department": "999999"}, "department", "实施部门“999999”不存在"),
    ({"department": "bureau"}, "department", "实施部门应为部门编号或18位统一社会信用代码"),
    ({"object": "9"}, "object", "服务对象“9”不存在"),
    ({"theme": "X-01"}, "theme", "主题分类“X-01”不存在"),
    ({"page_size": "1000"}, "page_size", "每页条数取值过大"),
    ({"page": "0"}, "page", "页码取值过小"),
])
def test_a_bad_filter_names_the_field_in_chinese(client, cat, params, field, words):
    body = error(client, "/api/v1/matters", params)
    assert body["code"] == "invalid"
    assert words in body["message"]
    assert any(words in m for m in body["fields"][field])


def test_unknown_codes_answer_404_not_found(client, cat):
    unknown = cat["food_city"].code[:19] + "000201077000"  # well formed, but no such entry
    body = error(client, f"/api/v1/matters/{unknown}", status=404)
    assert body == {"code": "not_found", "message": f"未找到实施编码为“{unknown}”的事项（不存在或已取消）"}
    assert error(client, "/api/v1/divisions/000000", status=404)["message"] == "未找到区划代码为“000000”的行政区划"
    assert "未找到" in error(client, "/api/v1/departments/91439900MA4L000000", status=404)["message"]
    assert "未找到" in error(client, "/api/v1/sites/999", status=404)["message"]


def test_a_bad_path_parameter_is_a_chinese_422(client, cat):
    body = error(client, f"/api/v1/matters/{cat['food_city'].code}/versions/abc")
    assert body["code"] == "invalid" and "版本号应为整数" in body["message"]


@pytest.mark.parametrize(("code", "words"), [
    ("NOSUCHCODE", "实施编码应为31位（实施主体统一社会信用代码18位+行使层级1位+基本编码12位），当前为10位"),
    ("91439900MA4L00000X3000201035000", "实施编码前18位应为实施主体的统一社会信用代码"),
    ("{credit}9000201035000", "实施编码第19位应为行使层级代码（1–6），当前为“9”"),
    ("{credit}300020103500A", "实施编码后12位应为基本编码：基本编码应为12位数字"),
])
def test_a_mistyped_implementation_code_is_a_chinese_422_saying_which_part_is_wrong(client, cat, code, words):
    code = code.format(credit=cat["food_city"].department.credit_code)
    body = error(client, f"/api/v1/matters/{code}")
    assert body["code"] == "invalid" and words in body["message"]
    assert any(words in m for m in body["fields"]["implementation_code"])
    assert error(client, f"/api/v1/matters/{code}/versions/1")["code"] == "invalid"
