"""“办不成事”反映: anyone reports without logging in; 督办 assigns it to a department, which answers
within the time limit; the reporter reads the answer through their link; 督办 closes it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from freezegun import freeze_time

from tongban.notify.models import Notification
from tongban.ratings.models import CannotDoTicket, TicketStatus
from tongban.ratings.tests.support import world

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@freeze_time(MONDAY)
def test_report_assign_answer_and_close(client):
    w = world()
    anyone = Client()
    r = anyone.post("/cannot-do/", {"matter_text": "个体户食品经营许可", "description": "跑了两次窗口，都说要去区里办。",
                                    "contact_name": "王大妈", "contact_phone": "13912345678"})
    assert r.status_code == 302
    ticket = CannotDoTicket.objects.get()
    assert ticket.number.startswith("BCS20261123") and ticket.due_on == date(2026, 11, 30)  # 5 working days
    status_url = r.url
    assert "已收到您的反映" in anyone.get(status_url).content.decode()
    assert Notification.objects.filter(phone="13912345678", subject="“办不成事”反映已收到").exists()

    client.force_login(w.police_approver)
    assert ticket.number not in client.get("/ratings/tickets/?queue=new").content.decode()
    client.force_login(w.supervisor)
    assert ticket.number in client.get("/ratings/tickets/?queue=new").content.decode()
    r = client.post(f"/ratings/tickets/{ticket.number}/", {"op": "assign", "department": w.market.pk})
    assert r.status_code == 302

    client.force_login(w.approver)
    r = client.post(f"/ratings/tickets/{ticket.number}/", {"op": "answer", "answer": " "})
    assert r.status_code == 422 and "请填写答复内容" in r.content.decode()
    r = client.post(f"/ratings/tickets/{ticket.number}/", {"op": "answer",
                                                           "answer": "市级窗口即可办理，已安排专人明天上午为您办理。"})
    assert r.status_code == 302
    page = anyone.get(status_url).content.decode()
    assert "已安排专人明天上午为您办理" in page and "部门答复" in page

    client.force_login(w.supervisor)
    r = client.post(f"/ratings/tickets/{ticket.number}/", {"op": "close", "comment": "答复及时。"})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CLOSED and not ticket.late
    history = client.get(f"/ratings/tickets/{ticket.number}/").content.decode()
    for label in ("提交反映", "分派至云川市市场监督管理局", "部门答复", "已办结"):
        assert label in history


@freeze_time(MONDAY)
def test_missing_fields_are_named_and_what_was_typed_stays():
    r = Client().post("/cannot-do/", {"matter_text": "", "description": "窗口下午不上班", "contact_phone": "123"})
    assert r.status_code == 422
    body = r.content.decode()
    for message in ("请填写您想办的事", "请填写联系人姓名", "联系电话格式不正确"):
        assert message in body
    assert "窗口下午不上班" in body and not CannotDoTicket.objects.exists()


def test_an_overdue_ticket_is_escalated_once():
    from tongban.ratings.tasks import sweep

    w = world()
    with freeze_time(MONDAY):
        Client().post("/cannot-do/", {"matter_text": "护照", "description": "系统一直提示错误",
                                      "contact_name": "李四", "contact_phone": "13912345678"})
    with freeze_time(datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai"))):
        assert sweep()["tickets_escalated"] == 1 and sweep()["tickets_escalated"] == 0
    ticket = CannotDoTicket.objects.get()
    assert ticket.late and Notification.objects.filter(recipient=w.supervisor, subject__contains="超期").exists()
    assert Client().get(f"/cannot-do/{ticket.number}/forged/").status_code == 404  # the link is signed
