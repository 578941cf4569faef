"""好差评公示: counts per level, 好评率, bad ratings and their on-time closure per department,
matter, window and staff; a voided rating does not count; the same figures in the Excel export."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from openpyxl import load_workbook

from tongban.ratings import statistics
from tongban.ratings.models import RatingChannel
from tongban.ratings.services import loop
from tongban.ratings.services.rating import rate
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def close_on_time(w, review):
    review = loop.verify(w.approver, review, verification="属实", callback_note="已回访", callback_reached=True)
    review = loop.handle(w.approver, review, outcome="explain", measures="系统故障已修复", feedback="已修复")
    for actor in (w.approver, w.supervisor, w.supervisor):
        review = loop.review_step(actor, review, approve=True)
    return review


@freeze_time(MONDAY)
def test_statistics_page_and_export(client):
    w = world()
    for level in (5, 5, 4, 3):
        rate(None, completed_case(w), level=level, channel=RatingChannel.QR)
    closed = rate(None, completed_case(w), level=2, channel=RatingChannel.QR).review
    close_on_time(w, closed)
    rate(None, completed_case(w), level=1, channel=RatingChannel.QR)  # still open
    voided = rate(None, completed_case(w), level=1, channel=RatingChannel.QR).review
    voided = loop.verify(w.approver, voided, verification="误点", callback_note="本人确认", callback_reached=True)
    voided = loop.handle(w.approver, voided, outcome="appeal", appeal_reason="误点")
    loop.decide_appeal(w.supervisor, voided, upheld=True, comment="成立")

    row = statistics.rows("department", statistics.this_year())[0]
    assert (row["name"], row["total"], row["levels"], row["bad"], row["bad_on_time"]) == (
        "云川市市场监督管理局", 6, [2, 1, 1, 1, 1], 2, 1)
    assert row["good_rate"] == pytest.approx(4 / 6) and row["on_time_rate"] == pytest.approx(0.5)
    assert statistics.rows("staff", statistics.this_year())[0]["name"] == "审批刘强"

    page = client.get("/ratings/").content.decode()
    assert "66.67%" in page and "50.00%" in page and "云川市市场监督管理局" in page
    assert "按工作人员" not in page  # staff figures are for 督办 only
    client.force_login(w.supervisor)
    assert "审批刘强" in client.get("/ratings/?by=staff").content.decode()

    r = client.get("/ratings/export.xlsx")
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["按部门", "按事项", "按窗口", "按工作人员"]
    ws = wb["按部门"]
    assert [c.value for c in ws[2]][:3] == ["名称", "评价总数", "非常满意"]
    assert [c.value for c in ws[3]][:2] == ["云川市市场监督管理局", 6]
    assert ws.cell(row=3, column=8).value == pytest.approx(4 / 6) and ws.cell(row=3, column=8).number_format == "0.00%"


def test_bad_dates_are_named(client):
    r = client.get("/ratings/?start=2026-13-01")
    assert r.status_code == 422 and "开始日期格式应为" in r.content.decode()
    assert client.get("/api/v1/ratings/stats?start=2026-05-01&end=2026-01-01").status_code == 422
