"""A client reads one matter's 办事指南 as structured JSON, the current and an older version."""

import pytest

from tongban.catalog.services import (
    publish_version,
    start_new_version,
    submit_version,
    update_draft,
    update_implementation,
)
from tongban.catalog.tests.staff_builders import small_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


def test_guide_has_standard_and_local_elements(client, cat):
    impl = cat["food_county"]
    res = client.get(f"/api/v1/matters/{impl.code}")
    assert res.status_code == 200
    assert res["Content-Type"].startswith("application/json")
    guide = res.json()
    assert guide["implementation_code"] == impl.code and guide["basic_code"] == "000201035000"
    assert guide["version"] == guide["current_version"] == 1 and guide["superseded_at"] is None
    assert guide["published_at"]
    assert guide["name"] == "食品经营许可（新办）"
    assert guide["implementing_body"]["name"] == "芙蓉区市场监督管理局"
    assert guide["implementing_body"]["division"] == "云川市芙蓉区"
    assert guide["level"] == {"code": 4, "label": "县级"}
    assert [lv["code"] for lv in guide["levels"]] == [3, 4]
    assert [o["name"] for o in guide["service_objects"]] == ["自然人", "企业法人"]
    assert guide["categories"] == [{"code": "O-T02", "name": "准营准办"}]
    assert guide["case_kind"] == {"code": 2, "label": "承诺件"}
    assert guide["legal_limit_days"] == 10 and guide["promised_limit_days"] == 5
    licence = guide["materials"][1]
    assert licence["name"] == "营业执照" and licence["form_label"] == "复印件"
    assert licence["source_label"] == "政府部门核发" and licence["source_note"] == "由市场监管部门核发"
    assert [s["name"] for s in guide["steps"]] == ["受理", "审查", "决定", "办结"]
    assert guide["results"][0]["kind_label"] == "证照"
    assert guide["place"] == "芙蓉区政务服务中心一楼" and guide["consult_phone"] == "0739-22345"
    assert guide["guide_url"] == f"/guide/{impl.code}/"


def test_a_new_version_is_current_and_the_old_one_stays_readable(client, cat):
    impl = cat["food_city"]
    draft = start_new_version(None, cat["food"].matter, "压缩承诺时限")
    update_draft(None, draft, {"promised_limit_days": 2})
    publish_version(None, submit_version(None, draft))

    current = client.get(f"/api/v1/matters/{impl.code}").json()
    assert current["version"] == 2 and current["promised_limit_days"] == 2

    old = client.get(f"/api/v1/matters/{impl.code}/versions/1").json()
    assert old["version"] == 1 and old["current_version"] == 2
    assert old["promised_limit_days"] == 5 and old["superseded_at"] is not None


def test_drafts_and_unknown_versions_are_not_public(client, cat):
    impl = cat["food_city"]
    start_new_version(None, cat["food"].matter)
    for number in (2, 9):
        res = client.get(f"/api/v1/matters/{impl.code}/versions/{number}")
        assert res.status_code == 404
        assert res.json() == {"code": "not_found", "message": f"未找到该事项已发布的第{number}版"}


def test_unchanged_guide_answers_304_and_a_local_edit_changes_the_etag(client, cat):
    impl = cat["food_city"]
    first = client.get(f"/api/v1/matters/{impl.code}")
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    again = client.get(f"/api/v1/matters/{impl.code}", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag

    update_implementation(None, impl, consult_phone="0739-88888888")
    changed = client.get(f"/api/v1/matters/{impl.code}", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["consult_phone"] == "0739-88888888"
