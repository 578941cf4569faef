"""Two people on the same case: the second one's page is stale; they are told, nothing is done twice."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import ActionKind, Case
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, pdf
from tongban.cases.tests.staff_support import TODAY, accepted_case

pytestmark = pytest.mark.django_db


@freeze_time(TODAY)
def test_stale_revision_shows_already_handled(client):
    w = make_world()
    case = accepted_case(w)
    seen = case.revision
    # 审批陈静 acts first…
    act(w.approver2, case, ActionKind.ADVANCE, expected_revision=seen, comment="材料齐全")
    # …then 审批刘强 presses the same button on the page he opened before.
    client.force_login(w.approver)
    r = client.post(f"/inbox/cases/{case.number}/act/",
                    {"action": "advance", "expected_revision": seen, "comment": "我的审查意见"})
    assert r.status_code == 409
    page = r.content.decode()
    assert "已被他人处理" in page and "审批陈静" in page
    assert f'href="/inbox/cases/{case.number}/"' in page and "重新载入" in page
    assert "我的审查意见" in page  # what he typed is not lost
    assert Case.objects.get(pk=case.pk).events.filter(action="advance").count() == 1


@freeze_time(TODAY)
def test_stale_revision_also_guards_actions_without_a_workflow_step(client):
    w = make_world()
    case = accepted_case(w)
    seen = case.revision
    act(w.approver2, case, ActionKind.ADVANCE, expected_revision=seen)
    client.force_login(w.clerk)
    r = client.post(f"/inbox/cases/{case.number}/upload/",
                    {"expected_revision": seen, "material": w.materials["食品安全管理制度"].pk,
                     "file": pdf()})
    assert r.status_code == 409 and "已被他人处理" in r.content.decode()


@freeze_time(TODAY)
def test_a_missing_reason_keeps_the_form_open_with_the_message(client):
    w = make_world()
    case = accepted_case(w)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    client.force_login(w.approver)
    r = client.post(f"/inbox/cases/{case.number}/act/", {"action": "deny", "expected_revision": case.revision,
                                                         "comment": "  "})
    assert r.status_code == 422
    page = r.content.decode()
    assert "不予决定必须说明理由" in page
    assert 'id="act-deny" open' in page
