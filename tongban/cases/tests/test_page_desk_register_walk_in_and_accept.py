"""一窗受理 at the desk: look the applicant up by ID number (posted, never in the URL), register a
walk-in, fill the form and attach scans, submit, and accept it from the acceptance panel."""

import pytest
from freezegun import freeze_time

from tongban.cases import materials
from tongban.cases.models import Case, Channel, Phase
from tongban.cases.services import intake
from tongban.cases.tests.builders import make_world, pdf, valid_id
from tongban.cases.tests.staff_support import TODAY, form_post_data
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db


@freeze_time(TODAY)
def test_clerk_registers_a_walk_in_and_accepts_it(client):
    w = make_world()
    client.force_login(w.clerk)

    page = client.post("/desk/", {"id_number": w.applicant.id_number, "q": "食品经营"}).content.decode()
    assert "张三" in page and "已注册平台账号" in page
    assert "食品经营许可（新办）" in page and w.market.name in page

    r = client.post("/desk/register/", {"id_number": w.applicant.id_number, "name": "张三",
                                        "phone": "13800001234", "implementation": w.impl.pk})
    case = Case.objects.get(channel=Channel.WINDOW)
    assert r.status_code == 302 and r.url == f"/desk/drafts/{case.uid}/"
    assert case.applicant == w.applicant  # the account was found: it will show in 我的办件

    page = client.get(r.url).content.decode()
    assert "申请表" in page and "申请材料扫描件" in page
    data = form_post_data(case)
    first = materials.required_uploads(case)[0]
    data.update({f"material_{first.pk}": pdf("扫描件.pdf"), "action": "submit"})
    r = client.post(f"/desk/drafts/{case.uid}/", data)
    case.refresh_from_db()
    assert case.phase == Phase.SUBMITTED and case.number
    assert r.status_code == 302 and r.url == f"/inbox/cases/{case.number}/"
    assert case.files.filter(material=first).exists()

    page = client.get(r.url).content.decode()
    assert f"已登记申请，办件编号 {case.number}" in page
    assert "确认受理" in page and "扫描件.pdf" in page

    r = client.post(f"/inbox/cases/{case.number}/act/", {"action": "accept", "expected_revision": case.revision,
                                                         "comment": "纸质材料已当面核对"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.PROCESSING and case.accept_mode == "normal" and case.promised_due
    page = client.get(r.url).content.decode()
    assert f"已受理（办件 {case.number}）" in page
    assert "纸质材料已当面核对" in page and "受理通知书" in page


@freeze_time(TODAY)
def test_an_unknown_person_is_registered_by_name_and_mistakes_are_shown(client):
    w = make_world()
    client.force_login(w.clerk)
    stranger = valid_id("43010219700101002")

    page = client.post("/desk/", {"id_number": stranger}).content.decode()
    assert "未注册平台账号" in page

    r = client.post("/desk/register/", {"id_number": stranger, "name": "", "implementation": w.impl.pk})
    assert r.status_code == 422
    page = r.content.decode()
    assert "请填写“申请人姓名”" in page and stranger in page  # what was typed is still there

    r = client.post("/desk/register/", {"id_number": "430102197001010021", "name": "王五",
                                        "implementation": w.impl.pk})
    assert r.status_code == 422 and "不是有效的公民身份号码" in r.content.decode()
    assert not Case.objects.exists()

    r = client.post("/desk/register/", {"id_number": stranger, "name": "王五", "implementation": w.impl.pk})
    case = Case.objects.get()
    assert case.applicant is None and case.applicant_name == "王五"


@freeze_time(TODAY)
def test_a_bad_answer_keeps_everything_typed(client):
    w = make_world()
    client.force_login(w.clerk)
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三")
    spec = effective_form(case.matter_version)
    phone = next(f for f in spec if f.get("type") == "phone")
    text = next(f for f in spec if f.get("type") in ("text", "address") and not case.answers.get(f["key"]))
    data = {**form_post_data(case), phone["key"]: "12345", text["key"]: "芙蓉区人民路99号", "action": "submit"}

    r = client.post(f"/desk/drafts/{case.uid}/", data)
    assert r.status_code == 422
    page = r.content.decode()
    assert 'value="12345"' in page and "芙蓉区人民路99号" in page
    assert phone["label"] in page
    case.refresh_from_db()
    assert case.phase == Phase.DRAFT and case.answers[text["key"]] == "芙蓉区人民路99号"


@freeze_time(TODAY)
def test_only_clerks_use_the_desk(client):
    w = make_world()
    client.force_login(w.approver)
    r = client.get("/desk/")
    assert r.status_code == 403 and "综合窗口人员" in r.content.decode()
    client.logout()
    assert client.get("/desk/").status_code == 302


@freeze_time(TODAY)
def test_the_lookup_posts_the_id_number_and_ignores_one_in_the_url(client):
    w = make_world()
    client.force_login(w.clerk)
    page = client.get("/desk/").content.decode()
    assert 'method="post" action="/desk/" class="lookup"' in page  # the lookup form does not GET

    page = client.get("/desk/", {"id_number": w.applicant.id_number}).content.decode()
    assert 'class="person"' not in page and "已注册平台账号" not in page  # a number in a URL is not looked up

    page = client.post("/desk/", {"id_number": "43010219900307"}).content.decode()
    assert "公民身份号码应为18位" in page and 'class="person"' not in page  # a mistyped number is explained
