"""The API for the department's client: list the bad ratings in scope, act on one, read its
history; errors name the field in Chinese and a step out of turn changes nothing."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.ratings.models import RatingChannel
from tongban.ratings.services.rating import rate
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def post(client, url, body):
    client.get("/api/v1/ratings/bad")  # sets the csrftoken cookie
    return client.post(url, json.dumps(body), content_type="application/json",
                       headers={"X-CSRFToken": client.cookies["csrftoken"].value})


@freeze_time(datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
def test_department_works_a_bad_rating_through_the_api():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    w = world()
    review = rate(None, completed_case(w), level=1, channel=RatingChannel.QR, comment="太慢").review
    assert client.get("/api/v1/ratings/bad").status_code == 401
    client.force_login(w.approver)
    rows = client.get("/api/v1/ratings/bad?queue=verify").json()
    assert [r["id"] for r in rows] == [review.pk] and rows[0]["actions"] == ["verify"]
    assert rows[0]["rater_phone"] == "13800001234"

    url = f"/api/v1/ratings/bad/{review.pk}"
    r = post(client, url + "/verify", {"verification": "属实"})
    assert r.status_code == 422 and "实名差评必须回访" in r.json()["fields"]["callback_note"][0]
    r = post(client, url + "/handle", {"outcome": "explain"})
    assert r.status_code == 422 and "不能执行“确定处理方式”" in r.json()["message"]
    r = post(client, url + "/verify", {"verification": "属实", "callback_note": "已回访", "callback_reached": True})
    assert r.status_code == 200 and r.json()["step"] == "确定处理方式"
    history = client.get(url).json()["history"]
    assert [(e["label"], e["actor"]) for e in history][-2:] == [("核实并回访", "审批刘强"),
                                                               ("工作人员已核实您反映的情况并与您联系", "审批刘强")]
    assert post(client, url + "/nonsense", {}).status_code == 404
