"""补正 from the case page: the items listed at once, upload the fixed file, 提交补正."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tongban.cases.models import ActionKind, Phase
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, pdf, submitted_case

pytestmark = pytest.mark.django_db


def corrected(w):
    case = submitted_case(w)
    plan = w.materials["经营场所平面图"]
    items = [{"material_id": plan.pk, "name": plan.name, "problem": "未标注操作间面积"},
             {"material_id": None, "name": "联系电话", "problem": "无法接通，请核实"}]
    return act(w.clerk, case, ActionKind.REQUEST_CORRECTION, expected_revision=case.revision, items=items,
               note="请一并核对营业执照信息")


def test_applicant_sees_every_item_and_fixes_the_same_case(client):
    w = make_world()
    case = corrected(w)
    plan = w.materials["经营场所平面图"]
    old = case.files.get(material=plan)
    client.force_login(w.applicant)

    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert "需要补正的内容（一次性告知，共 2 项）" in page
    assert "未标注操作间面积" in page and "无法接通，请核实" in page and "请一并核对营业执照信息" in page
    assert f"/cases/{case.number}/notices/correction.pdf" in page
    assert f'id="material-{plan.pk}"' in page and "提交补正" in page

    bad = SimpleUploadedFile("平面图.pdf", b"MZ" + b"\x00" * 100)
    response = client.post(f"/my/cases/{case.number}/upload/", {f"material-{plan.pk}": bad, "upload": plan.pk})
    assert response.status_code == 200 and "只接受" in response.content.decode()

    client.post(f"/my/cases/{case.number}/remove-file/", {"remove": old.pk})
    response = client.post(f"/my/cases/{case.number}/resubmit/")
    assert response.status_code == 200 and "请上传“经营场所平面图”" in response.content.decode()

    response = client.post(f"/my/cases/{case.number}/upload/",
                           {f"material-{plan.pk}": pdf("平面图（已标注）.pdf"), "upload": plan.pk})
    assert response.status_code == 302
    response = client.post(f"/my/cases/{case.number}/resubmit/", follow=True)
    page = response.content.decode()
    assert "补正材料已提交" in page
    case.refresh_from_db()
    assert case.phase == Phase.SUBMITTED
    timeline = page[page.index("办理进度"):]
    assert timeline.index("一次性告知补正（2 项）") < timeline.index("提交补正材料")
    assert "平面图（已标注）.pdf" in page


def test_a_wrong_answer_can_be_corrected_on_the_case_page(client):
    from tongban.forms.defaults import effective_form

    w = make_world()
    case = corrected(w)
    phone_key = next(f["key"] for f in effective_form(case.matter_version) if f.get("type") == "phone")
    client.force_login(w.applicant)

    response = client.post(f"/my/cases/{case.number}/answers/", {phone_key: "12"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="12"' in page and "<details class=\"edit-answers\" open>" in page

    client.post(f"/my/cases/{case.number}/answers/", {phone_key: "13700001111"})
    case.refresh_from_db()
    assert case.answers[phone_key] == "13700001111"
