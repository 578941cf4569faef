"""A joint case (统一、联合、集中办理, 行政许可法 §26) has 45 working days by law; 督办 extends it once,
by at most 15, recording the approval of the head of the people's government at that level
(本级人民政府负责人, §42 ¶2). The window and the departments cannot; the approval is on the joint
case's timeline, in the audit log and in the applicant's message (docs/domain.md §5)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.accounts.models import Role, StaffRole
from tongban.cases.models import Extension, ExtensionKind
from tongban.cases.services.bundles import accept_bundle
from tongban.cases.tests.api_support import call
from tongban.cases.tests.builders import make_user
from tongban.core.models import AuditEvent
from tongban.notify.models import Notification
from tongban.themes.tests.newborn_support import apply_newborn, members
from tongban.themes.tests.support import approver_for, make_theme_world
from tongban.workcal.selectors import add_working_days

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 8, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
APPROVAL = {"approver_name": "赵卫东", "approver_position": "副市长", "approved_on": "2026-08-03",
            "approval_document": "云政办函〔2026〕36号"}


@pytest.fixture
def w():
    w = make_theme_world("newborn")
    w.supervisor = make_user("duban", role=Role.SUPERVISOR, division=w.city, display_name="政务服务管理局督办")
    StaffRole.objects.create(user=w.supervisor, role=Role.SUPERVISOR, division=w.furong)
    return w


@freeze_time(MONDAY)
def test_the_joint_limit_is_45_working_days_and_a_supervisor_extends_it_once_by_15(client, w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    assert bundle.legal_days == 45 and bundle.legal_due == add_working_days(date(2026, 8, 3), 45)
    url = f"/desk/joint-cases/{bundle.number}/extend/"

    # The window accepted it but does not extend it; neither does a member department.
    client.force_login(w.clerk)
    assert "延长联办期限" not in client.get(f"/desk/joint-cases/{bundle.number}/").content.decode()
    assert client.post(url, {"days": "15", "expected_revision": bundle.revision, **APPROVAL}).status_code == 403
    client.force_login(approver_for(w, members(bundle)["cert"].case))
    assert client.post(url, {"days": "15", "expected_revision": bundle.revision, **APPROVAL}).status_code == 403

    client.force_login(w.supervisor)
    page = client.get(f"/desk/joint-cases/{bundle.number}/").content.decode()
    assert "本级人民政府负责人" in page and "受理全部事项" not in page  # the window's buttons stay the window's
    r = client.post(url, {"days": "16", "reason": "需补充现场调查", "approver_name": "赵卫东",
                          "expected_revision": bundle.revision})
    assert r.status_code == 400
    page = r.content.decode()
    for message in ("延长期限应为 1 至 15 个工作日", "请填写批准人的职务（须为本级人民政府负责人）", "请填写批准日期",
                    "请填写批准文件的文号"):
        assert message in page
    assert 'value="赵卫东"' in page and not Extension.objects.exists()

    r = client.post(url, {"days": "15", "reason": "需补充现场调查", "expected_revision": bundle.revision, **APPROVAL})
    assert r.status_code == 302
    bundle.refresh_from_db()
    assert bundle.extension_days == 15 and bundle.legal_due == add_working_days(date(2026, 8, 3), 60)
    x = Extension.objects.get(bundle=bundle)
    assert (x.kind, x.approver_position, x.approval_document, x.entered_by) == (
        ExtensionKind.JOINT, "副市长", "云政办函〔2026〕36号", w.supervisor)
    label = "延长联办期限 15 个工作日，经副市长赵卫东批准（2026-08-03，云政办函〔2026〕36号）"
    assert bundle.events.get(action="extend").label == label
    assert AuditEvent.objects.filter(action="cases.bundle.extend", object_id=bundle.number).exists()
    told = Notification.objects.filter(recipient=w.applicant, subject="联办期限延长").first()
    assert "延长 15 个工作日" in told.body and "需补充现场调查" in told.body

    page = client.get(f"/desk/joint-cases/{bundle.number}/").content.decode()
    assert label in page and "延长联办期限</h2>" not in page  # once only
    r = client.post(url, {"days": "1", "reason": "再延", "expected_revision": bundle.revision, **APPROVAL})
    assert r.status_code == 400 and "依法不能再次延期" in r.content.decode()

    client.force_login(w.applicant)
    assert label in client.get(f"/my/joint-cases/{bundle.number}/").content.decode()


@freeze_time(MONDAY)
def test_a_member_department_extends_only_its_own_case_by_ten(client, w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    cert = members(bundle)["cert"].case
    client.force_login(approver_for(w, cert))
    page = client.get(f"/inbox/cases/{cert.number}/").content.decode()
    assert f"本办件属于联办件 {bundle.number}" in page and "在联办件上录入" in page
    assert 'max="10"' in page and 'name="joint"' not in page


@freeze_time(MONDAY)
def test_the_api_extends_for_a_supervisor_and_shows_the_legal_due_date(client, w):
    bundle = accept_bundle(w.clerk, apply_newborn(w), expected_revision=0)
    url = f"/api/v1/joint-cases/{bundle.number}/extend"
    body = {"days": 10, "reason": "需补充现场调查", "expected_revision": bundle.revision, **APPROVAL}
    client.force_login(w.clerk)
    assert call(client, "POST", url, body).status_code == 403

    client.force_login(w.supervisor)
    missing = call(client, "POST", url, {**body, "approval_document": ""})
    assert missing.status_code == 422 and missing.json()["fields"] == {"approval_document": ["请填写批准文件的文号（或审批单编号）"]}
    res = call(client, "POST", url, body)
    assert res.status_code == 200, res.content
    deadline = res.json()["deadline"]
    assert deadline["legal_due"] == add_working_days(date(2026, 8, 3), 55).isoformat()
    assert deadline["provisional"] is False
