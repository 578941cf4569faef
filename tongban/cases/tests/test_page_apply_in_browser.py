"""In a real browser: fill the form, upload a PDF, submit, and find the number on 我的办件."""

import pytest

from tongban.cases import materials
from tongban.cases.models import Case, Phase
from tongban.cases.tests.builders import PDF_BYTES, _sample_value, make_world
from tongban.core.tests.browser import log_in
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)



def fill(page, field):
    box = page.locator(f'[name="{field["key"]}"]')
    kind = field.get("type")
    if not box.first.is_visible():
        return  # a block for the other kind of applicant, hidden once 申请人类型 is chosen
    if kind == "select":
        box.select_option(field["options"][0]["value"])
    elif kind in ("radio", "checkbox", "boolean"):
        box.first.check()
    else:
        box.fill(str(_sample_value(field)))


def test_apply_upload_submit_and_see_the_number(page, live_server):
    w = make_world()
    log_in(page, live_server, w.applicant)

    page.goto(f"/apply/{w.impl.code}/")
    page.get_by_role("button", name="开始填写申请表").click()
    page.wait_for_url("**/my/drafts/**")
    case = Case.objects.get(applicant=w.applicant)
    spec = effective_form(case.matter_version)
    # Name, ID number and phone come from the account.
    assert page.locator(f'[name="{spec_key(spec, "id_number")}"]').input_value() == w.applicant.id_number

    for field in spec:
        if field.get("type") != "section" and not case.answers.get(field["key"]):
            fill(page, field)

    uploads = materials.required_uploads(case)
    first, rest = uploads[0], uploads[1:]
    page.set_input_files(f"#material-{first.pk}",
                         files=[{"name": "申请书.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}])
    page.get_by_role("button", name=f"上传 “{first.name}”").click()
    page.wait_for_url(f"**/my/drafts/{case.uid}/#material-{first.pk}")
    assert page.get_by_role("link", name="申请书.pdf").is_visible()
    # The other materials are chosen and sent together with 提交申请.
    for m in rest:
        page.set_input_files(f"#material-{m.pk}",
                             files=[{"name": f"{m.name}.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}])
    page.get_by_role("button", name="提交申请").click()

    page.wait_for_url("**/my/cases/**")
    case.refresh_from_db()
    assert case.phase == Phase.SUBMITTED
    panel = page.locator(".confirmation-panel")
    assert panel.get_by_role("heading", name="申请已提交").is_visible()
    assert case.number in panel.inner_text()

    page.get_by_role("link", name="我的办件").first.click()
    page.wait_for_url("**/my/cases/")
    row = page.get_by_role("row").filter(has_text=case.number)
    assert row.is_visible() and "等待部门受理" in row.inner_text()
    assert page.js_errors == []


def spec_key(spec, kind):
    return next(f["key"] for f in spec if f.get("type") == kind)
