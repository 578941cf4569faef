"""ID and mobile numbers are masked (4301**********1234, 138****5678) in staff queues, on the
supervisor's board, in the audit log and in log lines; the approver deciding and the applicant on
their own pages see them in full."""

import logging

import pytest
from django.conf import settings
from freezegun import freeze_time

from tongban.cases.tests.staff_support import TODAY, accepted_case, at
from tongban.core.masking import (
    MaskPersonalDataFilter,
    mask_id_number,
    mask_name,
    mask_personal_data,
    mask_phone,
)
from tongban.core.models import AuditEvent
from tongban.core.services import audit

pytestmark = pytest.mark.django_db


def test_the_masks():
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("欧阳小明") == "欧**明"
    text = "申请人 11010519491231002X，电话13812345678，订单 202611230000000001，信用代码 91431402MA4T8K6X25"
    assert mask_personal_data(text) == ("申请人 1101**********002X，电话138****5678，订单 202611230000000001，"
                                         "信用代码 91431402MA4T8K6X25")


@freeze_time(TODAY)
def test_queues_and_the_board_show_masked_numbers(client):
    from tongban.cases.tests.builders import make_world

    w = make_world()
    late = accepted_case(w, at=at(2026, 11, 2))  # overdue: on the supervisor's board
    number, phone = w.applicant.id_number, w.applicant.phone

    client.force_login(w.supervisor)
    for url in ("/inbox/", "/supervise/", f"/inbox/cases/{late.number}/"):
        page = client.get(url).content.decode()
        assert mask_id_number(number) in page, url
        assert number not in page and phone not in page, url

    client.force_login(w.approver)  # deciding the case: the full number
    page = client.get(f"/inbox/cases/{late.number}/").content.decode()
    assert number in page and phone in page
    assert number not in client.get("/inbox/").content.decode()  # but not in the queue

    client.force_login(w.applicant)  # the applicant on their own case
    assert number in client.get(f"/my/cases/{late.number}/answers/").content.decode() or \
        number in client.get(f"/my/cases/{late.number}/").content.decode()


def test_the_audit_log_keeps_numbers_masked():
    event = audit("测试", "test.write", None, "登记 11010519491231002X 的申请，联系 13812345678",
                  {"changes": {"phone": ["13812345678", "13987654321"]}, "count": 2})
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.summary == "登记 1101**********002X 的申请，联系 138****5678"
    assert event.data == {"changes": {"phone": ["138****5678", "139****4321"]}, "count": 2}


def test_log_lines_leave_the_process_masked():
    assert "mask_personal_data" in settings.LOGGING["handlers"]["console"]["filters"]
    record = logging.LogRecord("tongban", logging.WARNING, __file__, 1, "短信发往 %s（申请人 %s）失败",
                               ("13812345678", "11010519491231002X"), None)
    assert MaskPersonalDataFilter().filter(record)
    assert record.getMessage() == "短信发往 138****5678（申请人 1101**********002X）失败"
