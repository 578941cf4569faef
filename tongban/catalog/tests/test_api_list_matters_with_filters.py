"""A client lists the catalogue through /api/v1/matters and narrows it with filters."""

import pytest

from tongban.catalog.services import cancel_version
from tongban.catalog.tests.builders import make_matter
from tongban.catalog.tests.staff_builders import small_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


def codes(client, **params):
    res = client.get("/api/v1/matters", params)
    assert res.status_code == 200, res.content
    return {item["implementation_code"] for item in res.json()["items"]}


def test_without_filters_every_published_entry_is_listed_with_its_guide_link(client, cat):
    res = client.get("/api/v1/matters")
    body = res.json()
    assert body["count"] == 4 and body["page"] == 1 and body["pages"] == 1
    food = next(i for i in body["items"] if i["implementation_code"] == cat["food_city"].code)
    assert food["name"] == "食品经营许可（新办）"
    assert food["basic_code"] == "000201035000"
    assert food["matter_type"] == {"code": "01", "label": "行政许可"}
    assert food["department"]["credit_code"] == cat["city_market"].credit_code
    assert food["level"] == {"code": 3, "label": "市级"}
    assert food["promised_limit_days"] == 5 and food["legal_limit_days"] == 10
    assert food["online_depth"]["code"] == 5 and food["fully_online"] is True
    assert food["guide_url"] == f"/guide/{cat['food_city'].code}/"
    assert food["version"] == 1


def test_division_filter_includes_the_divisions_below(client, cat, city):
    assert codes(client, division=cat["county"].code) == {cat["food_county"].code, cat["shop_county"].code}
    assert len(codes(client, division=city.code)) == 4


def test_department_is_found_by_id_or_by_credit_code(client, cat):
    expected = {cat["food_county"].code, cat["shop_county"].code}
    assert codes(client, department=cat["county_market"].pk) == expected
    assert codes(client, department=cat["county_market"].credit_code) == expected


def test_type_object_theme_level_and_text_narrow_the_list(client, cat):
    assert codes(client, type="20") == {cat["birth_city"].code}
    assert codes(client, object="2") == {cat["food_city"].code, cat["food_county"].code, cat["shop_county"].code}
    assert codes(client, theme="P-T01") == {cat["birth_city"].code}
    assert codes(client, level=4) == {cat["food_county"].code, cat["shop_county"].code}
    assert codes(client, q="餐饮") == {cat["shop_county"].code}
    assert codes(client, q="000120001000") == {cat["birth_city"].code}
    assert codes(client, level=4, q="食品") == {cat["food_county"].code}


def test_pages_split_the_list(client, cat):
    first = client.get("/api/v1/matters", {"page_size": 3}).json()
    second = client.get("/api/v1/matters", {"page_size": 3, "page": 2}).json()
    assert first["count"] == 4 and first["pages"] == 2
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    beyond = client.get("/api/v1/matters", {"page_size": 3, "page": 9}).json()
    assert beyond["items"] == [] and beyond["count"] == 4


def test_penalties_and_cancelled_matters_are_not_in_the_service_catalogue(client, cat):
    make_matter(cat["city_market"], basic_code="000102001000", name="对无证经营的处罚", matter_type="02")
    cancel_version(None, cat["birth"], "事项取消")
    listed = codes(client)
    assert cat["birth_city"].code not in listed
    assert not any(c.endswith("000102001000") for c in listed)
    assert len(listed) == 3
