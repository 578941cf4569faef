"""Late in December, a report of a thing that could not be done and a department's rectification
run into 2027, whose holidays nobody entered yet: the days of 2026 count from the real calendar,
those of 2027 Monday–Friday, the date says 暂估, and the sweep counts it again once an administrator
enters 2027 (docs/domain.md §4.2)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from freezegun import freeze_time

from tongban.notify.models import Notification
from tongban.ratings.models import CannotDoTicket, RatingChannel
from tongban.ratings.services import loop
from tongban.ratings.services.rating import rate
from tongban.ratings.tasks import refresh_provisional
from tongban.ratings.tests.support import completed_case, world
from tongban.workcal.services import set_day, set_year_confirmed

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 12, 28, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def enter_2027():
    set_day(None, day=date(2027, 1, 1), is_working_day=False, name="元旦")
    set_year_confirmed(None, year=2027, note="国务院办公厅通知")


def test_a_report_answered_within_five_working_days_is_marked_until_2027_is_entered(client):
    w = world()
    with freeze_time(MONDAY):
        anyone = Client()
        r = anyone.post("/cannot-do/", {"matter_text": "护照", "description": "系统一直提示错误",
                                        "contact_name": "李四", "contact_phone": "13912345678"})
        ticket = CannotDoTicket.objects.get()
        # 12-29, 12-30, 12-31 from the calendar, then Friday 2027-01-01 and Monday 01-04 as weekdays.
        assert ticket.due_on == date(2027, 1, 4) and ticket.due_provisional
        assert "2027年1月4日（暂估" in anyone.get(r.url).content.decode()
        assert "01月04日（暂估" in Notification.objects.get(phone="13912345678").body
        client.force_login(w.supervisor)
        assert "2027-01-04（暂估）" in client.get("/ratings/tickets/?queue=new").content.decode()

    enter_2027()
    assert refresh_provisional() == 1 and refresh_provisional() == 0
    ticket.refresh_from_db()
    assert ticket.due_on == date(2027, 1, 5) and not ticket.due_provisional


def test_a_rectification_deadline_moves_with_the_calendar_and_stays_told():
    w = world()
    with freeze_time(MONDAY):
        review = rate(None, completed_case(w), level=1, channel=RatingChannel.QR, comment="窗口让我跑了三趟").review
        assert review.step_due == date(2026, 12, 30) and not review.step_due_provisional  # 核实: 2 days, in 2026
        review = loop.verify(w.approver, review, verification="属实", callback_note="已致电道歉", callback_reached=True)
        review = loop.handle(w.approver, review, outcome="rectify", measures="窗口补充一次性告知清单。", days=5)
    assert review.rectify_due == review.step_due == date(2027, 1, 4) and review.step_due_provisional

    enter_2027()
    assert refresh_provisional() == 1
    review.refresh_from_db()
    assert review.rectify_due == review.step_due == date(2027, 1, 5) and not review.step_due_provisional
