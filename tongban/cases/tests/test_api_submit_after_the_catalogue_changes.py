"""Submitting right after the catalogue changed: the per-process caches of the submission path
(implementation by code, published version, the matter's workflow) never answer with what was
true before. Each test files one case first, so the caches are full when the change happens."""

import pytest

from tongban.cases.models import Case, MatterProcess
from tongban.cases.tests.api_support import submit_multipart
from tongban.cases.tests.builders import make_world
from tongban.catalog.services import cancel_implementation, publish_spec
from tongban.catalog.tests.builders import matter_spec
from tongban.workflow.definitions import Definition
from tongban.workflow.services import install

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(client):
    w = make_world()
    client.force_login(w.applicant)
    first = submit_multipart(client, w, key="before-the-change")
    assert first.status_code == 201, first.content
    return w


def test_a_cancelled_implementation_takes_no_more_applications(client, w):
    cancel_implementation(None, w.impl, "职能调整，改由区级实施")

    res = submit_multipart(client, w, key="after-the-change")

    assert res.status_code == 422
    assert "未找到实施编码" in res.json()["fields"]["implementation_code"][0]
    assert Case.objects.count() == 1


def test_a_new_version_is_applied_for_at_once(client, w):
    old = w.version
    w.version, changed = publish_spec(None, basic_code=old.matter.basic_code, owner_department=w.market,
                                      spec=matter_spec(promised_limit_days=3, legal_limit_days=20,
                                                       conditions="新版受理条件：经营场所已取得消防验收。"))
    assert changed and w.version.pk != old.pk

    res = submit_multipart(client, w, key="after-the-change")

    assert res.status_code == 201, res.content
    assert res.json()["matter"]["version"] == w.version.number
    assert Case.objects.get(number=res.json()["number"]).matter_version == w.version


def test_a_matter_moved_to_its_own_workflow_starts_there(client, w):
    onsite = install(Definition(
        code="with-site-check", name="含现场核查的审批流程", subject="case",
        states=[{"code": "accept", "name": "受理", "kind": "start"}, {"code": "site", "name": "现场核查", "kind": "work"},
                {"code": "decide", "name": "决定", "kind": "work"}, {"code": "done", "name": "办结", "kind": "final"}],
        transitions=[("accept", "accept", "受理", "site", ["clerk", "approver"]),
                     ("site", "advance", "核查通过", "decide", ["approver"]),
                     ("decide", "approve", "准予", "done", ["approver"])]))
    MatterProcess.objects.create(matter=w.impl.matter, process=onsite.process)

    res = submit_multipart(client, w, key="after-the-change")

    assert res.status_code == 201, res.content
    case = Case.objects.get(number=res.json()["number"])
    assert case.workflow == onsite and case.state.version == onsite and case.state.code == "accept"
