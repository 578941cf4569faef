"""On the workbench an approver extends a case by recording the approval of the head of the body
(本行政机关负责人, 行政许可法 §42 ¶1): there is no "联合办理" box that would allow 15 days; missing
approval details are named next to their fields and nothing typed is lost; the approval is on the
timeline the applicant reads."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import Case, Extension
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.staff_support import TODAY, accepted_case

pytestmark = pytest.mark.django_db

APPROVAL = {"approver_name": "李建国", "approver_position": "局长", "approved_on": "2026-11-23",
            "approval_document": "云市监审〔2026〕18号"}


@freeze_time(TODAY)
def test_approver_records_the_heads_approval_and_the_applicant_sees_it(client):
    w = make_world()
    case = accepted_case(w)
    client.force_login(w.approver)
    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert "本行政机关负责人" in page and "批准文件文号" in page
    assert 'name="joint"' not in page and "最长 15 个工作日" not in page

    url = f"/inbox/cases/{case.number}/extend/"
    r = client.post(url, {"days": "5", "reason": "需现场核实经营场所", "approver_name": "李建国",
                          "expected_revision": case.revision})
    assert r.status_code == 422
    page = r.content.decode()
    assert "请填写批准人的职务（须为本行政机关负责人）" in page and "请填写批准日期" in page
    assert 'value="李建国"' in page and "需现场核实经营场所" in page  # what was typed stays
    assert not Extension.objects.exists()

    r = client.post(url, {"days": "5", "reason": "需现场核实经营场所", "expected_revision": case.revision, **APPROVAL})
    assert r.status_code == 302
    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert "已延期 5 个工作日，经局长李建国批准（2026-11-23，云市监审〔2026〕18号）" in page
    assert "延长办理期限" not in page.split("已延期", 1)[1]  # the form is gone: once only
    assert Case.objects.get(pk=case.pk).extension_days == 5

    client.force_login(w.applicant)
    mine = client.get(f"/my/cases/{case.number}/").content.decode()
    assert "延长办理期限 5 个工作日，经局长李建国批准" in mine and "需现场核实经营场所" in mine
