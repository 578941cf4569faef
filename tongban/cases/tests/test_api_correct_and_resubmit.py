"""补正 through the API: the applicant sees every item at once, fixes them, sends the same case back."""

import pytest

from tongban.cases.models import ActionKind, Case
from tongban.cases.services.processing import act
from tongban.cases.tests.api_support import call
from tongban.cases.tests.builders import make_world, pdf, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def _ask_for_correction(w, case):
    plan = w.materials["经营场所平面图"]
    return act(w.clerk, case, ActionKind.REQUEST_CORRECTION, expected_revision=case.revision,
               items=[{"material_id": plan.pk, "name": plan.name, "problem": "未标注经营面积"}], note="请补正后提交")


def test_applicant_uploads_the_fixed_material_and_resubmits(client, w):
    case = _ask_for_correction(w, submitted_case(w))
    client.force_login(w.applicant)

    body = call(client, "GET", f"/api/v1/cases/{case.number}").json()
    assert body["phase"]["label"] == "待补正"
    assert body["correction"]["items"][0]["problem"] == "未标注经营面积"
    assert "correction" in {n["kind"] for n in body["notices"]}

    plan = w.materials["经营场所平面图"]
    res = client.post(f"/api/v1/cases/{case.number}/files", {"material_id": plan.pk, "file": pdf("平面图（修改）.pdf")})
    assert res.status_code == 201, res.content

    res = call(client, "POST", f"/api/v1/cases/{case.number}/resubmit")
    assert res.status_code == 200, res.content
    assert res.json()["phase"]["code"] == "submitted" and res.json()["number"] == case.number
    assert res.json()["timeline"][-1]["label"] == "提交补正材料"


def test_answers_can_be_corrected_while_in_correction(client, w):
    from tongban.forms.defaults import effective_form

    case = _ask_for_correction(w, submitted_case(w))
    phone = next(f for f in effective_form(w.version) if f.get("type") == "phone")
    client.force_login(w.applicant)

    bad = call(client, "PATCH", f"/api/v1/cases/{case.number}/answers", {"answers": {phone["key"]: "12"}})
    assert bad.status_code == 422 and phone["label"] in bad.json()["fields"][f"answers.{phone['key']}"][0]
    good = call(client, "PATCH", f"/api/v1/cases/{case.number}/answers", {"answers": {phone["key"]: "13700001111"}})
    assert good.status_code == 200 and good.json()["answers"][phone["key"]] == "13700001111"


def test_resubmitting_when_nothing_was_asked_is_refused(client, w):
    case = submitted_case(w)
    client.force_login(w.applicant)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/resubmit")
    assert res.status_code == 422 and res.json()["message"] == "该办件当前无需补正。"


def test_withdraw_before_acceptance(client, w):
    case = submitted_case(w)
    client.force_login(w.applicant)
    res = call(client, "POST", f"/api/v1/cases/{case.number}/withdraw", {"reason": "信息填错，重新申请"})
    assert res.status_code == 200 and res.json()["phase"]["label"] == "已撤回"
    assert Case.objects.get(pk=case.pk).events.filter(action="withdraw").exists()
