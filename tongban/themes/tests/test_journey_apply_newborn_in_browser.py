"""Acceptance in a real browser: a mother applies for 新生儿出生一件事 choosing some of the services; the
form asks the parents' ID numbers once; the window accepts it as one; each department sees only its
sub-case in its own 办件箱; when all are decided she sees one completed joint case with every result."""

import pytest

from tongban.cases.models import BundlePhase, Case, CaseBundle
from tongban.cases.tests.builders import PDF_BYTES
from tongban.core.tests.browser import log_in
from tongban.themes.selectors import evaluate_theme
from tongban.themes.tests.newborn_support import BABY_ID, CERT_NO, SITUATION
from tongban.themes.tests.support import approver_for, decide, make_theme_world, sample_value

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PARENT_ID_FIELDS = ("applicant_id_number", "mother_id_number", "father_id_number")


def _fill_page(page, fields):
    for f in fields:
        box = page.locator(f'[name="{f["key"]}"]')
        if not box.count() or not box.first.is_visible():
            continue
        kind = f["type"]
        value = "王小宝" if f["key"] == "baby_name" else sample_value(f)
        if kind == "select":
            box.select_option(str(value))
        elif kind in ("radio", "checkbox"):
            page.locator(f'[name="{f["key"]}"][value="{value[0] if isinstance(value, list) else value}"]').check()
        elif kind == "boolean":
            box.first.check()
        elif not box.input_value():
            box.fill(str(value))


def test_apply_for_newborn_choosing_some_services(page, live_server):
    w = make_theme_world("newborn")
    plan = evaluate_theme(w.themes["newborn"], SITUATION, ["medical"], user=w.applicant)
    form = [f for f in plan["form"] if f["type"] != "section"]

    log_in(page, live_server, w.applicant)
    page.goto("/themes/newborn/")
    assert "减材料、减环节、减时限、减跑动" in page.content()
    page.get_by_role("button", name="开始办理").first.click()
    page.get_by_label("是").check()
    page.get_by_role("button", name="继续").click()
    page.get_by_label("是").check()
    page.get_by_role("button", name="继续").click()
    # Optional services: only the baby's medical insurance, not the vaccination card or the social security card.
    for box in page.locator('[name="optional"]').all():
        box.set_checked(box.get_attribute("value") == "medical")
    page.get_by_role("button", name="继续").click()

    seen: list[str] = []
    while "/apply/form/" in page.url:
        seen += page.locator("input[name], select[name], textarea[name]").evaluate_all(
            "els => els.filter(e => e.type !== 'hidden').map(e => e.name)")
        _fill_page(page, form)
        page.get_by_role("button", name="继续").click()
    for key in PARENT_ID_FIELDS:
        assert seen.count(key) <= 1, f"{key} asked {seen.count(key)} times"
    assert "applicant_id_number" in seen and "mother_id_number" in seen

    assert "/apply/materials/" in page.url
    for m in plan["materials"]:
        if m["upload"] and m["required"]:
            page.set_input_files(f"#material-{m['key']}", files=[
                {"name": f"{m['name']}.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}])
    page.get_by_role("button", name="上传并继续").click()
    assert "/apply/check/" in page.url
    assert "王小宝" in page.content()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/submitted/")
    bundle = CaseBundle.objects.get(applicant=w.applicant)
    assert bundle.number in page.locator(".confirmation-panel").inner_text()
    assert set(bundle.members.values_list("code", flat=True)) == {"cert", "hukou", "medical"}

    # The comprehensive window accepts the whole application at once.
    log_in(page, live_server, w.clerk)
    page.goto(f"/desk/joint-cases/{bundle.number}/")
    page.get_by_role("button", name="受理全部事项").click()
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.PROCESSING
    assert "办理中" in page.locator(".bundle-phase").inner_text()

    # Each department sees its own sub-case in its 办件箱 and not the others; the members that need
    # another's result (户口 needs the 出生医学证明, 医保 needs the 户口) reach their department later.
    def sees_only(code):
        subs = {m.code: Case.objects.get(pk=m.case_id) for m in bundle.members.all()}
        assert subs[code].number, f"{code} was not dispatched"
        log_in(page, live_server, approver_for(w, subs[code]))
        page.goto("/inbox/?queue=review")
        text = page.content()
        assert subs[code].number in text
        for other, case in subs.items():
            if other != code and case.number and case.department_id != subs[code].department_id:
                assert case.number not in text
        assert page.goto(f"/desk/joint-cases/{bundle.number}/").status == 403  # not the window's page
        return subs[code]

    assert Case.objects.get(bundle=bundle, bundle_member__code="hukou").number is None
    decide(w, sees_only("cert"), number=CERT_NO)
    decide(w, sees_only("hukou"), number=BABY_ID)
    decide(w, sees_only("medical"), number="YB-2026-0001")

    log_in(page, live_server, w.applicant)
    page.goto(f"/my/joint-cases/{bundle.number}/")
    assert page.locator(".bundle-phase").inner_text() == "已办结"
    results = page.locator("#results").inner_text()
    for case in Case.objects.filter(bundle=bundle):
        for r in case.results.all():
            assert r.name in results
    assert CERT_NO in results and BABY_ID in results
    assert not page.js_errors
