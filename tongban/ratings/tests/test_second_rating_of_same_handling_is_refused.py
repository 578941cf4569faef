"""Acceptance (issue 6): a second rating of the same handling is refused with a clear message — on
the page, in the API — and the first rating is kept unchanged."""

import json

import pytest
from django.test import Client

from tongban.ratings.models import DUPLICATE_MESSAGE, Rating
from tongban.ratings.tests.support import completed_case, rate_link, world

pytestmark = pytest.mark.django_db


def test_second_rating_on_the_page_is_refused(client):
    w = world()
    case = completed_case(w)
    other_tab = Client()
    page = other_tab.get(rate_link(case))  # a second browser tab opened before the first rating
    assert "提交评价" in page.content.decode()
    assert client.post(rate_link(case), {"level": "5"}).status_code == 302
    r = other_tab.post(rate_link(case), {"level": "1", "comment": "再评一次"})
    assert r.status_code == 422
    body = r.content.decode()
    assert DUPLICATE_MESSAGE in body and 'role="alert"' in body
    assert "非常满意" in body  # the page shows the rating that stands
    assert list(Rating.objects.values_list("level", "comment")) == [(5, "")]


def test_second_rating_through_the_api_is_a_conflict(client):
    w = world()
    case = completed_case(w)
    token = rate_link(case).split("/")[2]
    url = f"/api/v1/ratings/rate/{token}"
    first = client.post(url, json.dumps({"level": 4, "scores": {"efficiency": 5}}), content_type="application/json")
    assert first.status_code == 201 and first.json()["level_name"] == "满意"
    again = client.post(url, json.dumps({"level": 1}), content_type="application/json")
    assert again.status_code == 409
    assert again.json() == {"code": "duplicate", "message": DUPLICATE_MESSAGE}
    assert client.get(url).json()["can_rate"] is False


def test_a_missing_level_names_the_field_and_keeps_what_was_typed(client):
    w = world()
    case = completed_case(w)
    r = client.post(rate_link(case), {"comment": "办事员很耐心", "score-efficiency": "5"})
    assert r.status_code == 422
    body = r.content.decode()
    assert "请选择评价等级" in body and "办事员很耐心" in body
    assert 'name="score-efficiency" value="5" checked' in body
    r = client.post(f"/api/v1/ratings/rate/{rate_link(case).split('/')[2]}", json.dumps({"level": 9}),
                    content_type="application/json")
    assert r.status_code == 422 and "评价等级" in r.json()["fields"]["level"][0]
    assert not Rating.objects.exists()
