"""An app fills an application step by step: draft, answers saved as they come, files, submit."""

import pytest

from tongban.cases.models import Case, Phase
from tongban.cases.tests.api_support import call, sample_answers
from tongban.cases.tests.builders import make_world, pdf
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def _start(client, w):
    res = call(client, "POST", "/api/v1/cases/drafts", {"implementation_code": w.impl.code, "channel": "mobile"})
    assert res.status_code == 201, res.content
    return res.json()


def test_draft_is_prefilled_and_lists_form_and_materials(client, w):
    client.force_login(w.applicant)
    draft = _start(client, w)

    assert draft["phase"]["code"] == "draft" and draft["channel"]["code"] == "mobile"
    assert "张三" in draft["answers"].values()  # prefilled from the account
    assert [f["key"] for f in draft["form"]] == [f["key"] for f in effective_form(w.version)]
    licence = next(m for m in draft["materials"] if m["name"] == "营业执照")
    assert licence["upload_needed"] is False  # issued by a department: fetched, not asked for
    assert set(draft["missing"]) == {"食品经营许可申请书", "食品安全管理制度", "经营场所平面图"}


def test_saving_keeps_good_answers_and_names_the_bad_ones(client, w):
    client.force_login(w.applicant)
    draft = _start(client, w)
    id_field = next(f for f in effective_form(w.version) if f.get("type") == "id_number")
    phone_field = next(f for f in effective_form(w.version) if f.get("type") == "phone")

    res = call(client, "PATCH", draft["url"], {"answers": {id_field["key"]: "430102199003071230",
                                                           phone_field["key"]: "13912345678"}})

    assert res.status_code == 200, res.content
    body = res.json()
    assert id_field["label"] in body["errors"][f"answers.{id_field['key']}"]
    assert body["answers"][phone_field["key"]] == "13912345678"
    assert call(client, "GET", draft["url"]).json()["answers"][phone_field["key"]] == "13912345678"


def test_upload_then_submit_then_submit_again(client, w):
    client.force_login(w.applicant)
    draft = _start(client, w)
    call(client, "PATCH", draft["url"], {"answers": sample_answers(w.version)})
    for name in ("食品经营许可申请书", "食品安全管理制度"):
        res = client.post(f"{draft['url']}/files", {"material_id": w.materials[name].pk, "file": pdf(f"{name}.pdf")})
        assert res.status_code == 201, res.content
        assert res.json()["detected_type"] == "pdf" and res.json()["material_name"] == name

    incomplete = call(client, "POST", draft["submit_url"])
    assert incomplete.status_code == 422
    plan = w.materials["经营场所平面图"]
    assert incomplete.json()["fields"] == {f"material_{plan.pk}": ["请上传“经营场所平面图”"]}

    client.post(f"{draft['url']}/files", {"material_id": plan.pk, "file": pdf("平面图.pdf")})
    done = call(client, "POST", draft["submit_url"])
    assert done.status_code == 201, done.content
    number = done.json()["number"]
    assert Case.objects.get(number=number).phase == Phase.SUBMITTED

    again = call(client, "POST", draft["submit_url"])  # the app lost the first answer and retries
    assert again.status_code == 200 and again.json()["number"] == number


def test_a_file_for_another_matter_or_of_the_wrong_kind_is_refused(client, w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(w.applicant)
    draft = _start(client, w)
    res = client.post(f"{draft['url']}/files", {"material_id": 999999, "file": pdf()})
    assert res.status_code == 422
    assert res.json()["fields"]["material_id"] == ["材料编号“999999”不属于该事项"]

    exe = SimpleUploadedFile("申请书.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    res = client.post(f"{draft['url']}/files", {"material_id": w.materials["食品经营许可申请书"].pk, "file": exe})
    assert res.status_code == 422 and "PDF" in res.json()["message"]

    res = client.post(f"{draft['url']}/files", {"material_id": w.materials["食品经营许可申请书"].pk})
    assert res.status_code == 422 and "文件为必填项" in res.json()["message"]


def test_removing_a_file_puts_the_material_back_on_the_missing_list(client, w):
    client.force_login(w.applicant)
    draft = _start(client, w)
    f = client.post(f"{draft['url']}/files", {"material_id": w.materials["食品经营许可申请书"].pk,
                                              "file": pdf()}).json()
    assert "食品经营许可申请书" not in call(client, "GET", draft["url"]).json()["missing"]
    assert call(client, "DELETE", f"{draft['url']}/files/{f['id']}").status_code == 204
    assert "食品经营许可申请书" in call(client, "GET", draft["url"]).json()["missing"]


def test_someone_elses_draft_is_not_found(client, w):
    client.force_login(w.applicant)
    draft = _start(client, w)
    client.force_login(w.other_applicant)
    for method, url in [("GET", draft["url"]), ("PATCH", draft["url"]), ("POST", draft["submit_url"]),
                        ("DELETE", draft["url"])]:
        res = call(client, method, url, {"answers": {}} if method == "PATCH" else None)
        assert res.status_code == 404, (method, url)
        assert res.json()["code"] == "not_found"
    assert client.post(f"{draft['url']}/files", {"material_id": 1, "file": pdf()}).status_code == 404


def test_discarding_a_draft_deletes_it(client, w):
    client.force_login(w.applicant)
    draft = _start(client, w)
    assert call(client, "DELETE", draft["url"]).status_code == 204
    assert not Case.objects.exists()
