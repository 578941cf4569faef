import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongban.cases import materials
from tongban.cases.models import Phase
from tongban.cases.services import intake
from tongban.cases.tests.builders import fill_and_upload, make_world, pdf
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db


def test_draft_keeps_good_answers_and_names_the_bad_field():
    w = make_world()
    case = intake.start_application(w.applicant, w.impl)
    spec = effective_form(case.matter_version)
    id_key = next(f["key"] for f in spec if f.get("type") == "id_number")
    phone_key = next(f["key"] for f in spec if f.get("type") == "phone")

    case, errors = intake.save_draft(w.applicant, case, {id_key: "430102199003071230", phone_key: "13912345678"})

    assert id_key in errors and "身份" in errors[id_key]
    case.refresh_from_db()
    assert case.answers[phone_key] == "13912345678"
    assert case.phase == Phase.DRAFT and case.number is None


def test_submit_numbers_the_case_and_lists_what_is_missing():
    w = make_world()
    case = intake.start_application(w.applicant, w.impl)
    case = fill_and_upload(w, case, skip=("经营场所平面图",))

    with pytest.raises(ValidationError) as err:
        intake.submit(w.applicant, case)
    assert "请上传“经营场所平面图”" in str(err.value)

    intake.attach_file(w.applicant, case, w.materials["经营场所平面图"], pdf("平面图.pdf"))
    case = intake.submit(w.applicant, case)

    assert case.phase == Phase.SUBMITTED
    assert re.fullmatch(re.escape(w.impl.code) + r"\d{8}00001", case.number)
    assert case.matter_version_id == w.version.pk
    assert [e.label for e in case.events.filter(public=True)] == ["提交申请"]


def test_government_issued_material_is_not_asked_for():
    w = make_world()
    case = intake.start_application(w.applicant, w.impl)
    names = [m.name for m in materials.required_uploads(case)]
    assert "营业执照" not in names and "食品经营许可申请书" in names


def test_someone_else_cannot_touch_my_draft():
    w = make_world()
    case = intake.start_application(w.applicant, w.impl)
    with pytest.raises(PermissionDenied):
        intake.save_draft(w.other_applicant, case, {})
    with pytest.raises(PermissionDenied):
        intake.attach_file(w.other_applicant, case, w.materials["食品经营许可申请书"], pdf())


def test_renamed_executable_is_refused():
    w = make_world()
    case = intake.start_application(w.applicant, w.impl)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("申请书.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    with pytest.raises(ValidationError):
        intake.attach_file(w.applicant, case, w.materials["食品经营许可申请书"], fake)
    assert not case.files.exists()


def test_second_submit_click_is_harmless():
    w = make_world()
    case = fill_and_upload(w, intake.start_application(w.applicant, w.impl))
    first = intake.submit(w.applicant, case)
    again = intake.submit(w.applicant, case)
    assert again.number == first.number
    assert first.events.filter(action="submit").count() == 1
