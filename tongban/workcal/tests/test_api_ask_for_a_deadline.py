"""A client asks the API when N working days from a date end, and for a year's calendar."""

import pytest

pytestmark = pytest.mark.django_db


def test_working_days_from_a_date(client):
    r = client.get("/api/v1/calendar/working-days", {"start": "2025-09-30", "days": 1})
    assert r.status_code == 200
    body = r.json()
    assert body["date"] == "2025-10-09"
    assert body["day"]["weekday"] == "周四" and body["day"]["is_working_day"] is True
    r = client.get("/api/v1/calendar/working-days", {"start": "2025-01-24", "days": 1})
    assert r.json()["date"] == "2025-01-26" and r.json()["day"]["name"] == "春节调休上班"


def test_a_year_with_every_day(client):
    r = client.get("/api/v1/calendar/days", {"year": 2025})
    body = r.json()
    assert r.status_code == 200 and body["builtin"] is True and body["working_days"] == 248
    assert len(body["days"]) == 365
    assert body["days"][0] == {"date": "2025-01-01", "weekday": "周三", "name": "元旦", "is_working_day": False,
                               "source": "builtin", "source_label": "国务院办公厅节假日安排（内置）"}


def test_unknown_year_and_bad_parameters_answer_in_chinese(client):
    r = client.get("/api/v1/calendar/days", {"year": 2027})
    assert r.status_code == 422
    assert r.json()["message"] == "2027年工作日历尚未维护，请管理员在“工作日历”中录入该年节假日安排"
    r = client.get("/api/v1/calendar/working-days", {"start": "2026-12-30", "days": 5})
    assert r.status_code == 422 and "2027年工作日历尚未维护" in r.json()["message"]
    r = client.get("/api/v1/calendar/working-days", {"start": "30/9/2025", "days": -1})
    assert r.status_code == 422
    assert r.json()["fields"] == {"start": ["起算日期应为日期（YYYY-MM-DD）"], "days": ["工作日数取值过小（不小于0）"]}
