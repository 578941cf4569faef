"""Where the rating link reaches people: the decision notice (QR code with a caption), the
applicant's case page once it is 办结, and one SMS after completion."""

import subprocess

import pytest

from tongban.cases import notices
from tongban.cases.rating_links import case_number_from, rating_path
from tongban.notify.models import Notification
from tongban.ratings.tasks import invite_completed
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def test_decision_notice_carries_the_rating_qr(tmp_path):
    w = world()
    case = completed_case(w)
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(notices.render(case, "decision"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "扫码评价本次服务（好差评）" in text
    token = rating_path(case.number).split("/")[2]
    assert case_number_from(token) == case.number and case_number_from(token[:-2] + "xx") is None
    accept = tmp_path / "accept.pdf"
    accept.write_bytes(notices.render(case, "accept"))
    assert "好差评" not in subprocess.run(["pdftotext", str(accept), "-"], capture_output=True, text=True).stdout


def test_case_page_offers_the_rating_once_completed(client):
    w = world()
    case = completed_case(w)
    client.force_login(w.applicant)
    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert "评价本次办事" in page and rating_path(case.number) in page


def test_one_sms_invitation_per_completed_case():
    w = world()
    case = completed_case(w)
    assert invite_completed() == 1 and invite_completed() == 0
    sms = Notification.objects.get(subject="邀您评价")
    assert sms.phone == "13800001234" and rating_path(case.number) in sms.body and sms.link.endswith("?via=sms")
