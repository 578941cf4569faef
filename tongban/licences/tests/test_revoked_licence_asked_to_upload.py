"""免证办 only stands on a valid licence: when the applicant's licence is revoked (注销) or expired, or
none is held, the material is asked for after all — even though the guide says 免提交 — and the page
says why."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from tongban.cases import materials
from tongban.cases.models import Phase
from tongban.cases.services import intake
from tongban.cases.tests.builders import pdf
from tongban.licences.models import MaterialLicenceCheck
from tongban.licences.services.issuance import revoke_licence
from tongban.licences.tests.builders import business_licence, exemption_world, fill_as_person
from tongban.registries.models import AccessLog

pytestmark = pytest.mark.django_db


def _draft(w):
    return fill_as_person(intake.start_application(w.applicant, w.impl), w.applicant, w.applicant)


def test_a_revoked_licence_is_not_used_and_the_applicant_is_asked_to_upload(client):
    w = exemption_world()
    licence = business_licence(w, holder_id=w.applicant.id_number)
    revoke_licence(w.approver, licence, reason="个体工商户已注销登记")
    case = _draft(w)

    assert w.licence_material in materials.required_uploads(case)
    check = MaterialLicenceCheck.objects.get(case=case)
    assert not check.satisfied and check.licence == licence
    assert "已注销（个体工商户已注销登记）" in check.note and licence.number in check.note
    assert check.access.allowed and check.access.found  # the read happened and is logged

    client.force_login(w.applicant)
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    assert "未能免提交" in page and "已注销（个体工商户已注销登记）" in page
    assert f'name="material-{w.licence_material.pk}"' in page  # the upload is offered

    for m in materials.required_uploads(case):
        if m != w.licence_material:
            intake.attach_file(w.applicant, case, m, pdf(f"{m.name}.pdf"))
    r = client.post(f"/my/drafts/{case.uid}/", {"action": "submit"})
    assert r.status_code == 200 and "请上传“营业执照”" in r.content.decode()
    case.refresh_from_db()
    assert case.phase == Phase.DRAFT and case.answers["applicant_name"] == "张三"  # nothing typed is lost

    r = client.post(f"/my/drafts/{case.uid}/", {"action": "submit",
                                                f"material-{w.licence_material.pk}": pdf("营业执照.pdf")})
    case.refresh_from_db()
    assert r.status_code == 302 and case.phase == Phase.SUBMITTED

    client.force_login(w.clerk)  # the clerk sees why the licence did not count
    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert "已注销（个体工商户已注销登记）" in page and "营业执照.pdf" in page


def test_an_expired_licence_is_not_used():
    w = exemption_world()
    issued = date.today() - timedelta(days=400)
    business_licence(w, holder_id=w.applicant.id_number, issued_on=issued,
                     valid_until=date.today() - timedelta(days=1))
    case = _draft(w)
    assert w.licence_material in materials.required_uploads(case)
    note = MaterialLicenceCheck.objects.get(case=case).note
    assert f"已于 {date.today() - timedelta(days=1):%Y-%m-%d} 过期" in note and "请上传有效的“营业执照”" in note


def test_without_a_licence_the_applicant_is_told_the_library_has_none():
    w = exemption_world()
    case = _draft(w)
    assert w.licence_material in materials.required_uploads(case)
    assert "电子证照库中没有申请人的“营业执照”" in MaterialLicenceCheck.objects.get(case=case).note


def test_a_licence_revoked_after_the_check_is_asked_for_at_submission(client):
    w = exemption_world()
    licence = business_licence(w, holder_id=w.applicant.id_number)
    case = _draft(w)
    assert w.licence_material not in materials.required_uploads(case)
    for m in materials.required_uploads(case):
        intake.attach_file(w.applicant, case, m, pdf(f"{m.name}.pdf"))

    revoke_licence(w.approver, licence, reason="被依法吊销")
    with pytest.raises(ValidationError) as exc:
        intake.submit(w.applicant, case)
    assert exc.value.message_dict[f"material_{w.licence_material.pk}"] == ["请上传“营业执照”"]

    client.force_login(w.applicant)
    r = client.post(f"/my/drafts/{case.uid}/", {"action": "submit"})
    page = r.content.decode()
    assert r.status_code == 200 and "请上传“营业执照”" in page and "已注销（被依法吊销）" in page
    assert "被依法吊销" in MaterialLicenceCheck.objects.get(case=case).note
    # Checked again on the page (logged again); the read inside the refused submission went with it.
    assert AccessLog.objects.filter(resource=w.library).count() == 2


def test_without_a_grant_nothing_is_read_and_the_applicant_is_asked():
    w = exemption_world(granted=False)
    business_licence(w, holder_id=w.applicant.id_number)
    case = _draft(w)
    assert w.licence_material in materials.required_uploads(case)
    assert "没有“电子证照库”用于本事项的共享授权" in MaterialLicenceCheck.objects.get(case=case).note
    assert not AccessLog.objects.filter(resource=w.library).exists()
