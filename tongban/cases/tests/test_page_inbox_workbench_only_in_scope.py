"""An approver of another department gets 404 on a case's workbench, and their POST changes nothing."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import Case, Phase
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.staff_support import TODAY, accepted_case

pytestmark = pytest.mark.django_db


@freeze_time(TODAY)
def test_other_department_gets_404_and_cannot_act(client):
    w = make_world()
    case = accepted_case(w)
    client.force_login(w.police_approver)

    assert client.get(f"/inbox/cases/{case.number}/").status_code == 404
    assert client.get("/inbox/cases/NO-SUCH-NUMBER/").status_code == 404  # the same answer

    r = client.post(f"/inbox/cases/{case.number}/act/", {"action": "advance", "expected_revision": case.revision})
    assert r.status_code == 404
    r = client.post(f"/inbox/cases/{case.number}/claim/", {"expected_revision": case.revision})
    assert r.status_code == 404
    after = Case.objects.get(pk=case.pk)
    assert after.revision == case.revision and after.state.code == "review" and after.assignee is None


@freeze_time(TODAY)
def test_own_department_sees_everything_and_acts(client):
    w = make_world()
    case = accepted_case(w)
    client.force_login(w.approver)

    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert w.applicant.id_number in page and "食品经营许可申请书" in page
    assert "审查通过，提交决定" in page and "要求补正（暂停计时）" in page
    assert "领取办件" in page and "延长办理期限" in page and "启动特别程序" in page
    assert "提交申请" in page  # the timeline, internal events included
    r = client.post(f"/inbox/cases/{case.number}/claim/", {"expected_revision": case.revision})
    assert r.status_code == 302
    assert Case.objects.get(pk=case.pk).assignee == w.approver


@freeze_time(TODAY)
def test_a_clerk_cannot_decide(client):
    w = make_world()
    case = accepted_case(w)
    client.force_login(w.clerk)
    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert "审查通过，提交决定" not in page  # no button the clerk may not press
    r = client.post(f"/inbox/cases/{case.number}/act/", {"action": "advance", "expected_revision": case.revision})
    assert r.status_code == 403 and "审批人员" in r.content.decode()
    assert Case.objects.get(pk=case.pk).phase == Phase.PROCESSING
