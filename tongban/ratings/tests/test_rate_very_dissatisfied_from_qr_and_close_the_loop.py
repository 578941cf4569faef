"""Acceptance (issue 6): rate a completed case 非常不满意 from its QR link; the department sees it,
records a call-back, rectifies; the rater sees the answer; the supervisor closes it; its history
shows every step with who and when. Through the pages, as people use them."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from freezegun import freeze_time

from tongban.cases import notices
from tongban.cases.rating_links import rating_url
from tongban.notify.models import Notification
from tongban.ratings.models import BadRatingReview, Rating, ReviewStatus
from tongban.ratings.tests.support import completed_case, rate_link, world

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@freeze_time(MONDAY)
def test_very_dissatisfied_from_the_qr_link_to_closure(client):
    w = world()
    case = completed_case(w)
    # The decision notice carries the link the QR code encodes.
    assert "decision" in notices.available(case) and rating_url(case.number).endswith(rate_link(case))

    rater = Client()  # whoever holds the paper: not logged in
    page = text(rater.get(rate_link(case)))
    assert "您对这次办事满意吗" in page and "非常不满意" in page and case.number in page
    r = rater.post(rate_link(case), {"level": "1", "comment": "材料被退回三次，每次说法不一样。", "score-efficiency": "1"})
    assert r.status_code == 302
    rating = Rating.objects.get(case=case)
    assert (rating.level, rating.channel, rating.anonymous, rating.rater) == (1, "qr", False, w.applicant)
    review = BadRatingReview.objects.get(rating=rating)
    assert "核实中" in text(rater.get(rate_link(case)))

    # The department: the worklist shows it, the page shows the rater's phone for the call-back.
    client.force_login(w.approver)
    listing = text(client.get("/ratings/bad/"))
    assert case.number in listing and "非常不满意" in listing and "待核实回访" in listing
    detail_url = f"/ratings/bad/{review.pk}/"
    assert "13800001234" in text(client.get(detail_url))
    r = client.post(detail_url + "verify/", {"verification": "属实：窗口未一次性告知补正内容。",
                                            "callback_reached": "1", "callback_note": "已致电张三致歉，说明整改安排。"})
    assert r.status_code == 302
    r = client.post(detail_url + "handle/", {"outcome": "rectify", "measures": "制作一次性告知清单，组织窗口培训。",
                                            "days": "10"})
    assert r.status_code == 302
    r = client.post(detail_url + "rectified/", {"rectification": "告知清单已上墙，培训已完成。",
                                               "feedback": "经核实情况属实，已制作一次性告知清单并培训窗口人员，感谢您的监督。"})
    assert r.status_code == 302

    # The rater reads the answer on the same link, and was told by SMS.
    answer = text(rater.get(rate_link(case)))
    assert "经核实情况属实，已制作一次性告知清单" in answer and "复核中" in answer
    assert Notification.objects.filter(phone="13800001234", channel="sms", subject="您的评价已有处理结果").exists()

    # 三级复核: the department, then 督办 twice (bureau and supervisor); the last one closes it.
    r = client.post(detail_url + "review/", {"decision": "approve", "comment": "整改到位。"})
    assert r.status_code == 302
    client.force_login(w.supervisor)
    assert client.post(detail_url + "review/", {"decision": "approve"}).status_code == 302
    assert client.post(detail_url + "review/", {"decision": "approve", "comment": "同意办结。"}).status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED and review.on_time

    # The history names every step with who and when.
    history = text(client.get(detail_url))
    for label, who in (("收到差评（非常不满意）", "张三"), ("核实并回访", "审批刘强"), ("确定整改（10个工作日内）", "审批刘强"),
                       ("整改完成", "审批刘强"), ("反馈评价人", "审批刘强"), ("部门复核通过", "审批刘强"),
                       ("政务服务管理局复核通过", "督办周敏"), ("督办复核办结通过", "督办周敏"),
                       ("差评整改已办结", "督办周敏")):
        assert re.search(rf"2026-11-23 09:30</time></td> <td[^>]*>[^<]*</td> <td[^>]*>{who}</td> <td[^>]*>{label}",
                         history), (label, who)
    assert "已办结" in text(rater.get(rate_link(case)))


def test_a_forged_link_is_not_found(client):
    w = world()
    case = completed_case(w)
    assert client.get(rate_link(case)[:-3] + "xx/").status_code == 404
    assert client.get("/rate/" + case.number + "/").status_code == 404
