"""电话评价: staff type in a rating given by phone; it is recorded as channel 电话 with who typed it."""

import pytest

from tongban.core.models import AuditEvent
from tongban.ratings.models import Rating
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def test_hotline_agent_enters_a_phone_rating(client):
    w = world()
    case = completed_case(w)
    client.force_login(w.caller)
    page = client.get(f"/ratings/phone/?number={case.number}").content.decode()
    assert case.matter_version.name in page and 'value="张三"' in page
    r = client.post("/ratings/phone/", {"number": case.number, "rater_name": "张三", "rater_phone": "0739-8123456",
                                        "level": "3", "comment": "电话反映：取证排队久"})
    assert r.status_code == 302
    rating = Rating.objects.get()
    assert (rating.channel, rating.entered_by, rating.rater_phone, rating.level) == ("phone", w.caller,
                                                                                       "0739-8123456", 3)
    assert AuditEvent.objects.filter(action="ratings.rate", actor=w.caller).exists()


def test_a_bad_phone_number_is_named_and_nothing_is_saved(client):
    w = world()
    case = completed_case(w)
    client.force_login(w.supervisor)
    r = client.post("/ratings/phone/", {"number": case.number, "rater_phone": "12ab", "level": "2",
                                        "comment": "保留这段话"})
    assert r.status_code == 422
    body = r.content.decode()
    assert "评价人电话格式不正确" in body and "保留这段话" in body and not Rating.objects.exists()
    client.force_login(w.applicant)
    assert client.get("/ratings/phone/").status_code == 403
