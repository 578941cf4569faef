"""一次一评 at the window: the clerk opens the hall tablet for the person in front of them; the rating
records the clerk, the window, the department and the matter; the same visit cannot be rated twice."""

import pytest

from tongban.org.models import ServiceSite, Window
from tongban.ratings.models import Rating
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def test_clerk_opens_the_tablet_and_the_person_rates_the_visit(client):
    w = world()
    site = ServiceSite.objects.create(division=w.city, name="云川市政务服务中心", kind="center", address="人民路1号",
                                      hours="工作日", phone="0739-12345")
    window = Window.objects.create(site=site, number="08", name="综合受理窗口8")
    case = completed_case(w, walk_in=True)
    client.force_login(w.clerk)
    r = client.post("/ratings/kiosk/", {"window": window.pk, "number": case.number})
    assert r.status_code == 302 and r.url == f"/ratings/kiosk/{case.number}/"
    page = client.get(r.url).content.decode()
    assert "您对本次窗口服务满意吗" in page and "08号窗口" in page and "窗口王芳" in page
    assert "服务态度" in page and "平台操作性" not in page  # the window indicator set
    r = client.post(r.url, {"level": "5", "score-attitude": "5", "comment": "王芳很耐心"})
    assert "感谢您的评价" in r.content.decode()
    rating = Rating.objects.get()
    assert (rating.channel, rating.mode, rating.window, rating.staff, rating.department) == (
        "tablet", "window", window, w.clerk, w.market)
    assert rating.handling.startswith("visit-") and "窗口服务" in rating.handling_label
    # The tablet does not offer the same visit again.
    again = client.post(f"/ratings/kiosk/{case.number}/", {"level": "1"})
    assert "感谢您的评价" in again.content.decode() and Rating.objects.count() == 1


def test_a_case_the_clerk_did_not_serve_cannot_be_put_on_the_tablet(client):
    from tongban.accounts.models import Role
    from tongban.cases.tests.builders import make_user

    w = world()
    case = completed_case(w)
    other_clerk = make_user("clerk2", role=Role.CLERK, division=w.city, display_name="窗口赵六")
    client.force_login(other_clerk)
    r = client.post("/ratings/kiosk/", {"number": "不存在的编号"})
    assert r.status_code == 422 and "没有找到该办件" in r.content.decode()
    r = client.post("/ratings/kiosk/", {"number": case.number})
    assert r.status_code == 422 and "您没有为该办件办理过窗口业务" in r.content.decode()
    assert client.get(f"/ratings/kiosk/{case.number}/").status_code == 302
    client.force_login(w.approver)
    assert client.get("/ratings/kiosk/").status_code == 403
