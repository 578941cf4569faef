"""Staff opening a case — the workbench page or the API's case detail, which show the applicant's full ID
and phone numbers — leave an entry in the audit log each time; the applicant reading their own case and a
staff member refused a case outside their scope do not."""

import pytest
from django.test import Client
from freezegun import freeze_time

# Built before freezegun's FakeDate stands in for datetime.date: pydantic has no schema for it.
import tongban.urls  # noqa: F401
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.staff_support import TODAY, accepted_case
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _openings(case):
    return list(AuditEvent.objects.filter(action="cases.case.open", object_id=case.number).order_by("id"))


@freeze_time(TODAY)
def test_the_workbench_and_the_api_detail_are_audited():
    w = make_world()
    case = accepted_case(w)
    approver = Client()
    approver.force_login(w.approver)

    page = approver.get(f"/inbox/cases/{case.number}/", REMOTE_ADDR="10.8.0.15")
    assert page.status_code == 200 and w.applicant.id_number in page.content.decode()
    [opened] = _openings(case)
    assert opened.actor == w.approver and opened.object_type == "cases.case" and opened.ip == "10.8.0.15"
    assert opened.data == {"channel": "page"} and opened.summary == f"{case.number} 查看办件（办件页面）"

    detail = approver.get(f"/api/v1/cases/{case.number}")
    assert detail.status_code == 200 and detail.json()["applicant_id_number"] == w.applicant.id_number
    approver.get(f"/inbox/cases/{case.number}/")  # every opening counts
    assert [e.data["channel"] for e in _openings(case)] == ["page", "api", "page"]
    # The case's own timeline (what the applicant reads) is about its handling, not about who looked.
    assert "查看办件" not in approver.get(f"/api/v1/cases/{case.number}").content.decode()


@freeze_time(TODAY)
def test_the_applicant_and_staff_outside_the_scope_leave_no_entry():
    w = make_world()
    case = accepted_case(w)
    applicant = Client()
    applicant.force_login(w.applicant)
    assert applicant.get(f"/api/v1/cases/{case.number}").status_code == 200

    police = Client()
    police.force_login(w.police_approver)
    assert police.get(f"/inbox/cases/{case.number}/").status_code == 404
    assert police.get(f"/api/v1/cases/{case.number}").status_code == 404
    assert _openings(case) == []
