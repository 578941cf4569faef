"""After the window accepted a 开办餐饮店 joint case as one, the fire brigade asks for 补正 on its own
sub-case (the clock stops). The applicant sees the brigade's items on her joint case page — and only
what the brigade needs in the form —, replaces the one file and resubmits from there; the fire
sub-case resumes with its clock running again, while the food licence went on and was decided in the
meantime, and the joint case completes once the brigade decides."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tongban.cases.models import BundlePhase, CaseEvent, Phase
from tongban.cases.services.bundles import accept_bundle
from tongban.cases.tests.builders import pdf
from tongban.notify.models import Notification
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import apply_for_theme, correct_joint_application
from tongban.themes.tests.newborn_support import members
from tongban.themes.tests.support import approver_for, decide, fill, make_theme_world, uploads_for

pytestmark = pytest.mark.django_db

SITUATION = {"entity": "company", "has_licence": True, "area": 400}  # food licence and fire check, in parallel
PLAN = "消防安全制度、灭火和应急疏散预案、场所平面布置图、消防设施平面图"
PROBLEM = "消防设施平面图未标注疏散通道和安全出口，请补充后重新上传"


@pytest.fixture
def w():
    return make_theme_world("restaurant")


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def _apply(w):
    theme = w.themes["restaurant"]
    plan = evaluate_theme(theme, SITUATION, None, user=w.applicant)
    assert [m["code"] for m in plan["chosen"]] == ["food", "fire"]
    bundle, _ = apply_for_theme(w.applicant, theme, situation=SITUATION, answers=fill(plan["form"]),
                                uploads=uploads_for(plan["materials"]))
    return accept_bundle(w.clerk, bundle, expected_revision=bundle.revision)


def _ask_correction(w, fire):
    material = fire.matter_version.materials.get(name=PLAN)
    response = _client(approver_for(w, fire)).post(f"/inbox/cases/{fire.number}/act/", {
        "action": "request_correction", "expected_revision": fire.revision, "rows": 1,
        "item-0-material": material.pk, "item-0-problem": PROBLEM})
    assert response.status_code == 302, response.content.decode()[:2000]
    fire.refresh_from_db()
    assert fire.phase == Phase.CORRECTION and fire.paused_since is not None
    return material


def test_fix_a_department_correction_from_the_joint_case(w):
    bundle = _apply(w)
    m = members(bundle)
    food, fire = m["food"].case, m["fire"].case
    assert food.phase == fire.phase == Phase.PROCESSING
    material = _ask_correction(w, fire)

    # The notice takes the applicant to her joint case, where she acts on everything at once.
    notice = Notification.objects.filter(recipient=w.applicant, channel="site", subject="请补正申请材料").get()
    assert notice.link == f"/my/joint-cases/{bundle.number}/"

    # The food licence does not wait for the fire brigade's 补正.
    decide(w, food, number="JY14314020000001")
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.PROCESSING

    mine = _client(w.applicant)
    url = f"/my/joint-cases/{bundle.number}/"
    page = mine.get(url).content.decode()
    assert "部门要求补正，请补正后提交" in page
    assert f"{m['fire'].name}（{fire.department.name}要求补正）" in page and PROBLEM in page
    key = next(g["key"] for g in bundle.layout["materials"] if g["name"] == PLAN)
    assert f'name="material_{key}"' in page
    # Only what the brigade's sub-case uses can be changed: the decided food licence's own fields are not offered.
    assert 'name="safety_manager_name"' not in page and 'name="staff_count"' not in page
    errors = correct_joint_application(w.applicant, bundle, answers={"staff_count": 30})  # nor through the API
    assert "当前无需补正" in errors["answers.staff_count"]
    food.refresh_from_db()
    assert food.answers["staff_count"] != 30

    not_a_pdf = SimpleUploadedFile("平面图.exe", b"MZ\x90\x00not a pdf", content_type="application/octet-stream")
    bad = mine.post(url + "correct/", {f"material_{key}": not_a_pdf})
    assert bad.status_code == 400 and PROBLEM in bad.content.decode()  # the items stay in view
    fire.refresh_from_db()
    assert fire.files.filter(material=material, replaced_at__isnull=True).count() == 1  # nothing lost

    assert mine.post(url + "correct/", {f"material_{key}": pdf("消防设施平面图（已标注疏散通道）.pdf")}).status_code == 302
    current = fire.files.filter(material=material, replaced_at__isnull=True)
    assert [f.original_name for f in current] == ["消防设施平面图（已标注疏散通道）.pdf"]

    assert mine.post(url + "resubmit/").status_code == 302
    fire.refresh_from_db()
    assert fire.phase == Phase.PROCESSING and fire.paused_since is None and fire.paused_days >= 0
    assert fire.corrections.get().resolved_at is not None
    assert CaseEvent.objects.filter(case=fire, action="resubmit").exists()
    food.refresh_from_db()
    assert food.phase == Phase.COMPLETED  # untouched by the brigade's 补正
    page = mine.get(url).content.decode()
    assert "部门要求补正" not in page and "各部门并联办理中" in page

    decide(w, fire, number="")
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.COMPLETED


def test_nobody_else_can_fix_it(w):
    bundle = _apply(w)
    _ask_correction(w, members(bundle)["fire"].case)
    other = _client(w.other)
    assert other.get(f"/my/joint-cases/{bundle.number}/").status_code == 404
    assert other.post(f"/my/joint-cases/{bundle.number}/resubmit/").status_code == 404
    assert members(bundle)["fire"].case.phase == Phase.CORRECTION
