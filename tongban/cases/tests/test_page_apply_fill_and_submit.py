"""An applicant starts an application, saves a draft with a mistake, uploads, and submits."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tongban.cases.models import Case, Channel, Phase
from tongban.cases.tests.builders import PDF_BYTES, fill_and_upload, make_world, pdf
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db

IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.4 Mobile/15E148 Safari/604.1")


def field_key(case, kind):
    return next(f["key"] for f in effective_form(case.matter_version) if f.get("type") == kind)


def start(client, w, **headers):
    client.force_login(w.applicant)
    response = client.post(f"/apply/{w.impl.code}/", headers=headers)
    assert response.status_code == 302
    case = Case.objects.get(applicant=w.applicant, phase=Phase.DRAFT)
    assert response["Location"] == f"/my/drafts/{case.uid}/"
    return case


def test_start_page_lists_what_to_prepare_and_opens_a_draft(client):
    w = make_world()
    client.force_login(w.applicant)
    page = client.get(f"/apply/{w.impl.code}/").content.decode()
    assert "食品经营许可申请书" in page and "免提交，由部门核验" in page
    assert not Case.objects.exists()  # looking at the start page creates nothing

    case = start(client, w)
    assert case.channel == Channel.WEB
    page = client.get(f"/apply/{w.impl.code}/").content.decode()
    assert f"/my/drafts/{case.uid}/" in page  # the draft can be resumed from the start page


def test_a_phone_applies_through_the_mobile_channel(client):
    w = make_world()
    case = start(client, w, user_agent=IPHONE)
    assert case.channel == Channel.MOBILE


def test_draft_page_shows_materials_with_their_source(client):
    w = make_world()
    case = start(client, w)
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    licence = w.materials["营业执照"]
    application = w.materials["食品经营许可申请书"]
    assert "免提交，由部门核验" in page
    assert f'name="material-{licence.pk}"' not in page  # nothing to upload for a government-issued licence
    assert re.search(rf'<input type="file" id="material-{application.pk}" name="material-{application.pk}" '
                     r'accept="\.pdf,\.jpg,\.jpeg,\.png,\.ofd"', page)


def test_saving_a_draft_with_a_bad_id_number_keeps_everything_else(client):
    w = make_world()
    case = start(client, w)
    id_key, phone_key = field_key(case, "id_number"), field_key(case, "phone")

    response = client.post(f"/my/drafts/{case.uid}/", {
        id_key: "430102199003071230", phone_key: "13912345678", "action": "save"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "申请表有 1 处需要修改" in page
    assert "身份" in page and 'value="430102199003071230"' in page  # what was typed is shown again
    field = re.search(rf'<input[^>]*name="{id_key}"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field
    case.refresh_from_db()
    assert case.answers[phone_key] == "13912345678"
    assert case.answers.get(id_key) != "430102199003071230"

    # Coming back later, the good answer is still there.
    page = client.get("/my/cases/").content.decode()
    assert f"/my/drafts/{case.uid}/" in page
    assert 'value="13912345678"' in client.get(f"/my/drafts/{case.uid}/").content.decode()


def test_a_renamed_executable_is_refused_with_a_message(client):
    w = make_world()
    case = start(client, w)
    material = w.materials["食品经营许可申请书"]
    fake = SimpleUploadedFile("申请书.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")

    response = client.post(f"/my/drafts/{case.uid}/", {f"material-{material.pk}": fake, "upload": material.pk,
                                                       "action": "save"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "申请书.pdf" in page and "只接受" in page
    assert f'href="#material-{material.pk}"' in page  # the summary links to the upload
    assert not case.files.exists()


def test_upload_then_remove_a_file(client):
    w = make_world()
    case = start(client, w)
    material = w.materials["食品经营许可申请书"]
    response = client.post(f"/my/drafts/{case.uid}/", {f"material-{material.pk}": pdf("我的申请书.pdf"),
                                                       "upload": material.pk, "action": "save"})
    assert response.status_code == 302 and response["Location"].endswith(f"#material-{material.pk}")
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    f = case.files.get()
    assert "我的申请书.pdf" in page
    download = client.get(f"/my/drafts/{case.uid}/files/{f.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES

    client.post(f"/my/drafts/{case.uid}/", {"remove": f.pk, "action": "save"})
    assert "我的申请书.pdf" not in client.get(f"/my/drafts/{case.uid}/").content.decode()


def test_submit_lists_every_problem_then_shows_the_number(client):
    w = make_world()
    case = start(client, w)
    response = client.post(f"/my/drafts/{case.uid}/", {"action": "submit"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "提交前请修改以下问题" in page
    assert "请上传“经营场所平面图”" in page
    assert f'href="#material-{w.materials["经营场所平面图"].pk}"' in page
    case.refresh_from_db()
    assert case.phase == Phase.DRAFT

    fill_and_upload(w, case)
    response = client.post(f"/my/drafts/{case.uid}/", {"action": "submit"}, follow=True)
    case.refresh_from_db()
    assert case.phase == Phase.SUBMITTED and case.number
    page = response.content.decode()
    assert "申请已提交" in page and case.number in page
    assert response.redirect_chain[-1][0] == f"/my/cases/{case.number}/"

    # The confirmation panel is shown once; a second click on the old form lands on the case.
    assert "申请已提交" not in client.get(f"/my/cases/{case.number}/").content.decode()
    again = client.post(f"/my/drafts/{case.uid}/", {"action": "submit"})
    assert again.status_code == 302 and again["Location"] == f"/my/cases/{case.number}/"


def test_deleting_a_draft(client):
    w = make_world()
    case = start(client, w)
    response = client.post(f"/my/drafts/{case.uid}/", {"action": "delete"}, follow=True)
    assert "草稿已删除" in response.content.decode()
    assert not Case.objects.filter(pk=case.pk).exists()
