"""督办: the supervisor's board counts overdue and at-risk cases by department; an urge reaches the
approver, whose answer shows on the board."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import Urge
from tongban.cases.tests.builders import make_world, submitted_case
from tongban.cases.tests.staff_support import TODAY, accepted_case, at
from tongban.notify.models import Notification

pytestmark = pytest.mark.django_db


@freeze_time(TODAY)
def test_supervisor_urges_an_overdue_case_and_reads_the_answer(client):
    w = make_world()
    late = accepted_case(w, at=at(2026, 11, 2))   # due 11-09: overdue
    near = accepted_case(w, at=at(2026, 11, 17))  # due 11-24: 预警 on 11-23 (one working day left)
    accepted_case(w)                               # fresh: neither
    submitted_case(w)

    client.force_login(w.supervisor)
    page = client.get("/supervise/").content.decode()
    assert '<span class="n">1</span> 件超期' in page and '<span class="n">1</span> 件预警' in page
    assert w.market.name in page and "超期 1" in page and "预警 1" in page
    assert late.number in page and near.number in page

    r = client.post(f"/inbox/cases/{late.number}/urge/", {
        "expected_revision": late.revision, "next": "supervise", "message": "已超期两周，请今日内办结并说明原因。"})
    assert r.status_code == 302 and r.url == "/supervise/"
    urge = Urge.objects.get(case=late)
    # Nobody has claimed it: every approver of the department is told.
    told = set(Notification.objects.filter(reference=late.number, subject__startswith="督办")
               .values_list("recipient__username", flat=True))
    assert {"approver", "approver2"} <= told

    page = client.get("/supervise/").content.decode()
    assert "已超期两周" in page and "待反馈" in page and "已督办 1 次" in page

    client.force_login(w.approver)
    page = client.get(f"/inbox/cases/{late.number}/").content.decode()
    assert "已超期两周" in page and "提交反馈" in page
    r = client.post(f"/inbox/cases/{late.number}/urge-answer/", {
        "expected_revision": late.revision, "urge": urge.pk, "answer": "现场核查已完成，今日下午作出决定。"})
    assert r.status_code == 302

    client.force_login(w.supervisor)
    page = client.get("/supervise/").content.decode()
    assert "现场核查已完成，今日下午作出决定。" in page


@freeze_time(TODAY)
def test_an_empty_urge_is_refused_with_the_reason(client):
    w = make_world()
    late = accepted_case(w, at=at(2026, 11, 2))
    client.force_login(w.supervisor)
    r = client.post(f"/inbox/cases/{late.number}/urge/", {"expected_revision": late.revision, "message": " "})
    assert r.status_code == 422 and "请填写督办意见" in r.content.decode()
    assert not Urge.objects.exists()


@freeze_time(TODAY)
def test_board_is_for_supervisors_only(client):
    w = make_world()
    client.force_login(w.approver)
    assert client.get("/supervise/").status_code == 403
    client.force_login(w.police_approver)
    late = accepted_case(w, at=at(2026, 11, 2))
    r = client.post(f"/inbox/cases/{late.number}/urge/", {"expected_revision": late.revision, "message": "x"})
    assert r.status_code == 404
